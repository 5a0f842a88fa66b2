import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { Assignment, AssignmentStatus } from '../../domain/assignment/assignment.decider';
import { PageWindow } from '@reform/subgraph';
import { TASKS_SCHEMA as S } from '../../schema';
import { PlanTree, PlanUnitPair, UnitTreeMode } from '../plan-progress/plan-tree';
import { fromStored, StoredAssignment } from './stored-assignment';

export interface AssignmentFilter {
  readonly status?: readonly AssignmentStatus[] | null;
  readonly overdue?: boolean | null;
  readonly planId?: string | null;
  /** Assignments whose latest extension request has this status (REQUESTED: waiting for the assigner). */
  readonly extensionStatus?: string | null;
}

/** The most rows one answer of an assignment list holds (API.md); more are paged with offset and limit. */
export const ASSIGNMENT_PAGE_MAX = 1_000;

export interface ListScope {
  readonly includeSubtree?: boolean;
  readonly includePredecessors?: boolean;
  /** With a plan and a subtree: the plan's tree (its issue day, or today through the lineage). */
  readonly tree?: UnitTreeMode;
  readonly day: string;
}

/** One window of a list and the list's total. */
export interface Listed {
  readonly items: Assignment[];
  readonly total: number;
}

// A total order: pages follow each other without a row twice or missed.
const ORDER = 'ORDER BY due_on NULLS LAST, plan_number, task_id, unit_code, id';

/** Questions over the `assignments` read model. */
@Injectable()
export class AssignmentList {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(UNIT_HIERARCHY) private readonly units: UnitHierarchy,
    private readonly tree: PlanTree,
  ) {}

  /**
   * A unit's assignments, or its whole subtree's: as the tree is on `day`, or — for one plan — in
   * the plan's tree (the units it was issued to under their parents of its issue day by default,
   * so a district merged since still lists its communes' work).
   */
  async ofUnit(unitCode: string, filter: AssignmentFilter, options: ListScope, window: PageWindow): Promise<Listed> {
    const where = `($2::text[] IS NULL OR status = ANY($2::text[])) AND ($3::boolean IS NULL OR overdue = $3) AND ($4::text IS NULL OR plan_id = $4) AND ($5::text IS NULL OR state->'extension'->>'status' = $5)`;
    const filters = [filter.status?.length ? filter.status : null, filter.overdue ?? null, filter.planId ?? null, filter.extensionStatus ?? null];
    if (filter.planId && options.includeSubtree) {
      const pairs: PlanUnitPair[] = (await this.dataSource.query(
        `SELECT DISTINCT unit_code AS "unitCode", origin_code AS "originCode" FROM "${S}".assignments WHERE plan_id = $1`,
        [filter.planId],
      )) as PlanUnitPair[];
      const issueDay = (await this.tree.issueDayOf(filter.planId)) ?? options.day;
      const placement = await this.tree.placement(unitCode, pairs, options.tree ?? 'ISSUE_DAY', issueDay, options.day);
      const inside = pairs.filter((pair) => placement.chainOf(pair) !== null);
      // Closed work of a predecessor outside the plan's tree, as without a plan.
      const earlier = options.includePredecessors ? await this.predecessorsOf([unitCode]) : [];
      return this.query(
        `(unit_code, origin_code) IN (SELECT * FROM unnest($1::text[], $6::text[])) OR unit_code = ANY($7::text[])`,
        where,
        [inside.map((pair) => pair.unitCode), ...filters, inside.map((pair) => pair.originCode), earlier],
        window,
      );
    }
    const subtree = [unitCode, ...(options.includeSubtree ? (await this.units.descendants(unitCode, options.day)).map((unit) => unit.code) : [])];
    // Closed work stays with the unit that did it; its successor finds it through lineage.
    const earlier = options.includePredecessors ? await this.predecessorsOf(subtree) : [];
    return this.query(`unit_code = ANY($1::text[])`, where, [[...new Set([...subtree, ...earlier])], ...filters], window);
  }

  private async predecessorsOf(codes: readonly string[]): Promise<string[]> {
    return (await Promise.all(codes.map((code) => this.units.predecessors(code)))).flat();
  }

  private async query(units: string, where: string, parameters: unknown[], window: PageWindow): Promise<Listed> {
    const from = `FROM "${S}".assignments WHERE (${units}) AND ${where}`;
    const rows: Array<{ state: StoredAssignment; total: string }> = await this.dataSource.query(
      `SELECT state, count(*) OVER () AS total ${from} ${ORDER} OFFSET ${window.offset} LIMIT ${window.limit}`,
      parameters,
    );
    // A page past the end has no row to carry the total.
    const total = rows.length ? Number(rows[0].total) : Number((await this.dataSource.query(`SELECT count(*) AS n ${from}`, parameters))[0].n);
    return { items: rows.map((row) => fromStored(row.state)), total };
  }

  /** Every assignment of one task of a plan (all units, both roles): a window and the total. */
  async ofTask(planId: string, taskId: string, window: PageWindow): Promise<Listed> {
    const rows: Array<{ state: StoredAssignment; total: string }> = await this.dataSource.query(
      `SELECT state, count(*) OVER () AS total FROM "${S}".assignments WHERE plan_id = $1 AND task_id = $2 ORDER BY role DESC, unit_code, id OFFSET ${window.offset} LIMIT ${window.limit}`,
      [planId, taskId],
    );
    const total = rows.length
      ? Number(rows[0].total)
      : Number((await this.dataSource.query(`SELECT count(*) AS n FROM "${S}".assignments WHERE plan_id = $1 AND task_id = $2`, [planId, taskId]))[0].n);
    return { items: rows.map((row) => fromStored(row.state)), total };
  }

  /** Every assignment of one task, whole (the task timeline reads all their streams). */
  async allOfTask(planId: string, taskId: string): Promise<Assignment[]> {
    const rows: Array<{ state: StoredAssignment }> = await this.dataSource.query(
      `SELECT state FROM "${S}".assignments WHERE plan_id = $1 AND task_id = $2 ORDER BY role DESC, unit_code, id`,
      [planId, taskId],
    );
    return rows.map((row) => fromStored(row.state));
  }

  /** Any one assignment of a task: whose leads, monitors and issuer may read the task. */
  async oneOfTask(planId: string, taskId: string): Promise<Assignment | null> {
    const [row]: Array<{ state: StoredAssignment }> = await this.dataSource.query(
      `SELECT state FROM "${S}".assignments WHERE plan_id = $1 AND task_id = $2 LIMIT 1`,
      [planId, taskId],
    );
    return row ? fromStored(row.state) : null;
  }

  async obligationsOf(planId: string): Promise<Assignment[]> {
    const rows: Array<{ state: StoredAssignment }> = await this.dataSource.query(
      `SELECT state FROM "${S}".assignments WHERE plan_id = $1 AND kind = 'IMPLEMENTING_PLAN' ORDER BY unit_code`,
      [planId],
    );
    return rows.map((row) => fromStored(row.state));
  }

  /** The plan's issuer: from the plan event, else from any of its assignments. */
  async issuerOf(planId: string): Promise<string | null> {
    const heard = await this.tree.heardOf(planId);
    if (heard) return heard.issuerCode;
    const [row]: Array<{ issuer: string }> = await this.dataSource.query(`SELECT assigner_code AS issuer FROM "${S}".assignments WHERE plan_id = $1 LIMIT 1`, [
      planId,
    ]);
    return row?.issuer ?? null;
  }
}
