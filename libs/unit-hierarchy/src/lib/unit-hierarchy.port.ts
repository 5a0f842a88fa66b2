/**
 * Every service keeps its own copy of the unit hierarchy, built from the directory's published
 * unit events (docs/design/ARCHITECTURE.md), to scope queries, check access and fan out assignments. This is
 * the read port over that copy; days are `YYYY-MM-DD` and every answer is "as the units were on
 * that day" (valid time: a plan issued in 2020 by Nông Sơn still finds Nông Sơn and its communes).
 */
export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'AGENCY';

export interface UnitView {
  readonly code: string;
  readonly level: UnitLevel;
  /** For agencies: "Phòng", "Sở", "Công an", "UBMTTQ", "Bộ phận"...; null for territorial units. */
  readonly kind: string | null;
  readonly name: string;
  readonly type: string;
  readonly parentCode: string | null;
  /** The unit's whole validity, not the period's. */
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly mergedInto: string | null;
  readonly dissolved: boolean;
  /** Other names officials write for the unit ("Sở LĐ-TB&XH"), matched like its name. */
  readonly aliases: readonly string[];
  /** Lineage: the units that took it or parts of it (merges, splits). */
  readonly successors: ReadonlyArray<{ readonly code: string; readonly relation: 'MERGED_INTO' | 'SPLIT_INTO'; readonly effectiveOn: string }>;
  /** The day the view answers for. */
  readonly day: string;
}

export interface UnitFilter {
  readonly level?: UnitLevel;
  /** Agencies of this kind only (e.g. "Công an"). */
  readonly kind?: string;
}

export interface UnitHierarchy {
  /** The unit as it was on `day`; null when it did not exist then (or is unknown). */
  unit(code: string, day: string): Promise<UnitView | null>;
  /** The last recorded state of a unit, also of one that has ended (merged, dissolved). */
  lastKnown(code: string): Promise<UnitView | null>;
  /** Direct children on `day`. */
  children(code: string, day: string, filter?: UnitFilter): Promise<UnitView[]>;
  /** Every unit below `code` on `day` (not the unit itself), at any depth. */
  descendants(code: string, day: string, filter?: UnitFilter): Promise<UnitView[]>;
  /**
   * The parent of each of `codes` and of each unit above them, on `day`, up to `root` (not
   * above it): code → parent code. A roll-up over a few hundred units walks up from them
   * instead of listing the root's whole subtree; units outside it lead elsewhere.
   */
  parentsUpTo(root: string, codes: readonly string[], day: string): Promise<Map<string, string | null>>;
  /** The unit first, then its parent, up to the root, on `day`; [] when it did not exist then. */
  ancestry(code: string, day: string): Promise<UnitView[]>;
  /** Every unit that went into `code`, wholly or in part, directly or through earlier changes (lineage). */
  predecessors(code: string): Promise<string[]>;
  /** The last recorded state of each of `codes` that is known (one round trip for many). */
  lastKnownMany(codes: readonly string[]): Promise<Map<string, UnitView>>;
  /** Which of `codes` are in force on `day`. */
  inForce(codes: readonly string[], day: string): Promise<Set<string>>;
  /** Which of `codes` are known at all (any day). */
  existing(codes: readonly string[]): Promise<Set<string>>;
}

export const UNIT_HIERARCHY = Symbol('UNIT_HIERARCHY');

/** `ancestry` of a hierarchy that reads one unit at a time: up through the parents, ten levels at most (a cycle in bad data ends). */
export async function ancestryOneByOne(hierarchy: Pick<UnitHierarchy, 'unit'>, code: string, day: string): Promise<UnitView[]> {
  const chain: UnitView[] = [];
  for (let next: string | null = code; next && chain.length < 10;) {
    const unit: UnitView | null = await hierarchy.unit(next, day);
    if (!unit) break;
    chain.push(unit);
    next = unit.parentCode;
  }
  return chain;
}
