import {
  EarlierParentRecordedV1,
  IntegrationEventContract,
  UnitAliasesSetV1,
  UnitDissolvedV1,
  UnitEstablishedV1,
  UnitMergedV1,
  UnitReorganisedV1,
  UnitRenamedV1,
  UnitSplitV1,
  UnitTransferredV1,
} from '@reform/contracts';
import { UnitFact } from '@reform/unit-periods';

/**
 * What a service's copy of the hierarchy reads from each published unit event: the directory's
 * contract (libs/contracts), mapped field by field to the facts a unit's periods are folded from.
 * Not the directory's stored type: that one is the directory's own. A field a contract stops
 * declaring fails to compile here, and unit-facts.unit.spec.ts fails at run time.
 */
type Mapping<Data> = { readonly contract: IntegrationEventContract<Data>; readonly fact: (data: Data) => UnitFact };
const mapping = <Data>(contract: IntegrationEventContract<Data>, fact: (data: Data) => UnitFact): Mapping<unknown> => ({ contract, fact }) as Mapping<unknown>;
const sourced = (source: string | undefined) => (source === undefined ? {} : { source });

const MAPPINGS: ReadonlyMap<string, Mapping<unknown>> = new Map(
  [
    mapping(UnitEstablishedV1, ({ code, name, type, level, kind, parentCode, validFrom, aliases }) => ({
      type: 'UnitEstablished',
      data: { code, name, type, level, kind, parentCode, validFrom, ...(aliases ? { aliases } : {}) },
    })),
    mapping(UnitRenamedV1, ({ name, type, effectiveOn }) => ({ type: 'UnitRenamed', data: { name, type, effectiveOn } })),
    mapping(UnitTransferredV1, ({ parentCode, effectiveOn }) => ({ type: 'UnitTransferred', data: { parentCode, effectiveOn } })),
    mapping(UnitMergedV1, ({ intoCode, effectiveOn, source }) => ({ type: 'UnitMerged', data: { intoCode, effectiveOn, ...sourced(source) } })),
    mapping(UnitDissolvedV1, ({ effectiveOn, source }) => ({ type: 'UnitDissolved', data: { effectiveOn, ...sourced(source) } })),
    mapping(EarlierParentRecordedV1, ({ parentCode, until }) => ({ type: 'EarlierParentRecorded', data: { parentCode, until } })),
    mapping(UnitAliasesSetV1, ({ aliases }) => ({ type: 'UnitAliasesSet', data: { aliases } })),
    mapping(UnitReorganisedV1, ({ name, type, parentCode, effectiveOn, source }) => ({
      type: 'UnitReorganised',
      data: { name, type, parentCode, effectiveOn, source },
    })),
    mapping(UnitSplitV1, ({ intoCodes, effectiveOn, source }) => ({ type: 'UnitSplit', data: { intoCodes, effectiveOn, source } })),
  ].map((entry) => [entry.contract.name, entry]),
);

/**
 * The fact a published unit event states. `data` is validated against its contract again here
 * (cheap: a small object) so the mapping reads typed fields, never a cast payload.
 */
export function unitFactOf(contractName: string, data: unknown): UnitFact {
  const entry = MAPPINGS.get(contractName);
  if (!entry) throw new Error(`No unit fact for the published event ${contractName}`);
  return entry.fact(entry.contract.validate(data));
}
