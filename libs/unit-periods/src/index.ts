/* Pure (type:domain): a unit's periods of validity and how its published facts change them. */
import { assertNever } from '@reform/decider';

/**
 * An administrative unit's history as periods of validity (valid time, calendar days): renames
 * and transfers split the current period, a merger or dissolution ends it. The directory's Unit
 * decider evolves its state with `evolveUnit`, and every other service folds the directory's
 * published unit events with the same function into its own copy of the hierarchy, so both
 * answer "what was this unit on that day" identically.
 */
export const UNIT_LEVELS = ['PROVINCE', 'DISTRICT', 'COMMUNE', 'AGENCY'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** A calendar day, `YYYY-MM-DD`; null as a start means "before our records". */
export type Day = string;

export interface UnitPeriod {
  readonly validFrom: Day | null;
  readonly validTo: Day | null;
  readonly name: string;
  /** Vietnamese type as written: Tỉnh, Huyện, Thị xã, Xã, Phường, Thị trấn, or an agency's kind. */
  readonly type: string;
  readonly parentCode: string | null;
}

export type UnitEvent =
  /** `aliases`: other ways officials write the body's name ("Sở LĐ-TB&XH"); absent in older events. */
  | { type: 'UnitEstablished'; data: { code: string; name: string; type: string; level: UnitLevel; kind: string | null; parentCode: string | null; validFrom: Day | null; aliases?: readonly string[] } }
  | { type: 'UnitRenamed'; data: { name: string; type: string; effectiveOn: Day } }
  | { type: 'UnitTransferred'; data: { parentCode: string; effectiveOn: Day } }
  | { type: 'UnitMerged'; data: { intoCode: string; effectiveOn: Day } }
  | { type: 'UnitDissolved'; data: { effectiveOn: Day } }
  | { type: 'EarlierParentRecorded'; data: { parentCode: string; until: Day } }
  /** The whole list of aliases, replacing the one before: spellings, not legal facts, so not dated. */
  | { type: 'UnitAliasesSet'; data: { aliases: readonly string[] } };

export const UNIT_EVENT_TYPES: readonly UnitEvent['type'][] = ['UnitEstablished', 'UnitRenamed', 'UnitTransferred', 'UnitMerged', 'UnitDissolved', 'EarlierParentRecorded', 'UnitAliasesSet'];

export type UnitState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'established';
      readonly code: string;
      readonly level: UnitLevel;
      readonly kind: string | null;
      readonly periods: readonly UnitPeriod[];
      readonly mergedInto: string | null;
      readonly dissolved: boolean;
      /** Other names officials write for the unit (abbreviations...), matched like its name. */
      readonly aliases: readonly string[];
    };

export type EstablishedUnit = Extract<UnitState, { status: 'established' }>;

export const ABSENT_UNIT: UnitState = { status: 'absent' };

export const lastPeriod = (unit: EstablishedUnit): UnitPeriod => unit.periods[unit.periods.length - 1];

/** Ends the current period on `on` and opens the next with `changes`. */
function split(periods: readonly UnitPeriod[], on: Day, changes: Partial<UnitPeriod>): UnitPeriod[] {
  const last = periods[periods.length - 1];
  return [...periods.slice(0, -1), { ...last, validTo: on }, { ...last, ...changes, validFrom: on, validTo: null }];
}

export function evolveUnit(state: UnitState, event: UnitEvent): UnitState {
  if (event.type === 'UnitEstablished') {
    const { code, level, kind, name, type, parentCode, validFrom } = event.data;
    return { status: 'established', code, level, kind, periods: [{ validFrom, validTo: null, name, type, parentCode }], mergedInto: null, dissolved: false, aliases: [...(event.data.aliases ?? [])] };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'UnitRenamed':
      return { ...state, periods: split(state.periods, event.data.effectiveOn, { name: event.data.name, type: event.data.type }) };
    case 'UnitTransferred':
      return { ...state, periods: split(state.periods, event.data.effectiveOn, { parentCode: event.data.parentCode }) };
    case 'UnitMerged':
      return { ...state, mergedInto: event.data.intoCode, periods: [...state.periods.slice(0, -1), { ...lastPeriod(state), validTo: event.data.effectiveOn }] };
    case 'UnitDissolved':
      return { ...state, dissolved: true, periods: [...state.periods.slice(0, -1), { ...lastPeriod(state), validTo: event.data.effectiveOn }] };
    case 'EarlierParentRecorded': {
      const [first, ...rest] = state.periods;
      return { ...state, periods: [{ ...first, validTo: event.data.until, parentCode: event.data.parentCode }, { ...first, validFrom: event.data.until }, ...rest] };
    }
    case 'UnitAliasesSet':
      return { ...state, aliases: [...event.data.aliases] };
    default:
      return assertNever(event, 'unit event');
  }
}

/** The period that contains `on` (null when the unit did not exist then). */
export function periodOn(unit: EstablishedUnit, on: Day): UnitPeriod | null {
  return unit.periods.find((p) => (p.validFrom === null || p.validFrom <= on) && (p.validTo === null || on < p.validTo)) ?? null;
}
