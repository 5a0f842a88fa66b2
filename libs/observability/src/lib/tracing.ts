import type { IncomingMessage, ServerResponse } from 'node:http';
import { Attributes, context, Context, INVALID_SPAN_CONTEXT, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-node';

/**
 * OpenTelemetry traces (ADR 0028). Off unless an OTLP endpoint is configured
 * (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) or a test gives an
 * exporter: then no SDK module is even loaded, and every helper here runs its work directly.
 *
 * The spans are made here by hand, not by require-hooking instrumentations: the chain that
 * matters (gateway → subgraph → command → event append → outbox relay → NATS → consumer → job →
 * append) crosses a database row and a message, which no auto-instrumentation follows, and the
 * hooks do not work under Jest's module loader, where the span chain is tested.
 */

const TRACER = 'reform-platform';
let running: { shutdown(): Promise<void> } | null = null;

export interface TracingOptions {
  /** `service.name` of the process's spans (OTEL_SERVICE_NAME wins when set). */
  readonly serviceName: string;
  /** Tests: spans go to this exporter as each ends (an InMemorySpanExporter), whatever the environment says. */
  readonly exporter?: SpanExporter;
  /** With `exporter`: batched as in production rather than exported as each span ends (benchmarks). */
  readonly batch?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

export interface RunningTracing {
  /** Exports what is buffered and unregisters the SDK: tracing is off again. */
  shutdown(): Promise<void>;
}

/** Whether spans are recorded in this process (an SDK was started). */
export function tracingEnabled(): boolean {
  return running !== null;
}

/** Whether the environment asks for traces: an OTLP endpoint, not disabled. */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['OTEL_SDK_DISABLED'] === 'true' || env['OTEL_TRACES_EXPORTER'] === 'none') return false;
  return Boolean(env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_ENDPOINT']);
}

/**
 * Starts the trace SDK for this process when configured (or given an exporter), else returns null
 * and loads nothing. The OTLP/HTTP exporter reads its endpoint, headers and timeout from the
 * standard OTEL_EXPORTER_OTLP_* variables; spans are batched. W3C trace context is the propagator.
 */
export async function startTracing(options: TracingOptions): Promise<RunningTracing | null> {
  const env = options.env ?? process.env;
  if (running) throw new Error('Tracing already started in this process');
  if (!options.exporter && !tracingConfigured(env)) return null;
  const { NodeTracerProvider, BatchSpanProcessor, SimpleSpanProcessor } = await import('@opentelemetry/sdk-trace-node');
  const { resourceFromAttributes } = await import('@opentelemetry/resources');
  let processor;
  if (options.exporter) processor = options.batch ? new BatchSpanProcessor(options.exporter) : new SimpleSpanProcessor(options.exporter);
  else {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    processor = new BatchSpanProcessor(new OTLPTraceExporter());
  }
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env['OTEL_SERVICE_NAME'] || options.serviceName }),
    spanProcessors: [processor],
  });
  // The global tracer provider, the AsyncLocalStorage context manager and the W3C propagator.
  provider.register();
  const handle: RunningTracing = {
    shutdown: async () => {
      if (running !== handle) return;
      running = null;
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  running = handle;
  return handle;
}

const NOOP_SPAN: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

export interface SpanOptions {
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  /** The parent; the active context when absent. */
  readonly parent?: Context;
}

/**
 * Runs `work` in a new span (active inside it): ended when the work settles, an error recorded
 * on it. With tracing off, `work` runs directly with a span that records nothing.
 */
export function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  if (!running) return work(NOOP_SPAN);
  const parent = options.parent ?? context.active();
  const span = trace.getTracer(TRACER).startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent);
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active span (a no-op one when tracing is off or none is active). */
export function activeSpan(): Span {
  return (running && trace.getActiveSpan()) || NOOP_SPAN;
}

/** The active span's ids for a log line (`traceId`, `spanId`): the way from a line to its trace. None when tracing is off. */
export function logTraceFields(): { traceId: string; spanId: string } | undefined {
  if (!running) return undefined;
  const span = trace.getActiveSpan();
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/** The W3C `traceparent` of a context (the active one by default): what is stored with an event or a job. */
export function traceparentOf(ctx: Context = context.active()): string | undefined {
  if (!running) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier['traceparent'];
}

/** The context a stored `traceparent` continues (the root context when there is none). */
export function contextOfTraceparent(traceparent: string | null | undefined): Context {
  if (!running || !traceparent) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}

/** Writes the active context's trace headers (traceparent, tracestate) with `set`: NATS headers, fetch headers. */
export function injectTraceHeaders(set: (key: string, value: string) => void, ctx: Context = context.active()): void {
  if (!running) return;
  propagation.inject(ctx, {}, { set: (_carrier, key, value) => set(key, value) });
}

/** The context that trace headers read with `get` carry (the root context when none). */
export function extractTraceHeaders(get: (key: string) => string | undefined, keys: readonly string[] = ['traceparent', 'tracestate']): Context {
  if (!running) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, {}, { get: (_carrier, key) => get(key), keys: () => [...keys] });
}

/**
 * A client span for an outgoing request whose end comes from a callback (the gateway's subgraph
 * fetches): its trace headers to send, and `end`. Null when tracing is off.
 */
export function startClientSpan(
  name: string,
  attributes: Attributes,
): { readonly headers: Record<string, string>; end(status?: number, error?: Error): void } | null {
  if (!running) return null;
  const parent = context.active();
  const span = trace.getTracer(TRACER).startSpan(name, { kind: SpanKind.CLIENT, attributes }, parent);
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), headers);
  return {
    headers,
    end(status, error) {
      if (status !== undefined) span.setAttribute('http.response.status_code', status);
      if (error) span.recordException(error);
      if (error || (status !== undefined && status >= 500)) span.setStatus({ code: SpanStatusCode.ERROR, message: error?.message });
      span.end();
    },
  };
}

/** Runs `work` with `ctx` as the active context (directly when tracing is off). */
export function withTraceContext<T>(ctx: Context, work: () => T): T {
  return running ? context.with(ctx, work) : work();
}

/**
 * An HTTP server's span for one request (gateway and subgraphs): continues the caller's trace
 * (its traceparent header), ends when the response is finished, and runs `next` inside it. Call
 * it after `requestIdOf`: the span carries the request id.
 */
export function traceHttpRequest(service: string, request: IncomingMessage, response: ServerResponse, next: () => void): void {
  if (!running) return next();
  const parent = propagation.extract(ROOT_CONTEXT, request.headers, {
    get: (headers, key) => {
      const value = headers[key];
      return Array.isArray(value) ? value[0] : value;
    },
    keys: (headers) => Object.keys(headers),
  });
  const path = (request.url ?? '/').split('?')[0];
  const span = trace.getTracer(TRACER).startSpan(
    `${request.method ?? 'GET'} ${path}`,
    {
      kind: SpanKind.SERVER,
      // The request id is the correlation id of the events the request appends: the way from a log line or an event to its trace.
      attributes: {
        'http.request.method': request.method ?? 'GET',
        'url.path': path,
        'reform.service': service,
        'reform.request_id': String(request.headers['x-request-id'] ?? ''),
      },
    },
    parent,
  );
  response.once('close', () => {
    span.setAttribute('http.response.status_code', response.statusCode);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), next);
}

export { SpanKind };
