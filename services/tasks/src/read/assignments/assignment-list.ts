import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { Assignment, AssignmentStatus } from '../../domain/assignment/assignment.decider';
import { TASKS_SCHEMA as S } from '../../schema';

export interface AssignmentFilter {
  readonly status?: readonly AssignmentStatus[] | null;
  readonly overdue?: boolean | null;
  readonly planId?: string | null;
}

const LIMIT = 5_000;

/** Questions over the `assignments` read model. */
@Injectable()
export class AssignmentList {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(UNIT_HIERARCHY) private readonly units: UnitHierarchy,
  ) {}

  /** A unit's assignments, or its whole subtree's (as the tree is on `day`). */
  async ofUnit(unitCode: string, filter: AssignmentFilter, options: { includeSubtree?: boolean; includePredecessors?: boolean; day: string }): Promise<Assignment[]> {
    const subtree = [unitCode, ...(options.includeSubtree ? (await this.units.descendants(unitCode, options.day)).map((unit) => unit.code) : [])];
    // Closed work stays with the unit that did it; its successor finds it through lineage.
    const earlier = options.includePredecessors ? (await Promise.all(subtree.map((code) => this.units.predecessors(code)))).flat() : [];
    const codes = [...new Set([...subtree, ...earlier])];
    const rows: Array<{ state: Assignment }> = await this.dataSource.query(
      `SELECT state FROM "${S}".assignments
       WHERE unit_code = ANY($1::text[]) AND ($2::text[] IS NULL OR status = ANY($2::text[])) AND ($3::boolean IS NULL OR overdue = $3) AND ($4::text IS NULL OR plan_id = $4)
       ORDER BY due_on NULLS LAST, plan_number, task_id, unit_code LIMIT ${LIMIT}`,
      [codes, filter.status?.length ? filter.status : null, filter.overdue ?? null, filter.planId ?? null],
    );
    return rows.map((row) => row.state);
  }

  /** Every assignment of one task of a plan (all units, both roles). */
  async ofTask(planId: string, taskId: string): Promise<Assignment[]> {
    const rows: Array<{ state: Assignment }> = await this.dataSource.query(
      `SELECT state FROM "${S}".assignments WHERE plan_id = $1 AND task_id = $2 ORDER BY role DESC, unit_code LIMIT ${LIMIT}`,
      [planId, taskId],
    );
    return rows.map((row) => row.state);
  }

  async obligationsOf(planId: string): Promise<Assignment[]> {
    const rows: Array<{ state: Assignment }> = await this.dataSource.query(
      `SELECT state FROM "${S}".assignments WHERE plan_id = $1 AND kind = 'IMPLEMENTING_PLAN' ORDER BY unit_code`,
      [planId],
    );
    return rows.map((row) => row.state);
  }

  /** The plan's issuer: from the plan event, else from any of its assignments. */
  async issuerOf(planId: string): Promise<string | null> {
    const [row]: Array<{ issuer: string }> = await this.dataSource.query(
      `SELECT issuer_code AS issuer FROM "${S}".known_plans WHERE plan_id = $1
       UNION ALL (SELECT assigner_code FROM "${S}".assignments WHERE plan_id = $1 LIMIT 1) LIMIT 1`,
      [planId],
    );
    return row?.issuer ?? null;
  }
}
