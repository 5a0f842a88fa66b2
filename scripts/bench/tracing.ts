/**
 * What tracing costs an event append (ADR 0028): prints figures, asserts nothing.
 *   npm run bench:tracing
 * Single-event appends to new streams (`PostgresEventStore.append`, autocommit, one writer) on a
 * database of its own (TEST_POSTGRES_URL), taking turns for BENCH_ROUNDS rounds (default 3) of
 * BENCH_SECONDS (default 3): tracing off (no SDK, as without OTEL_EXPORTER_OTLP_ENDPOINT), and on
 * (the SDK with a batch processor and an exporter that drops the spans: the process's own cost,
 * not a collector's). Each on-append records a span and stores its traceparent with the event.
 */
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-node';
import { createTestDatabase } from '@reform/testing';
import { PostgresEventStore, runMigrations, serviceDataSourceOptions, SYSTEM_ACTOR } from '@reform/event-store';
import { startTracing } from '@reform/observability';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'bench', causationId: null };
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Takes the spans and drops them. */
class DroppingExporter implements SpanExporter {
  exported = 0;
  export(spans: ReadableSpan[], done: (result: { code: number }) => void): void {
    this.exported += spans.length;
    done({ code: 0 }); // ExportResultCode.SUCCESS
  }
  async shutdown(): Promise<void> {
    return undefined;
  }
}

async function main() {
  const database = await createTestDatabase('bench_tracing');
  const dataSource = new DataSource(serviceDataSourceOptions({ url: database.url, schema: 'bench', poolSize: 4, applicationName: 'bench-tracing' }));
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const store = new PostgresEventStore(dataSource, 'bench');
    const tally = { off: { appends: 0, seconds: 0 }, on: { appends: 0, seconds: 0 } };
    const exporter = new DroppingExporter();
    const round = async (mode: 'off' | 'on') => {
      const tracing = mode === 'on' ? await startTracing({ serviceName: 'bench', exporter, batch: true }) : null;
      const started = process.hrtime.bigint();
      const deadline = Date.now() + SECONDS * 1000;
      let appends = 0;
      while (Date.now() < deadline) {
        await store.append(`bench-${randomUUID()}`, 'no_stream', [{ type: 'Benched', data: { n: appends } }], metadata);
        appends++;
      }
      tally[mode].seconds += Number(process.hrtime.bigint() - started) / 1e9;
      tally[mode].appends += appends;
      await tracing?.shutdown();
    };
    console.log(`load before: ${load()} (${os.cpus().length} cores)`);
    for (let i = 0; i < ROUNDS; i++) {
      await round('off');
      await round('on');
    }
    const [traced] = await dataSource.query(`SELECT count(*) FILTER (WHERE metadata ? 'traceparent')::int AS traced, count(*)::int AS total FROM bench.events`);
    const perSecond = (mode: 'off' | 'on') => tally[mode].appends / tally[mode].seconds;
    const micros = (mode: 'off' | 'on') => (tally[mode].seconds / tally[mode].appends) * 1e6;
    console.log(`appends/s, 1 writer, ${ROUNDS} × ${SECONDS} s each, taking turns`);
    console.log(`  tracing off: ${perSecond('off').toFixed(0)}/s (${micros('off').toFixed(0)} µs per append)`);
    console.log(`  tracing on:  ${perSecond('on').toFixed(0)}/s (${micros('on').toFixed(0)} µs per append), ${exporter.exported} spans exported`);
    console.log(
      `  difference:  ${(micros('on') - micros('off')).toFixed(0)} µs per append (${(((micros('on') - micros('off')) / micros('off')) * 100).toFixed(1)} %)`,
    );
    console.log(`  events with a traceparent: ${traced.traced} of ${traced.total}`);
    console.log(`load after: ${load()}`);
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
