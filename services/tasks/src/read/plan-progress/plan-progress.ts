import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { TASKS_SCHEMA as S } from '../../schema';

export interface PlanProgress {
  readonly unit: { code: string };
  readonly unitCode: string;
  readonly assigned: number;
  readonly accepted: number;
  readonly inProgress: number;
  readonly completed: number;
  readonly cancelled: number;
  readonly overdue: number;
  readonly total: number;
  readonly percentComplete: number;
  readonly children: PlanProgress[];
}

interface Counts {
  assigned: number;
  accepted: number;
  inProgress: number;
  completed: number;
  cancelled: number;
  overdue: number;
}

const zero = (): Counts => ({ assigned: 0, accepted: 0, inProgress: 0, completed: 0, cancelled: 0, overdue: 0 });
const FIELD: Record<string, keyof Counts> = { ASSIGNED: 'assigned', ACCEPTED: 'accepted', IN_PROGRESS: 'inProgress', COMPLETED: 'completed', CANCELLED: 'cancelled' };

/**
 * A plan's progress over a unit's subtree, from the `plan_progress` counts (kept by the
 * assignments projection: task assignments per plan × assignee unit × status × overdue) and the
 * service's copy of the unit tree on `day`: counts per status and overdue, for the unit and each
 * child that has assignments of the plan (province → districts → communes), each count covering
 * the child's whole subtree. Only task assignments count (IMPLEMENTING and LEAD); cascade
 * obligations are listed apart (`Plan.obligations`). percentComplete = completed / (total −
 * cancelled).
 *
 * Nothing is counted per request: a province's plan is a few hundred count rows, and the tree is
 * walked up from the units that have them (one index probe each), not down the whole subtree.
 */
@Injectable()
export class PlanProgressQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(UNIT_HIERARCHY) private readonly units: UnitHierarchy,
  ) {}

  async of(planId: string, unitCode: string, day: string): Promise<PlanProgress> {
    const rows: Array<{ unit_code: string; status: string; overdue: boolean; n: number }> = await this.dataSource.query(
      `SELECT unit_code, status, overdue, n FROM "${S}".plan_progress WHERE plan_id = $1 AND n <> 0`,
      [planId],
    );
    const parentOf = await this.units.parentsUpTo(unitCode, [...new Set(rows.map((row) => row.unit_code))], day);
    // The chain from a unit up to the root of the question; null when the unit is not under it.
    const chains = new Map<string, string[] | null>();
    const chainOf = (code: string): string[] | null => {
      if (chains.has(code)) return chains.get(code) as string[] | null;
      const chain: string[] = [];
      for (let next: string | null | undefined = code; ; next = parentOf.get(next)) {
        if (!next || chain.length > 10) {
          chains.set(code, null);
          return null;
        }
        chain.push(next);
        if (next === unitCode) break;
      }
      chains.set(code, chain);
      return chain;
    };
    // Each unit's counts are added to it and to every ancestor up to the root of the question.
    const totals = new Map<string, Counts>();
    const childrenOf = new Map<string, Set<string>>();
    for (const row of rows) {
      const chain = chainOf(row.unit_code);
      if (!chain) continue;
      chain.forEach((code, i) => {
        const counts = totals.get(code) ?? zero();
        counts[FIELD[row.status]] += row.n;
        if (row.overdue) counts.overdue += row.n;
        totals.set(code, counts);
        const parent = chain[i + 1];
        if (parent) childrenOf.set(parent, (childrenOf.get(parent) ?? new Set()).add(code));
      });
    }
    const node = (code: string): PlanProgress => {
      const counts = totals.get(code) ?? zero();
      const total = counts.assigned + counts.accepted + counts.inProgress + counts.completed + counts.cancelled;
      const active = total - counts.cancelled;
      return {
        unit: { code },
        unitCode: code,
        ...counts,
        total,
        percentComplete: active === 0 ? 0 : Math.round((1000 * counts.completed) / active) / 10,
        children: [...(childrenOf.get(code) ?? [])].sort().map(node),
      };
    };
    return node(unitCode);
  }
}
