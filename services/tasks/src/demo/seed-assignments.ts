import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Identity } from '@reform/access';
import { AssignmentCommand } from '../domain/assignment/assignment.decider';
import { OverdueScheduler } from '../automation/when-day-passes-then-mark-overdue/overdue-scheduler';
import { PlanEventJobs } from '../automation/plan-event-jobs';
import { AssignmentCommands } from '../write/common/assignment-commands';
import { TASKS_SCHEMA as S } from '../schema';

export interface DemoAssignmentsSummary {
  readonly assignments: number;
  readonly accepted: number;
  readonly inProgress: number;
  readonly completed: number;
  readonly overdue: number;
}

/**
 * The embedded mode's demo assignments: waits until the demo plans have fanned out, records the
 * overdue marks their (2020–2021) due days call for, then takes three communes of the showcase plan
 * through the lifecycle — one accepted, one at 50 %, one completed — acting as `demo` for each
 * commune. A second run finds them done and changes nothing.
 */
export async function seedDemoAssignments(
  app: INestApplication,
  options: { planIds: readonly string[]; showcasePlanId: string; timeoutMs?: number },
): Promise<DemoAssignmentsSummary> {
  const dataSource = app.get(DataSource);
  await fannedOut(dataSource, app.get(PlanEventJobs), options.planIds, options.timeoutMs ?? 120_000);
  await app.get(OverdueScheduler).tick();

  const commands = app.get(AssignmentCommands);
  const started: Array<{ id: string }> = await dataSource.query(`SELECT id FROM "${S}".assignments WHERE plan_id = $1 AND status <> 'ASSIGNED' LIMIT 1`, [
    options.showcasePlanId,
  ]);
  if (started.length === 0) {
    // Three communes' assignments of the plan's first task given to at least three units.
    const rows: Array<{ id: string; unit_code: string }> = await dataSource.query(
      `SELECT id, unit_code FROM "${S}".assignments
        WHERE plan_id = $1 AND kind = 'TASK' AND role = 'IMPLEMENTING' AND status = 'ASSIGNED'
          AND task_id = (SELECT task_id FROM "${S}".assignments WHERE plan_id = $1 AND kind = 'TASK' AND role = 'IMPLEMENTING' GROUP BY task_id HAVING count(*) >= 3 ORDER BY min(task_id) LIMIT 1)
        ORDER BY unit_code LIMIT 3`,
      [options.showcasePlanId],
    );
    const today = commands.today();
    const accept: AssignmentCommand = { type: 'AcceptAssignment', data: { on: today } };
    const steps: AssignmentCommand[][] = [
      [accept],
      [
        accept,
        {
          type: 'ReportProgress',
          data: { percent: 50, note: 'Đã tổ chức hội nghị triển khai; đang niêm yết công khai tại trụ sở và nhà văn hóa thôn.', on: today },
        },
      ],
      [
        accept,
        { type: 'ReportProgress', data: { percent: 50, note: 'Đã xây dựng kế hoạch của xã.', on: today } },
        {
          type: 'CompleteAssignment',
          data: { result: 'Đã ban hành và triển khai kế hoạch của UBND xã; báo cáo kết quả gửi Phòng Nội vụ.', evidence: ['Kế hoạch của UBND xã'], on: today },
        },
      ],
    ];
    for (const [index, row] of rows.entries()) {
      const identity: Identity = { accountId: 'demo', username: 'demo', unitCode: row.unit_code, roles: [] };
      for (const command of steps[index]) await commands.execute(row.id, command, (past) => commands.metadataFor(identity, row.unit_code, past));
    }
  }
  const [counts] = await dataSource.query(
    `SELECT count(*)::int AS assignments,
            count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted,
            count(*) FILTER (WHERE status = 'IN_PROGRESS')::int AS "inProgress",
            count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
            count(*) FILTER (WHERE overdue)::int AS overdue
       FROM "${S}".assignments WHERE plan_id = ANY($1::text[])`,
    [options.planIds],
  );
  return counts;
}

/** Every demo plan known to the service and every plan event applied. */
async function fannedOut(dataSource: DataSource, consumer: PlanEventJobs, planIds: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM "${S}".known_plans WHERE plan_id = ANY($1::text[])`, [planIds]);
    if (row.n === planIds.length && (await consumer.idle())) return;
    if (Date.now() > deadline)
      throw new Error(`tasks: the demo plans had not fanned out after ${timeoutMs / 1000} s (${row.n} of ${planIds.length} plans known)`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
