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
 * A plan's progress over a unit's subtree, computed from the `assignments` read model and the
 * service's copy of the unit tree: counts per status and overdue, for the unit and each child
 * that has assignments of the plan (province → districts → communes), each count covering the
 * child's whole subtree. Only task assignments count (IMPLEMENTING and LEAD); cascade
 * obligations are listed apart (`Plan.obligations`). percentComplete = completed / (total −
 * cancelled).
 */
@Injectable()
export class PlanProgressQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(UNIT_HIERARCHY) private readonly units: UnitHierarchy,
  ) {}

  async of(planId: string, unitCode: string, day: string): Promise<PlanProgress> {
    const descendants = await this.units.descendants(unitCode, day);
    const parentOf = new Map(descendants.map((unit) => [unit.code, unit.parentCode ?? unitCode]));
    const rows: Array<{ unit_code: string; status: string; overdue: boolean; n: string }> = await this.dataSource.query(
      `SELECT unit_code, status, overdue, count(*) AS n FROM "${S}".assignments
       WHERE plan_id = $1 AND kind = 'TASK' AND unit_code = ANY($2::text[]) GROUP BY unit_code, status, overdue`,
      [planId, [unitCode, ...parentOf.keys()]],
    );
    // Each unit's counts are added to it and to every ancestor up to the root of the question.
    const totals = new Map<string, Counts>();
    const add = (code: string, status: string, overdue: boolean, n: number) => {
      const counts = totals.get(code) ?? zero();
      counts[FIELD[status]] += n;
      if (overdue) counts.overdue += n;
      totals.set(code, counts);
    };
    for (const row of rows) {
      for (let code: string | undefined = row.unit_code; code; code = code === unitCode ? undefined : parentOf.get(code)) add(code, row.status, row.overdue, Number(row.n));
    }
    const childrenOf = new Map<string, string[]>();
    for (const [code, parent] of parentOf) if (totals.has(code)) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), code]);
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
        children: (childrenOf.get(code) ?? []).sort().map(node),
      };
    };
    return node(unitCode);
  }
}
