import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { activeSpan, inSpan, RunningTracing, startTracing } from '@reform/observability';
import { InProcessBus } from './in-process-bus';
import { IntegrationMessage } from './message';

/** The embedded mode's bus carries the publisher's trace context to its consumers, as JetStream's headers do (ADR 0028). */
describe('InProcessBus: trace context', () => {
  let tracing: RunningTracing | null;
  beforeAll(async () => {
    tracing = await startTracing({ serviceName: 'test', exporter: new InMemorySpanExporter() });
  });
  afterAll(() => tracing?.shutdown());

  it('runs the handler in the context the message was published in', async () => {
    const bus = new InProcessBus();
    const seen: string[] = [];
    await bus.subscribe({ consumer: 'test.consumer', subjects: ['plans.plan.>'] }, async () => {
      seen.push(activeSpan().spanContext().traceId);
    });
    const message: IntegrationMessage = {
      eventId: '6b0d7c1e-7a55-4f5c-9a53-3f1f5f0c8c01',
      name: 'plans.PlanIssued',
      version: 1,
      subject: 'plans.plan.PlanIssued',
      data: {},
      metadata: {
        actor: { accountId: 'system', username: 'system', unitCode: null },
        tenant: '49',
        correlationId: 'c',
        causationId: null,
        recordedAt: new Date().toISOString(),
        stream: 'plan-1',
        streamVersion: 1,
      },
    };
    const traceId = await inSpan('publish', {}, async (span) => {
      await bus.publish(message);
      return span.spanContext().traceId;
    });
    for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await bus.close();
    expect(seen).toEqual([traceId]);
  });
});
