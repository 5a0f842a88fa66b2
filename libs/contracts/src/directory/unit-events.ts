import { z } from 'zod';
import { defineContract } from '../lib/contract';

/**
 * What the directory publishes about units: every service keeps its own copy of the hierarchy
 * from these (to scope queries and fan out assignments). Days are `YYYY-MM-DD`.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day YYYY-MM-DD');
const code = z.string().min(1, 'must not be empty');
const unit = <Shape extends z.ZodRawShape>(eventType: string, data: Shape) =>
  defineContract({ service: 'directory', aggregate: 'unit', eventType, version: 1, schema: z.object({ code, ...data }) });

export const UnitEstablishedV1 = unit('UnitEstablished', {
  name: z.string().min(1),
  type: z.string().min(1),
  level: z.enum(['PROVINCE', 'DISTRICT', 'COMMUNE', 'AGENCY']),
  kind: z.string().nullable(),
  parentCode: code.nullable(),
  validFrom: day.nullable(),
  /** Other ways officials write the name ("Sở LĐ-TB&XH"); absent from events recorded before aliases existed. */
  aliases: z.array(z.string().min(1)).optional(),
});
export const UnitRenamedV1 = unit('UnitRenamed', { name: z.string().min(1), type: z.string().min(1), effectiveOn: day });
export const UnitTransferredV1 = unit('UnitTransferred', { parentCode: code, effectiveOn: day });
// `source` (the act that decided it) was added with the 2025 reorganisation: optional, so v1 still holds.
const source = z.string().min(1, 'must not be empty');
export const UnitMergedV1 = unit('UnitMerged', { intoCode: code, effectiveOn: day, source: source.optional() });
export const UnitDissolvedV1 = unit('UnitDissolved', { effectiveOn: day, source: source.optional() });
export const EarlierParentRecordedV1 = unit('EarlierParentRecorded', { parentCode: code, until: day });
/** The unit's whole list of aliases, replacing the previous one (not dated: spellings, not legal facts). */
export const UnitAliasesSetV1 = unit('UnitAliasesSet', { aliases: z.array(z.string().min(1)) });
export const UnitReorganisedV1 = unit('UnitReorganised', {
  name: z.string().min(1),
  type: z.string().min(1),
  parentCode: code.nullable(),
  effectiveOn: day,
  source,
});
export const UnitSplitV1 = unit('UnitSplit', { intoCodes: z.array(code).min(1, 'must name at least one unit'), effectiveOn: day, source });

export const DIRECTORY_UNIT_CONTRACTS = [
  UnitEstablishedV1,
  UnitRenamedV1,
  UnitTransferredV1,
  UnitMergedV1,
  UnitDissolvedV1,
  EarlierParentRecordedV1,
  UnitAliasesSetV1,
  UnitReorganisedV1,
  UnitSplitV1,
];
