import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { processLogger } from './logging';

/**
 * The process's Prometheus metrics (prom-client), served at GET /metrics by every service and
 * the gateway (docs/operations.md lists them). In the embedded mode every service shares the
 * process, so each answers the same registry; series are labelled by service.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpRequestDuration = new Histogram({
  name: 'reform_http_request_duration_seconds',
  help: 'HTTP requests by service, method, path (/graphql, /health..., /metrics, other) and status, in seconds.',
  labelNames: ['service', 'method', 'path', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const eventStoreAppendDuration = new Histogram({
  name: 'reform_event_store_append_duration_seconds',
  help: 'Event-store appends (one stream, or many at once) by schema, in seconds, including the conflict check.',
  labelNames: ['schema', 'kind'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

/** Times `work` into the append histogram. */
export async function timeAppend<T>(schema: string, kind: 'stream' | 'many', work: () => Promise<T>): Promise<T> {
  const stop = eventStoreAppendDuration.startTimer({ schema, kind });
  try {
    return await work();
  } finally {
    stop();
  }
}

/** One value per label set, read when Prometheus scrapes (a database count, a broker's answer). */
export type GaugeReading = ReadonlyArray<{ readonly labels: Record<string, string>; readonly value: number }>;
type Reader = () => Promise<GaugeReading>;

/** A gauge whose values come from readers registered by each service of the process. */
class ScrapedGauge {
  private readonly readers = new Set<Reader>();
  constructor(name: string, help: string, labelNames: readonly string[]) {
    const readers = this.readers;
    new Gauge({
      name,
      help,
      labelNames,
      registers: [metricsRegistry],
      async collect() {
        this.reset();
        // A reading that fails (its database away) leaves its series out of this scrape, said in the log.
        const readings = await Promise.all(
          [...readers].map((read) =>
            read().catch((error: Error) => {
              processLogger().warn({ metric: name }, `metric ${name} not read: ${error.message}`);
              return [] as GaugeReading;
            }),
          ),
        );
        for (const reading of readings) for (const { labels, value } of reading) this.set(labels, value);
      },
    });
  }

  /** Adds a reader; the returned function removes it (the service's shutdown). */
  read(reader: Reader): () => void {
    this.readers.add(reader);
    return () => this.readers.delete(reader);
  }
}

export const relayLagEvents = new ScrapedGauge(
  'reform_relay_lag_events',
  "Events recorded in a service's store after its outbox relay's checkpoint (not yet handed to the bus).",
  ['service'],
);
export const relayLagSeconds = new ScrapedGauge(
  'reform_relay_lag_seconds',
  'Age of the oldest event the outbox relay has not yet handed to the bus, in seconds (0 when none waits).',
  ['service'],
);
export const consumerLag = new ScrapedGauge(
  'reform_consumer_lag_messages',
  "Messages a durable consumer has yet to take or acknowledge (JetStream num_pending + num_ack_pending; the in-process bus's queue).",
  ['consumer'],
);
export const deadLetters = new ScrapedGauge('reform_dead_letters', 'Dead letters waiting for an operator (npm run dead-letters), by consumer.', ['consumer']);
export const pendingJobs = new ScrapedGauge('reform_pending_jobs', 'Jobs queued and not yet done, by service and queue (tasks: plan-fan-out).', [
  'service',
  'queue',
]);

/** What /metrics answers: the registry in Prometheus's text format. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

/** The path label of a request: a few known paths, everything else `other` (no unbounded cardinality). */
export function pathLabel(url: string | undefined): string {
  const path = (url ?? '').split('?')[0];
  const known = /^\/(graphql|health\/live|health\/ready|health|healthcheck|readiness|metrics)$/.exec(path);
  return known ? path : 'other';
}
