import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { processLogger, redirectLogs, setLogLevel } from './logging';
import {
  activeSpan,
  contextOfTraceparent,
  extractTraceHeaders,
  injectTraceHeaders,
  inSpan,
  startTracing,
  traceparentOf,
  tracingConfigured,
  tracingEnabled,
  withTraceContext,
} from './tracing';

describe('tracing (ADR 0028)', () => {
  it('is configured by an OTLP endpoint only, and OTEL_SDK_DISABLED or OTEL_TRACES_EXPORTER=none turn it off', () => {
    expect(tracingConfigured({})).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
  });

  it('off by default: no SDK started, the work runs bare, nothing to store or send', async () => {
    expect(await startTracing({ serviceName: 'test', env: {} })).toBeNull();
    expect(tracingEnabled()).toBe(false);
    const seen = await inSpan('work', {}, async (span) => span.isRecording());
    expect(seen).toBe(false);
    expect(traceparentOf()).toBeUndefined();
    const headers: Record<string, string> = {};
    injectTraceHeaders((key, value) => (headers[key] = value));
    expect(headers).toEqual({});
    expect(activeSpan().isRecording()).toBe(false);
  });

  describe('on, with an in-memory exporter', () => {
    const exporter = new InMemorySpanExporter();
    let tracing: Awaited<ReturnType<typeof startTracing>>;
    beforeAll(async () => {
      tracing = await startTracing({ serviceName: 'test', exporter });
    });
    afterAll(() => tracing?.shutdown());
    beforeEach(() => exporter.reset());

    it('nests spans; a stored traceparent and trace headers continue the trace in another context', async () => {
      let stored: string | undefined;
      let headers: Record<string, string> = {};
      await inSpan('append', {}, async () => {
        stored = traceparentOf();
        headers = {};
        injectTraceHeaders((key, value) => (headers[key] = value));
      });
      expect(stored).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(headers['traceparent']).toBe(stored);
      // Later, from no context at all (a relay's loop, a job processor's):
      await inSpan('publish', { kind: SpanKind.PRODUCER, parent: contextOfTraceparent(stored) }, async () => undefined);
      await withTraceContext(
        extractTraceHeaders((key) => headers[key]),
        () => inSpan('process', { kind: SpanKind.CONSUMER }, async () => undefined),
      );
      const [append, publish, processed] = exporter.getFinishedSpans();
      expect(new Set([append, publish, processed].map((span) => span.spanContext().traceId)).size).toBe(1);
      expect(publish.parentSpanContext?.spanId).toBe(append.spanContext().spanId);
      expect(processed.parentSpanContext?.spanId).toBe(append.spanContext().spanId);
    });

    it('records a failure on the span and ends it', async () => {
      await expect(inSpan('fails', {}, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      const [span] = exporter.getFinishedSpans();
      expect(span.status).toMatchObject({ code: 2, message: 'boom' });
      expect(span.events.map((event) => event.name)).toEqual(['exception']);
    });

    it('log lines written in a span carry its trace and span ids', async () => {
      const lines: string[] = [];
      const restore = redirectLogs({ write: (line: string) => void lines.push(line) });
      setLogLevel('info');
      try {
        const ids = await inSpan('work', {}, async (span) => {
          processLogger().info('inside');
          return span.spanContext();
        });
        processLogger().info('outside');
        expect(JSON.parse(lines[0])).toEqual(expect.objectContaining({ msg: 'inside', traceId: ids.traceId, spanId: ids.spanId }));
        expect(JSON.parse(lines[1]).traceId).toBeUndefined();
      } finally {
        setLogLevel('silent');
        restore.restore();
      }
    });

    it('shutdown turns it off again', async () => {
      await tracing?.shutdown();
      expect(tracingEnabled()).toBe(false);
      expect(trace.getActiveSpan()).toBeUndefined();
      tracing = await startTracing({ serviceName: 'test', exporter });
      expect(tracingEnabled()).toBe(true);
    });
  });
});
