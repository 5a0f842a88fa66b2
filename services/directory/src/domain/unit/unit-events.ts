import { assertNever } from '@reform/decider';
import { Day, UnitFact, UnitLevel } from '@reform/unit-periods';

/**
 * The directory's stored unit events (stream `unit-<code>`): private to the directory. Other
 * services read the published contracts (libs/contracts directory/unit-events.ts, mapped in
 * ../../publish.ts); the unit's periods are folded from `UnitFact`s (`factOf`). The three shapes
 * coincide today; each mapping is written out so that a change to one side is a compile error
 * at the mapping, not a silent change of what another service reads.
 */
export type UnitEvent =
  /** `aliases`: other ways officials write the body's name ("Sở LĐ-TB&XH"); absent in older events. */
  | {
      type: 'UnitEstablished';
      data: {
        code: string;
        name: string;
        type: string;
        level: UnitLevel;
        kind: string | null;
        parentCode: string | null;
        validFrom: Day | null;
        aliases?: readonly string[];
      };
    }
  | { type: 'UnitRenamed'; data: { name: string; type: string; effectiveOn: Day } }
  | { type: 'UnitTransferred'; data: { parentCode: string; effectiveOn: Day } }
  /** `source`: the act that decided it (e.g. "NQ 1659/NQ-UBTVQH15"); absent in events before the 2025 reorganisation. */
  | { type: 'UnitMerged'; data: { intoCode: string; effectiveOn: Day; source?: string } }
  | { type: 'UnitDissolved'; data: { effectiveOn: Day; source?: string } }
  | { type: 'EarlierParentRecorded'; data: { parentCode: string; until: Day } }
  /** The whole list of aliases, replacing the one before: spellings, not legal facts, so not dated. */
  | { type: 'UnitAliasesSet'; data: { aliases: readonly string[] } }
  /** The unit continues under its code in a new structure from `effectiveOn`: new name, type and parent at once. */
  | { type: 'UnitReorganised'; data: { name: string; type: string; parentCode: string | null; effectiveOn: Day; source: string } }
  /** The unit was divided among `intoCodes`; it continues when its own code is among them. */
  | { type: 'UnitSplit'; data: { intoCodes: string[]; effectiveOn: Day; source: string } };

export const UNIT_EVENT_TYPES: readonly UnitEvent['type'][] = [
  'UnitEstablished',
  'UnitRenamed',
  'UnitTransferred',
  'UnitMerged',
  'UnitDissolved',
  'EarlierParentRecorded',
  'UnitAliasesSet',
  'UnitReorganised',
  'UnitSplit',
];

const sourced = (source: string | undefined) => (source === undefined ? {} : { source });

/** What a stored event says about the unit's periods. */
export function factOf(event: UnitEvent): UnitFact {
  switch (event.type) {
    case 'UnitEstablished': {
      const { code, name, type, level, kind, parentCode, validFrom, aliases } = event.data;
      return { type: event.type, data: { code, name, type, level, kind, parentCode, validFrom, ...(aliases ? { aliases } : {}) } };
    }
    case 'UnitRenamed':
      return { type: event.type, data: { name: event.data.name, type: event.data.type, effectiveOn: event.data.effectiveOn } };
    case 'UnitTransferred':
      return { type: event.type, data: { parentCode: event.data.parentCode, effectiveOn: event.data.effectiveOn } };
    case 'UnitMerged':
      return { type: event.type, data: { intoCode: event.data.intoCode, effectiveOn: event.data.effectiveOn, ...sourced(event.data.source) } };
    case 'UnitDissolved':
      return { type: event.type, data: { effectiveOn: event.data.effectiveOn, ...sourced(event.data.source) } };
    case 'EarlierParentRecorded':
      return { type: event.type, data: { parentCode: event.data.parentCode, until: event.data.until } };
    case 'UnitAliasesSet':
      return { type: event.type, data: { aliases: event.data.aliases } };
    case 'UnitReorganised': {
      const { name, type, parentCode, effectiveOn, source } = event.data;
      return { type: event.type, data: { name, type, parentCode, effectiveOn, source } };
    }
    case 'UnitSplit':
      return { type: event.type, data: { intoCodes: event.data.intoCodes, effectiveOn: event.data.effectiveOn, source: event.data.source } };
    default:
      return assertNever(event, 'unit event');
  }
}
