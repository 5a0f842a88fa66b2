import { PostgresUnitHierarchy } from './postgres-unit-hierarchy';
import { ancestryOneByOne, UnitFilter, UnitHierarchy, UnitView } from './unit-hierarchy.port';

/** How long an answer read from the copy is believed: the bound on a change this process did not apply itself. */
export const UNIT_COPY_FRESH_MS = 1_000;
/** Answers remembered at most; beyond, all are forgotten. */
const MAX_REMEMBERED = 50_000;
const ABSENT = Symbol('absent');

/**
 * A service's copy of the hierarchy (UnitHierarchyModule.forService) with the answers every
 * request asks again remembered: a unit on a day (the access guard's chain of the unit asked
 * about), a unit's parent on a day (a roll-up's walk up from a few hundred units) and a unit's
 * last state (where an ended unit of a plan is placed). The copy
 * changes only through the service's UnitReplica, which calls `forget()` when it applies a change
 * and again after its commit; a change made by another process (a second replica of the
 * service, a tool) is believed within UNIT_COPY_FRESH_MS. Everything else is asked of PostgreSQL.
 */
export class CachedUnitHierarchy implements UnitHierarchy {
  private readonly remembered = new Map<string, { value: unknown; readAt: number }>();
  private generation = 0;

  constructor(
    private readonly copy: PostgresUnitHierarchy,
    private readonly freshMs = UNIT_COPY_FRESH_MS,
  ) {}

  /** Forgets every remembered answer: the replica has changed (or is about to change) the copy. */
  forget(): void {
    this.generation++;
    this.remembered.clear();
  }

  unit(code: string, day: string): Promise<UnitView | null> {
    return this.recall(`unit|${day}|${code}`, () => this.copy.unit(code, day));
  }

  async parentsUpTo(root: string, codes: readonly string[], day: string): Promise<Map<string, string | null>> {
    // As PostgresUnitHierarchy.parentsUpTo, level by level, asking the copy only for the codes not remembered.
    const parents = new Map<string, string | null>();
    let level = [...new Set(codes)];
    for (let depth = 0; level.length && depth < 10; depth++) {
      const known = new Map<string, string | null | typeof ABSENT>();
      const missing: string[] = [];
      for (const code of level) {
        const entry = this.fresh(`parent|${day}|${code}`);
        if (entry) known.set(code, entry.value as string | null | typeof ABSENT);
        else missing.push(code);
      }
      if (missing.length) {
        const generation = this.generation;
        const readAt = Date.now();
        const found = await this.copy.parentsOn(missing, day);
        for (const code of missing) {
          const value = found.has(code) ? (found.get(code) ?? null) : ABSENT;
          known.set(code, value);
          this.keep(`parent|${day}|${code}`, value, readAt, generation);
        }
      }
      const next = new Set<string>();
      for (const code of level) {
        const parent = known.get(code);
        if (parent === ABSENT || parent === undefined) continue;
        parents.set(code, parent);
        if (code !== root && parent && !parents.has(parent)) next.add(parent);
      }
      level = [...next];
    }
    return parents;
  }

  ancestry(code: string, day: string): Promise<UnitView[]> {
    return ancestryOneByOne(this, code, day);
  }

  lastKnown(code: string): Promise<UnitView | null> {
    return this.recall(`last|${code}`, () => this.copy.lastKnown(code));
  }
  children(code: string, day: string, filter?: UnitFilter): Promise<UnitView[]> {
    return this.copy.children(code, day, filter);
  }
  descendants(code: string, day: string, filter?: UnitFilter): Promise<UnitView[]> {
    return this.copy.descendants(code, day, filter);
  }
  predecessors(code: string): Promise<string[]> {
    return this.copy.predecessors(code);
  }
  lastKnownMany(codes: readonly string[]): Promise<Map<string, UnitView>> {
    return this.copy.lastKnownMany(codes);
  }
  inForce(codes: readonly string[], day: string): Promise<Set<string>> {
    return this.copy.inForce(codes, day);
  }
  existing(codes: readonly string[]): Promise<Set<string>> {
    return this.copy.existing(codes);
  }

  private fresh(key: string): { value: unknown } | null {
    const entry = this.remembered.get(key);
    return entry && Date.now() - entry.readAt < this.freshMs ? entry : null;
  }

  /** A read that a change overtook (forget() meanwhile) is used once, not remembered. */
  private keep(key: string, value: unknown, readAt: number, generation: number): void {
    if (generation !== this.generation) return;
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(key, { value, readAt });
  }

  private async recall<T>(key: string, read: () => Promise<T>): Promise<T> {
    const entry = this.fresh(key);
    if (entry) return entry.value as T;
    const generation = this.generation;
    const readAt = Date.now();
    const value = await read();
    this.keep(key, value, readAt, generation);
    return value;
  }
}
