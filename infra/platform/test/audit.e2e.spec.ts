import { eventually, GraphQLTestClient } from '@reform/testing';
import { beforeReorganisation, PLATFORM_START_MS, startTestPlatform, TestPlatform } from './test-platform';
import { COMMUNE_TASK, quangNamParPlanId, thangBinhDraft } from './thang-binh-plan';

/**
 * The audit issue's acceptance, through the gateway: after the plans issue's scenario (d513
 * issues a plan to its communes, one commune accepts, reports 50 % and completes), the province's
 * auditor replays the commune's assignment — its history with actors and times, its state as of
 * an instant between the report and the completion — and the task's timeline across the plans
 * and tasks services, linked by causation; the auditor changes nothing, and what it looked at is
 * in the access record.
 */
interface HistoryEntry {
  version: number;
  type: string;
  recordedAt: string;
  actor: { username: string; unit: { code: string; name: string } | null };
  data: Record<string, unknown>;
  state: { status: string; percent: number };
}
interface TimelineEntry {
  at: string;
  service: string;
  type: string;
  eventId: string;
  causationId: string | null;
  correlationId: string;
  assignmentId: string | null;
  actor: { username: string; unit: { code: string } | null };
  unit: { code: string; name: string } | null;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 30)); // distinct instants for asOf

describe('audit trails and replay through the gateway', () => {
  let test: TestPlatform;
  let client: GraphQLTestClient;
  let planId: string;
  let taskId: string;
  let assignmentId: string;
  let between: string;
  const since = new Date().toISOString();

  beforeAll(async () => {
    test = await startTestPlatform('e2e_audit', { clock: beforeReorganisation() });
    client = test.client;
    const input = thangBinhDraft(await quangNamParPlanId(client), [COMMUNE_TASK], '130/KH-UBND');
    const { draftPlan } = await client.as('d513', 'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }', { input });
    planId = draftPlan.id;
    const { issuePlan } = await client.as('d513', 'mutation($id: ID!) { issuePlan(id: $id) { sections { tasks { id } } } }', { id: planId });
    taskId = issuePlan.sections[0].tasks[0].id;
    assignmentId = await eventually(async () => {
      const { assignments } = await client.as('c20794', 'query($p: ID!) { assignments(unitCode: "20794", planId: $p) { id taskId } }', { p: planId });
      expect(assignments).toHaveLength(1);
      return assignments[0].id as string;
    });
    await client.as('c20794', 'mutation($id: ID!) { acceptAssignment(id: $id) { id } }', { id: assignmentId });
    await pause();
    await client.as(
      'c20794',
      'mutation($id: ID!) { reportAssignmentProgress(id: $id, input: { percent: 50, note: "Đã niêm yết tại trụ sở UBND xã" }) { id } }',
      { id: assignmentId },
    );
    await pause();
    between = new Date().toISOString();
    await pause();
    await client.as(
      'c20794',
      'mutation($id: ID!) { completeAssignment(id: $id, input: { result: "100% thủ tục được niêm yết", evidence: ["Biên bản kiểm tra 20/11/2026"] }) { id } }',
      { id: assignmentId },
    );
  }, PLATFORM_START_MS);
  afterAll(() => test?.stop());

  it("lists the commune's assignment history as assigned → accepted → progress 50 % → completed, each with its actor, the actor's unit and the time", async () => {
    const { assignment } = await client.as(
      'auditor',
      'query($id: ID!) { assignment(id: $id) { history { version type recordedAt actor { username unit { code name } } data state } } }',
      { id: assignmentId },
    );
    const history: HistoryEntry[] = assignment.history;
    expect(history.map((entry) => [entry.version, entry.type, entry.state.status, entry.state.percent])).toEqual([
      [1, 'AssignmentCreated', 'ASSIGNED', 0],
      [2, 'AssignmentAccepted', 'ACCEPTED', 0],
      [3, 'ProgressReported', 'IN_PROGRESS', 50],
      [4, 'AssignmentCompleted', 'COMPLETED', 100],
    ]);
    expect(history[0].actor).toEqual({ username: 'system', unit: null }); // the fan-out
    for (const entry of history.slice(1))
      expect(entry.actor).toEqual({ username: 'c20794', unit: { code: '20794', name: expect.stringMatching(/^(Xã|Thị trấn) /) } });
    expect(history[2].data).toMatchObject({ percent: 50, note: 'Đã niêm yết tại trụ sở UBND xã' });
    const times = history.map((entry) => Date.parse(entry.recordedAt));
    expect(times.every((time, i) => i === 0 || time >= times[i - 1])).toBe(true);
    expect(times[0]).toBeGreaterThanOrEqual(Date.parse(since));
  });

  it('shows the assignment in progress at 50 % as of an instant between the report and the completion', async () => {
    const { then, now } = await client.as(
      'auditor',
      'query($id: ID!, $t: DateTime) { then: assignment(id: $id, asOf: $t) { status percent note } now: assignment(id: $id) { status percent } }',
      { id: assignmentId, t: between },
    );
    expect(then).toEqual({ status: 'IN_PROGRESS', percent: 50, note: 'Đã niêm yết tại trụ sở UBND xã' });
    expect(now).toEqual({ status: 'COMPLETED', percent: 100 });
  });

  it("links the plan's issue to the assignment's creation and to its progress, in order, in the task's timeline", async () => {
    const { taskTimeline } = await client.as(
      'auditor',
      'query($p: ID!, $t: ID!) { taskTimeline(planId: $p, taskId: $t) { at service type eventId causationId correlationId assignmentId actor { username unit { code } } unit { code name } } }',
      { p: planId, t: taskId },
    );
    const entries: TimelineEntry[] = taskTimeline;
    const issued = entries[0];
    expect(issued).toMatchObject({ service: 'plans', type: 'PlanIssued', actor: { username: 'd513', unit: { code: '513.PNV' } }, unit: null }); // Thăng Bình's office of home affairs
    const mine = entries.filter((entry) => entry.assignmentId === assignmentId);
    expect(mine.map((entry) => entry.type)).toEqual(['AssignmentCreated', 'AssignmentAccepted', 'ProgressReported', 'AssignmentCompleted']);
    const [created, accepted, progressed, completed] = mine;
    expect(created).toMatchObject({
      service: 'tasks',
      causationId: issued.eventId,
      correlationId: issued.correlationId,
      unit: { code: '20794', name: expect.any(String) },
    });
    expect(accepted.causationId).toBe(created.eventId);
    expect(progressed.causationId).toBe(accepted.eventId);
    expect(completed.causationId).toBe(progressed.eventId);
    expect(new Set(mine.map((entry) => entry.correlationId))).toEqual(new Set([issued.correlationId]));
    // In order: the issue first, and each entry after the one it follows.
    const position = new Map(entries.map((entry, i) => [entry.eventId, i]));
    for (const entry of entries.slice(1))
      if (entry.causationId && position.has(entry.causationId)) expect(position.get(entry.causationId)).toBeLessThan(position.get(entry.eventId) as number);
    expect(entries.map((entry) => entry.at)).toEqual([...entries.map((entry) => entry.at)].sort());
    // Every commune's creation and the lead office's come from the same issue.
    expect(entries.filter((entry) => entry.type === 'AssignmentCreated' && entry.causationId === issued.eventId)).toHaveLength(21);

    const { taskTimelineExport } = await client.as(
      'auditor',
      'query($p: ID!, $t: ID!) { taskTimelineExport(planId: $p, taskId: $t, format: CSV) { fileName contentType entries content } }',
      { p: planId, t: taskId },
    );
    expect(taskTimelineExport).toMatchObject({ contentType: 'text/csv; charset=utf-8', entries: entries.length });
    expect(taskTimelineExport.content.split('\r\n').filter(Boolean)).toHaveLength(entries.length + 1);
  });

  it("refuses the auditor's mutations with FORBIDDEN, changing nothing, and records what the auditor looked at", async () => {
    expect(
      await client.outcome('auditor', 'mutation($id: ID!) { reportAssignmentProgress(id: $id, input: { percent: 10 }) { id } }', { id: assignmentId }),
    ).toBe('FORBIDDEN');
    expect(
      await client.outcome('auditor', 'mutation($id: ID!) { amendPlan(id: $id, input: { reason: "Thử", removeTaskIds: [] }) { id } }', { id: planId }),
    ).toBe('FORBIDDEN');
    const { assignment } = await client.as('auditor', 'query($id: ID!) { assignment(id: $id) { status percent history { version } } }', { id: assignmentId });
    expect(assignment).toMatchObject({ status: 'COMPLETED', percent: 100, history: [{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }] });
    await eventually(
      async () => {
        const { accessRecord } = await client.as(
          'doha',
          'query($f: DateTime!) { accessRecord(username: "auditor", from: $f) { service field outcome arguments } }',
          { f: since },
        );
        const seen = new Set(
          (accessRecord as Array<{ service: string; field: string; outcome: string }>).map(({ service, field, outcome }) => `${service} ${field} ${outcome}`),
        );
        for (const expected of [
          'tasks assignment allowed',
          'tasks taskTimeline allowed',
          'tasks taskTimelineExport allowed',
          'tasks reportAssignmentProgress refused',
          'plans amendPlan refused',
        ])
          expect(seen).toContain(expected);
      },
      { timeoutMs: 10_000, intervalMs: 200 },
    );
  });
});
