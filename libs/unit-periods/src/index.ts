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

/**
 * The facts of a unit's history that its periods are folded from. Each side maps its own events
 * to these: the directory its stored events (services/directory domain/unit/unit-events.ts), the
 * other services the directory's published contracts (libs/unit-hierarchy unit-facts.ts); neither
 * type is the other's.
 */
export type UnitFact =
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
  /**
   * The unit continues under its code in a new structure from `effectiveOn`: new name, type and
   * parent at once (2025: a commune that keeps its code moves from its district to the province).
   */
  | { type: 'UnitReorganised'; data: { name: string; type: string; parentCode: string | null; effectiveOn: Day; source: string } }
  /**
   * The unit was divided among `intoCodes`. When its own code is among them it continues (it kept
   * a part); otherwise it ends that day.
   */
  | { type: 'UnitSplit'; data: { intoCodes: string[]; effectiveOn: Day; source: string } };

export const UNIT_FACT_TYPES: readonly UnitFact['type'][] = [
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

/** Where (part of) a unit went: lineage, read from the predecessor's side. */
export interface UnitSuccessor {
  readonly code: string;
  readonly relation: 'MERGED_INTO' | 'SPLIT_INTO';
  readonly effectiveOn: Day;
  readonly source: string | null;
}

export type UnitState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'established';
      readonly code: string;
      readonly level: UnitLevel;
      readonly kind: string | null;
      readonly periods: readonly UnitPeriod[];
      /** The one unit it was merged into as a whole (null for a split: see `successors`). */
      readonly mergedInto: string | null;
      readonly dissolved: boolean;
      /** Other names officials write for the unit (abbreviations...), matched like its name. */
      readonly aliases: readonly string[];
      /** Every unit that took it or a part of it, in the order recorded (merges and splits). */
      readonly successors: readonly UnitSuccessor[];
      /** The act that ended it (merger, split, dissolution), when recorded. */
      readonly endSource: string | null;
    };

export type EstablishedUnit = Extract<UnitState, { status: 'established' }>;

export const ABSENT_UNIT: UnitState = { status: 'absent' };

export const lastPeriod = (unit: EstablishedUnit): UnitPeriod => unit.periods[unit.periods.length - 1];

/** Whether the unit's last period has ended (merged, split up, dissolved). */
export const hasEnded = (unit: EstablishedUnit): boolean => lastPeriod(unit).validTo !== null;

/** Ends the current period on `on` and opens the next with `changes`. */
function split(periods: readonly UnitPeriod[], on: Day, changes: Partial<UnitPeriod>): UnitPeriod[] {
  const last = periods[periods.length - 1];
  return [...periods.slice(0, -1), { ...last, validTo: on }, { ...last, ...changes, validFrom: on, validTo: null }];
}

function end(periods: readonly UnitPeriod[], on: Day): UnitPeriod[] {
  return [...periods.slice(0, -1), { ...periods[periods.length - 1], validTo: on }];
}

export function evolveUnit(state: UnitState, event: UnitFact): UnitState {
  if (event.type === 'UnitEstablished') {
    const { code, level, kind, name, type, parentCode, validFrom } = event.data;
    return {
      status: 'established',
      code,
      level,
      kind,
      periods: [{ validFrom, validTo: null, name, type, parentCode }],
      mergedInto: null,
      dissolved: false,
      aliases: [...(event.data.aliases ?? [])],
      successors: [],
      endSource: null,
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'UnitRenamed':
      return { ...state, periods: split(state.periods, event.data.effectiveOn, { name: event.data.name, type: event.data.type }) };
    case 'UnitTransferred':
      return { ...state, periods: split(state.periods, event.data.effectiveOn, { parentCode: event.data.parentCode }) };
    case 'UnitMerged': {
      const { intoCode, effectiveOn, source = null } = event.data;
      return {
        ...state,
        mergedInto: intoCode,
        successors: [...state.successors, { code: intoCode, relation: 'MERGED_INTO', effectiveOn, source }],
        endSource: source,
        periods: end(state.periods, effectiveOn),
      };
    }
    case 'UnitDissolved':
      return { ...state, dissolved: true, endSource: event.data.source ?? null, periods: end(state.periods, event.data.effectiveOn) };
    case 'UnitReorganised': {
      const { name, type, parentCode, effectiveOn } = event.data;
      return { ...state, periods: split(state.periods, effectiveOn, { name, type, parentCode }) };
    }
    case 'UnitSplit': {
      const { intoCodes, effectiveOn, source } = event.data;
      const parts = intoCodes.filter((code) => code !== state.code).map((code) => ({ code, relation: 'SPLIT_INTO' as const, effectiveOn, source }));
      const continues = intoCodes.includes(state.code);
      return {
        ...state,
        successors: [...state.successors, ...parts],
        ...(continues ? {} : { endSource: source, periods: end(state.periods, effectiveOn) }),
      };
    }
    case 'EarlierParentRecorded': {
      const [first, ...rest] = state.periods;
      return {
        ...state,
        periods: [{ ...first, validTo: event.data.until, parentCode: event.data.parentCode }, { ...first, validFrom: event.data.until }, ...rest],
      };
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
