import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TASKS_SCHEMA as S } from '../../schema';
import { PlanTree, UnitTreeMode } from './plan-tree';

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
const FIELD: Record<string, keyof Counts> = {
  ASSIGNED: 'assigned',
  ACCEPTED: 'accepted',
  IN_PROGRESS: 'inProgress',
  COMPLETED: 'completed',
  CANCELLED: 'cancelled',
};

/**
 * Percent complete with three decimals: completed / (total − cancelled). One completion among
 * 100,000 active assignments still moves it (by 0.001); the counts are beside it, exact.
 */
export function percentComplete(completed: number, active: number): number {
  return active === 0 ? 0 : Math.round((100_000 * completed) / active) / 1000;
}

/**
 * A plan's progress over a unit's subtree, from the `plan_progress` counts (kept by the
 * assignments projection: task assignments per plan × unit × origin unit × status × overdue),
 * arranged in the plan's tree (PlanTree): by default the units it was issued to under the parents
 * they had on its issue day; with TODAY, under today's successors through the lineage. Counts per
 * status and overdue, for the unit and each child that has assignments of the plan, each count
 * covering the child's whole subtree; the root's total is the number of the plan's task
 * assignments under it, in both trees. Only task assignments count (IMPLEMENTING and LEAD);
 * cascade obligations are listed apart (`Plan.obligations`).
 *
 * Nothing is counted per request: a province's plan is a few hundred count rows, and the tree is
 * walked up from the units that have them (one index probe per level), not down the whole subtree.
 */
@Injectable()
export class PlanProgressQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tree: PlanTree,
  ) {}

  async of(planId: string, unitCode: string, today: string, mode: UnitTreeMode = 'ISSUE_DAY'): Promise<PlanProgress> {
    const rows: Array<{ unit_code: string; origin_code: string; status: string; overdue: boolean; n: number }> = await this.dataSource.query(
      `SELECT unit_code, origin_code, status, overdue, n FROM "${S}".plan_progress WHERE plan_id = $1 AND n <> 0`,
      [planId],
    );
    const issueDay = (await this.tree.issueDayOf(planId)) ?? today;
    const placement = await this.tree.placement(
      unitCode,
      rows.map((row) => ({ unitCode: row.unit_code, originCode: row.origin_code })),
      mode,
      issueDay,
      today,
    );
    // Each group's counts are added to its unit and to every unit above it up to the root of the question.
    const totals = new Map<string, Counts>();
    const childrenOf = new Map<string, Set<string>>();
    for (const row of rows) {
      const chain = placement.chainOf({ unitCode: row.unit_code, originCode: row.origin_code });
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
      return {
        unit: { code },
        unitCode: code,
        ...counts,
        total,
        percentComplete: percentComplete(counts.completed, total - counts.cancelled),
        children: [...(childrenOf.get(code) ?? [])].sort().map(node),
      };
    };
    return node(unitCode);
  }
}
