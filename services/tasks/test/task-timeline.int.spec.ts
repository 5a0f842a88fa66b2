import { parse } from 'csv-parse/sync';
import { PlanAmendedV1, PlanIssuedV1 } from '@reform/contracts';
import { eventually } from '@reform/testing';
import { assignmentId, FixedClock } from '../src';
import { count, message, plan, TasksTestBed, task, useTokens } from './tasks-test-kit';

interface Entry {
  at: string;
  service: string;
  type: string;
  eventId: string;
  correlationId: string;
  causationId: string | null;
  assignmentId: string | null;
  summary: string;
  actor: { username: string; unitCode: string | null; unit: { code: string } | null };
  unit: { code: string } | null;
}

const ENTRY = 'at service type eventId correlationId causationId assignmentId summary actor { username unitCode unit { code } } unit { code }';
const TIMELINE = `query($planId: ID!, $taskId: ID!, $unitCode: ID) { taskTimeline(planId: $planId, taskId: $taskId, unitCode: $unitCode) { ${ENTRY} } }`;
const EXPORT = `query($planId: ID!, $taskId: ID!, $format: TimelineExportFormat) { taskTimelineExport(planId: $planId, taskId: $taskId, format: $format) { fileName contentType content entries } }`;

describe('tasks: the timeline of a task, through the subgraph', () => {
  const clock = new FixedClock(new Date('2025-03-01T03:00:00Z'));
  const bed = new TasksTestBed('tasks_timeline', clock);
  const issued = plan({ tasks: [task('t1'), task('t2', { implementing: ['60005'] })] });
  const issueEvent = message(PlanIssuedV1, issued, `plan-${issued.planId}`);
  const amendEvent = message(
    PlanAmendedV1,
    {
      planId: issued.planId,
      revision: 2,
      reason: 'Lùi hạn theo chỉ đạo của tỉnh',
      amendedOn: '2025-03-02',
      addedTasks: [],
      removedTaskIds: [],
      rescheduledTasks: [{ taskId: 't1', timeframe: { kind: 'due', text: 'Trước ngày 31/7/2025', on: '2025-07-31' }, dueOn: '2025-07-31' }],
    },
    `plan-${issued.planId}`,
  );
  const idOf = (unitCode: string) => assignmentId({ planId: issued.planId, taskId: 't1', unitCode, role: 'IMPLEMENTING', kind: 'TASK' });
  const as = (who: string, query: string, variables: Record<string, unknown> = {}) => bed.client.as(who, query, variables);
  const outcome = (who: string, query: string, variables: Record<string, unknown>) => bed.client.outcome(who, query, variables);

  beforeAll(async () => {
    await bed.start();
    await useTokens(bed.client, {
      c60001: [['UNIT_OFFICER', '60001']],
      c60002: [['UNIT_OFFICER', '60002']],
      d600: [['UNIT_MANAGER', '600']],
      d601: [['UNIT_MANAGER', '601']],
      auditor: [['AUDITOR', '49']],
      viewer600: [['VIEWER', '600']],
    });
    await bed.bus.publish(issueEvent);
    await eventually(async () => expect(await count(bed.dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1`, [issued.planId])).toBe(21));
    await bed.bus.publish(amendEvent);
    await eventually(async () =>
      expect(await count(bed.dataSource, `SELECT count(*) FROM tasks.assignments WHERE plan_id = $1 AND due_on = '2025-07-31'`, [issued.planId])).toBe(20),
    );
    const id = idOf('60001');
    await as('c60001', `mutation($id: ID!) { acceptAssignment(id: $id) { id } }`, { id });
    await as('c60001', `mutation($id: ID!) { reportAssignmentProgress(id: $id, input: { percent: 50, note: "Đã niêm yết 50%" }) { id } }`, { id });
    await as('c60001', `mutation($id: ID!) { completeAssignment(id: $id, input: { result: "Đã niêm yết đầy đủ", evidence: ["QĐ-5"] }) { id } }`, { id });
  });

  afterAll(() => bed.stop());

  it("links the plan's issue to each assignment's creation, and a commune's acceptance, report and completion to what each followed, in time order", async () => {
    const entries: Entry[] = (await as('d600', TIMELINE, { planId: issued.planId, taskId: 't1' })).taskTimeline;
    // Issue, amendment, 20 creations, 20 reschedules, then the commune's three acts.
    expect(entries).toHaveLength(1 + 1 + 20 + 20 + 3);
    expect(entries.map((entry) => entry.at)).toEqual([...entries.map((entry) => entry.at)].sort());
    const [issue, amendment] = entries;
    expect(issue).toMatchObject({
      service: 'plans',
      type: 'PlanIssued',
      eventId: issueEvent.eventId,
      actor: { username: 'd600', unit: { code: '600' } },
      unit: null,
    });
    expect(issue.summary).toContain('Ban hành kế hoạch 15/KH-UBND');
    expect(amendment).toMatchObject({ service: 'plans', type: 'PlanAmended', eventId: amendEvent.eventId });
    expect(amendment.summary).toContain('Trước ngày 31/7/2025');

    const mine = entries.filter((entry) => entry.assignmentId === idOf('60001'));
    expect(mine.map((entry) => entry.type)).toEqual([
      'AssignmentCreated',
      'AssignmentRescheduled',
      'AssignmentAccepted',
      'ProgressReported',
      'AssignmentCompleted',
    ]);
    const [created, rescheduled, accepted, progressed, completed] = mine;
    expect(created).toMatchObject({
      causationId: issueEvent.eventId,
      correlationId: issueEvent.metadata.correlationId,
      actor: { username: 'system', unit: null },
      unit: { code: '60001' },
    });
    expect(rescheduled).toMatchObject({ causationId: amendEvent.eventId, correlationId: amendEvent.metadata.correlationId });
    // The commune's acts continue the thread of the issue that assigned the task.
    expect(accepted).toMatchObject({
      causationId: rescheduled.eventId,
      correlationId: issueEvent.metadata.correlationId,
      actor: { username: 'c60001', unit: { code: '60001' } },
    });
    expect(progressed).toMatchObject({ causationId: accepted.eventId, summary: 'Báo cáo tiến độ 50%: Đã niêm yết 50%' });
    expect(completed).toMatchObject({ causationId: progressed.eventId });
    expect(completed.summary).toContain('Hoàn thành: Đã niêm yết đầy đủ');
    // Task t2 is not in t1's timeline.
    expect(
      entries.some(
        (entry) => entry.assignmentId === assignmentId({ planId: issued.planId, taskId: 't2', unitCode: '60005', role: 'IMPLEMENTING', kind: 'TASK' }),
      ),
    ).toBe(false);
  });

  it('a commune reads its own part with unitCode; it cannot read the whole task nor a sibling part; another district and a viewer are refused; the auditor reads', async () => {
    const own: Entry[] = (await as('c60001', TIMELINE, { planId: issued.planId, taskId: 't1', unitCode: '60001' })).taskTimeline;
    expect(own.map((entry) => entry.type)).toEqual([
      'PlanIssued',
      'PlanAmended',
      'AssignmentCreated',
      'AssignmentRescheduled',
      'AssignmentAccepted',
      'ProgressReported',
      'AssignmentCompleted',
    ]);
    expect(await outcome('c60001', TIMELINE, { planId: issued.planId, taskId: 't1' })).toBe('FORBIDDEN');
    expect(await outcome('c60002', TIMELINE, { planId: issued.planId, taskId: 't1', unitCode: '60001' })).toBe('FORBIDDEN');
    expect(await outcome('d601', TIMELINE, { planId: issued.planId, taskId: 't1' })).toBe('FORBIDDEN');
    expect(await outcome('viewer600', TIMELINE, { planId: issued.planId, taskId: 't1' })).toBe('FORBIDDEN'); // read, not read-history
    expect((await as('auditor', TIMELINE, { planId: issued.planId, taskId: 't1' })).taskTimeline).toHaveLength(45);
  });

  it('gives nothing of a plan to a caller who passes its own unit as unitCode when that unit is not part of the task (issue 12, finding 1)', async () => {
    await useTokens(bed.client, { c60101: [['UNIT_MANAGER', '60101']], c60005: [['UNIT_OFFICER', '60005']] });
    const EXPORT_UNIT = `query($planId: ID!, $taskId: ID!, $unitCode: ID) { taskTimelineExport(planId: $planId, taskId: $taskId, unitCode: $unitCode) { entries content } }`;
    // Another district and its commune name themselves: they have no assignment of the task.
    expect(await outcome('d601', TIMELINE, { planId: issued.planId, taskId: 't1', unitCode: '601' })).toBe('FORBIDDEN');
    expect(await outcome('c60101', TIMELINE, { planId: issued.planId, taskId: 't1', unitCode: '60101' })).toBe('FORBIDDEN');
    expect(await outcome('d601', EXPORT_UNIT, { planId: issued.planId, taskId: 't1', unitCode: '601' })).toBe('FORBIDDEN');
    // A commune of the same district that is not an assignee of t2 gets nothing of it either.
    expect(await outcome('c60002', TIMELINE, { planId: issued.planId, taskId: 't2', unitCode: '60002' })).toBe('FORBIDDEN');
    // The assignee of t2 sees its own thread only: the issue that named it, its own assignment.
    const own: Entry[] = (await as('c60005', TIMELINE, { planId: issued.planId, taskId: 't2', unitCode: '60005' })).taskTimeline;
    expect(own.map((entry) => entry.type)).toEqual(['PlanIssued', 'AssignmentCreated']);
    expect(own.filter((entry) => entry.unit).every((entry) => entry.unit?.code === '60005')).toBe(true);
    // A commune's thread never holds a sibling's assignment.
    const first: Entry[] = (await as('c60001', TIMELINE, { planId: issued.planId, taskId: 't1', unitCode: '60001' })).taskTimeline;
    expect(new Set(first.filter((entry) => entry.unit).map((entry) => entry.unit?.code))).toEqual(new Set(['60001']));
  });

  it('answers an unknown plan as it answers a plan the caller cannot read (FORBIDDEN), with or without unitCode', async () => {
    expect(await outcome('d600', TIMELINE, { planId: 'plan-that-does-not-exist', taskId: 't1' })).toBe('FORBIDDEN');
    expect(await outcome('d600', TIMELINE, { planId: 'plan-that-does-not-exist', taskId: 't1', unitCode: '600' })).toBe('FORBIDDEN');
    expect(await outcome('d601', TIMELINE, { planId: issued.planId, taskId: 't1' })).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND naming taskId for a task no issued plan has', async () => {
    const result = await bed.client.request(TIMELINE, { planId: issued.planId, taskId: 'no-such-task' }, await bed.client.login('d600'));
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'taskId' });
  });

  it('exports the timeline as CSV (UTF-8 with BOM, Vietnamese headings, one row per entry) and as JSON', async () => {
    const csv = (await as('d600', EXPORT, { planId: issued.planId, taskId: 't1', format: 'CSV' })).taskTimelineExport;
    expect(csv).toMatchObject({ contentType: 'text/csv; charset=utf-8', entries: 45 });
    expect(csv.fileName).toMatch(/\.csv$/);
    expect(csv.content.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parse(csv.content, { bom: true });
    expect(rows[0].slice(0, 4)).toEqual(['Thời điểm (UTC)', 'Dịch vụ', 'Sự kiện', 'Nội dung']);
    expect(rows).toHaveLength(46);
    const progress = rows.find((row) => row[2] === 'ProgressReported');
    expect(progress?.[3]).toBe('Báo cáo tiến độ 50%: Đã niêm yết 50%');
    expect(JSON.parse(progress?.[13] ?? 'null')).toMatchObject({ percent: 50, note: 'Đã niêm yết 50%' });

    const json = (await as('d600', EXPORT, { planId: issued.planId, taskId: 't1', format: 'JSON' })).taskTimelineExport;
    const document = JSON.parse(json.content);
    expect(document).toMatchObject({ planId: issued.planId, taskId: 't1' });
    expect(document.entries).toHaveLength(45);
    expect(document.entries.map((entry: Entry) => entry.eventId)).toEqual(rows.slice(1).map((row) => row[10]));
  });
});
