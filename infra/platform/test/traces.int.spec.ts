import { writeFileSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { Identity, TokenService } from '@reform/auth';
import { FixedClock } from '@reform/clock';
import { PostgresEventStore } from '@reform/event-store';
import { startGateway, RunningGateway } from '@reform/gateway';
import { JetStreamBus, publishFrameworks } from '@reform/messaging';
import { RunningTracing, startTracing } from '@reform/observability';
import { createPlansApp } from '@reform/plans';
import { createTasksApp } from '@reform/tasks';
import { TEST_FRAMEWORKS } from '@reform/contracts';
import { createTestDatabase, eventually, GraphQLTestClient, TEST_SIGNING_KEYS, TestDatabase, testNatsUrl, uniqueName } from '@reform/testing';
import { publishUnits, TEST_PROVINCE } from '@reform/unit-hierarchy';

/**
 * Issue 20's acceptance for traces (ADR 0028): one issued plan is one trace, from the gateway's
 * request through the plans subgraph, its command and event append, the outbox relay's publish
 * to NATS JetStream (W3C trace context in the message's headers), the tasks service's consumer,
 * the fan-out job it enqueued (trace context kept in the job's row) and the appends of the
 * assignment events. Real PostgreSQL and NATS; spans caught by an in-memory exporter.
 *
 * With TRACE_DOC=<path>, the trace is written there as JSON (docs/traces/issue-plan.json).
 */
const COMMUNE_TASK = {
  text: 'Tuyên truyền việc bầu cử trưởng thôn',
  target: '100% các xã, thị trấn',
  lead: { text: 'Phòng Nội vụ' },
  implementing: { text: 'UBND các xã, thị trấn' },
  timeframe: 'Quý III/2021',
};
const OFFICE_TASK = { text: 'Hướng dẫn hồ sơ bầu cử', lead: { text: 'Phòng Nội vụ' }, implementing: { text: 'Phòng Tư pháp' }, timeframe: 'Thường xuyên' };
const DRAFT_INPUT = {
  number: '53/KH-UBND',
  title: 'Kế hoạch cải thiện Chỉ số PAPI năm 2021',
  issuerCode: '513',
  year: 2021,
  frameworks: ['PAPI'],
  sections: [{ code: '1.3', title: 'Chất lượng bầu cử', indicator: { framework: 'PAPI', code: '1.3' }, tasks: [COMMUNE_TASK, OFFICE_TASK] }],
};

describe('traces: one issued plan is one trace, gateway → plans → NATS → tasks → assignment events', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: RunningTracing | null;
  let db: TestDatabase;
  let bus: JetStreamBus;
  let plans: INestApplication;
  let tasks: INestApplication;
  let gateway: RunningGateway;
  let client: GraphQLTestClient;
  let token: string;

  beforeAll(async () => {
    // Before any app is made: the subgraphs add their request spans only when tracing is on.
    tracing = await startTracing({ serviceName: 'reform-test', exporter });
    db = await createTestDatabase('traces');
    bus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix: uniqueName('traces') });
    const common = { databaseUrl: db.url, bus, signingKeys: [...TEST_SIGNING_KEYS], port: 0, logger: false as const };
    plans = await createPlansApp(common);
    tasks = await createTasksApp({
      ...common,
      clock: new FixedClock(new Date('2021-06-01T03:00:00Z')),
      overdue: { intervalMs: 0 },
      fanOut: { pollMs: 50, retryDelayMs: 100 },
    });
    const urlOf = async (app: INestApplication) => `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;
    const tokens = new TokenService([...TEST_SIGNING_KEYS]);
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      tokens,
      subgraphs: [
        { name: 'plans', url: await urlOf(plans) },
        { name: 'tasks', url: await urlOf(tasks) },
      ],
    });
    client = new GraphQLTestClient(gateway.url);
    const identity: Identity = { accountId: 'acc-d513', username: 'd513', unitCode: '513', roles: [{ role: 'UNIT_MANAGER', unitCode: '513' }] };
    token = (await tokens.issue(identity)).token;
    await publishUnits(bus, TEST_PROVINCE);
    const copied = async (app: INestApplication, schema: string) =>
      Number((await app.get<DataSource>(getDataSourceToken()).query(`SELECT count(*)::int AS n FROM ${schema}.units`))[0].n);
    await eventually(async () => expect([await copied(plans, 'plans'), await copied(tasks, 'tasks')]).toEqual([TEST_PROVINCE.length, TEST_PROVINCE.length]), {
      timeoutMs: 30_000,
    });
    // The catalogue is the scoring service's: published to the plans service's replica as scoring would (ADR 0034).
    await publishFrameworks(bus, TEST_FRAMEWORKS);
    const frameworks = async () => Number((await plans.get<DataSource>(getDataSourceToken()).query(`SELECT count(*)::int AS n FROM plans.frameworks`))[0].n);
    await eventually(async () => expect(await frameworks()).toBe(TEST_FRAMEWORKS.length), { timeoutMs: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await plans?.close();
    await tasks?.close();
    await bus?.deleteStreams().catch(() => undefined);
    await bus?.close();
    await db?.drop();
    await tracing?.shutdown();
  });

  it('issuePlan through the gateway: every assignment append descends from the gateway request, through the NATS publish and the fan-out job', async () => {
    const draft = await client.request(`mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }`, { input: DRAFT_INPUT }, token);
    expect(draft.errors).toBeUndefined();
    const planId: string = draft.data.draftPlan.id;
    exporter.reset();

    const issued = await client.request(
      `mutation($id: ID!, $on: Date) { issuePlan(id: $id, issuedOn: $on) { id status } }`,
      { id: planId, on: '2021-06-01' },
      token,
    );
    expect(issued.errors).toBeUndefined();
    expect(issued.data.issuePlan.status).toBe('ISSUED');

    const tasksData = tasks.get<DataSource>(getDataSourceToken());
    // Three communes, the justice office; and each task's lead (the office of home affairs).
    let assignments = 0;
    await eventually(
      async () => {
        assignments = Number((await tasksData.query(`SELECT count(*)::int AS n FROM tasks.assignments WHERE plan_id = $1`, [planId]))[0].n);
        expect(assignments).toBeGreaterThanOrEqual(4);
        const [job] = await tasksData.query(`SELECT status FROM tasks.jobs WHERE key = $1`, [planId]);
        expect(job?.status).toBe('done');
      },
      { timeoutMs: 30_000 },
    );

    const spans = exporter.getFinishedSpans();
    const root = spans.find((span) => span.kind === SpanKind.SERVER && span.attributes['reform.service'] === 'gateway');
    if (!root) throw new Error(`no gateway request span among ${spans.map((span) => span.name).join(', ')}`);
    expect(root.name).toBe('graphql mutation issuePlan');
    // The request id is the events' correlation id: from a log line or an event to its trace.
    const requestId = String(root.attributes['reform.request_id']);
    expect(requestId).toMatch(/\S/);
    const traceId = root.spanContext().traceId;
    const trace = spans.filter((span) => span.spanContext().traceId === traceId);
    const byId = new Map(trace.map((span) => [span.spanContext().spanId, span]));
    const parentOf = (span: ReadableSpan) => byId.get(span.parentSpanContext?.spanId ?? '');
    const chain = (span: ReadableSpan): string[] => {
      const names: string[] = [];
      for (let at: ReadableSpan | undefined = span; at; at = parentOf(at)) names.unshift(`${SpanKind[at.kind]} ${at.name}`);
      return names;
    };

    // The assignment events' appends: in the trace, each descending from the gateway's request.
    const assignmentAppends = trace.filter(
      (span) => span.name === 'event-store append tasks' && (span.attributes['reform.event_types'] as string[]).includes('AssignmentCreated'),
    );
    expect(assignmentAppends.length).toBeGreaterThan(0);
    expect(assignmentAppends.reduce((sum, span) => sum + Number(span.attributes['reform.events']), 0)).toBeGreaterThanOrEqual(assignments);
    for (const append of assignmentAppends) {
      expect(chain(append)).toEqual([
        'SERVER graphql mutation issuePlan',
        'CLIENT subgraph plans mutation issuePlan',
        'SERVER graphql mutation issuePlan',
        'INTERNAL command IssuePlan',
        'INTERNAL event-store append plans',
        'PRODUCER publish plans.plan.PlanIssued',
        'CONSUMER process plans.plan.PlanIssued',
        'CONSUMER job plans.PlanIssued',
        'INTERNAL event-store append tasks',
      ]);
    }
    // The subgraph's span is the plans service's, the consumer's the tasks service's durable.
    const consumer = trace.find((span) => span.kind === SpanKind.CONSUMER && span.name.startsWith('process '));
    expect(consumer?.attributes).toMatchObject({
      'messaging.destination.name': 'plans.plan.PlanIssued',
      'reform.inbox': 'applied',
      'reform.correlation_id': requestId,
    });
    expect(String(consumer?.attributes['messaging.consumer.group.name'])).toMatch(/^tasks\./);
    expect(trace.find((span) => span.kind === SpanKind.SERVER && span.attributes['reform.service'] === 'plans')?.attributes['reform.request_id']).toBe(
      requestId,
    );
    // Every span of the request and its effects is in the one trace: nothing ended up in another.
    expect(spans.filter((span) => /append|publish|process|job|command/.test(span.name) && span.spanContext().traceId !== traceId)).toEqual([]);

    // The trace context is stored with the events (hashed with their metadata: the chains verify).
    const plansData = plans.get<DataSource>(getDataSourceToken());
    const [issuedEvent] = await plansData.query(`SELECT metadata FROM plans.events WHERE stream_id = $1 AND event_type = 'PlanIssued'`, [`plan-${planId}`]);
    expect(issuedEvent.metadata.correlationId).toBe(requestId);
    expect(issuedEvent.metadata.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    const created: Array<{ stream_id: string; metadata: { traceparent?: string } }> = await tasksData.query(
      `SELECT stream_id, metadata FROM tasks.events WHERE event_type = 'AssignmentCreated' AND data->>'planId' = $1`,
      [planId],
    );
    expect(created).toHaveLength(assignments);
    for (const event of created) expect(event.metadata.traceparent).toContain(traceId);
    expect((await new PostgresEventStore(plansData, 'plans').verifyStream(`plan-${planId}`)).ok).toBe(true);
    for (const event of created) expect((await new PostgresEventStore(tasksData, 'tasks').verifyStream(event.stream_id)).ok).toBe(true);
    // The job's row keeps the consumer's context, which its run continued.
    const [job] = await tasksData.query(`SELECT traceparent FROM tasks.jobs WHERE key = $1`, [planId]);
    expect(job.traceparent).toContain(traceId);

    if (process.env['TRACE_DOC']) writeFileSync(process.env['TRACE_DOC'], `${JSON.stringify(traceDocument(trace), null, 2)}\n`);
  }, 60_000);
});

/** The trace as a readable document: spans in start order, times relative to the first, with their parents. */
function traceDocument(spans: readonly ReadableSpan[]) {
  const sorted = [...spans].sort((a, b) => toNanos(a.startTime) - toNanos(b.startTime));
  const start = toNanos(sorted[0].startTime);
  return {
    traceId: sorted[0].spanContext().traceId,
    spans: sorted.map((span) => ({
      spanId: span.spanContext().spanId,
      parentSpanId: span.parentSpanContext?.spanId ?? null,
      name: span.name,
      kind: SpanKind[span.kind],
      startMs: Math.round((toNanos(span.startTime) - start) / 1e4) / 100,
      durationMs: Math.round(toNanos(span.duration) / 1e4) / 100,
      attributes: span.attributes,
      status: span.status.code === 2 ? 'ERROR' : 'OK',
    })),
  };
}

function toNanos([seconds, nanos]: [number, number]): number {
  return seconds * 1e9 + nanos;
}
