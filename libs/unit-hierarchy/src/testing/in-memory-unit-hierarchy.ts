import { UnitFilter, UnitHierarchy, UnitView } from '../lib/unit-hierarchy.port';

/**
 * The UNIT_HIERARCHY port over a fixed list of units, for tests without a database (a service's
 * command handlers on the in-memory event store). A unit answers on the days between its
 * `validFrom` and `validTo`; parents do not change (a test of reorganisations uses the real copy).
 */
export class InMemoryUnitHierarchy implements UnitHierarchy {
  private readonly byCode: ReadonlyMap<string, UnitView>;

  constructor(units: readonly UnitView[]) {
    this.byCode = new Map(units.map((unit) => [unit.code, unit]));
  }

  async unit(code: string, day: string): Promise<UnitView | null> {
    return this.on(this.byCode.get(code), day);
  }

  async lastKnown(code: string): Promise<UnitView | null> {
    return this.byCode.get(code) ?? null;
  }

  async lastKnownMany(codes: readonly string[]): Promise<Map<string, UnitView>> {
    return new Map(codes.flatMap((code) => (this.byCode.has(code) ? [[code, this.byCode.get(code) as UnitView] as const] : [])));
  }

  async inForce(codes: readonly string[], day: string): Promise<Set<string>> {
    return new Set(codes.filter((code) => this.on(this.byCode.get(code), day) !== null));
  }

  async children(code: string, day: string, filter: UnitFilter = {}): Promise<UnitView[]> {
    return this.all(day).filter((unit) => unit.parentCode === code && matches(unit, filter));
  }

  async descendants(code: string, day: string, filter: UnitFilter = {}): Promise<UnitView[]> {
    const found: UnitView[] = [];
    let frontier = [code];
    while (frontier.length) {
      const next = this.all(day).filter((unit) => unit.parentCode !== null && frontier.includes(unit.parentCode));
      found.push(...next);
      frontier = next.map((unit) => unit.code);
    }
    return found.filter((unit) => matches(unit, filter));
  }

  async parentsUpTo(root: string, codes: readonly string[], day: string): Promise<Map<string, string | null>> {
    const parents = new Map<string, string | null>();
    for (const code of codes) {
      for (
        let unit = await this.unit(code, day);
        unit && unit.code !== root && !parents.has(unit.code);
        unit = unit.parentCode ? await this.unit(unit.parentCode, day) : null
      ) {
        parents.set(unit.code, unit.parentCode);
      }
    }
    return parents;
  }

  async ancestry(code: string, day: string): Promise<UnitView[]> {
    const chain: UnitView[] = [];
    for (let unit = await this.unit(code, day); unit; unit = unit.parentCode ? await this.unit(unit.parentCode, day) : null) chain.push(unit);
    return chain;
  }

  async predecessors(code: string): Promise<string[]> {
    return [...this.byCode.values()].filter((unit) => unit.successors.some((successor) => successor.code === code)).map((unit) => unit.code);
  }

  async existing(codes: readonly string[]): Promise<Set<string>> {
    return new Set(codes.filter((code) => this.byCode.has(code)));
  }

  private all(day: string): UnitView[] {
    return [...this.byCode.values()].map((unit) => this.on(unit, day)).filter((unit): unit is UnitView => unit !== null);
  }

  private on(unit: UnitView | undefined, day: string): UnitView | null {
    if (!unit || (unit.validFrom && unit.validFrom > day) || (unit.validTo && unit.validTo < day)) return null;
    return { ...unit, day };
  }
}

const matches = (unit: UnitView, filter: UnitFilter) => (!filter.level || unit.level === filter.level) && (!filter.kind || unit.kind === filter.kind);
