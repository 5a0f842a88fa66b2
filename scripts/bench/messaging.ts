/**
 * Messaging benchmark: prints figures, asserts nothing (speed is not a test).
 *   npx ts-node --transpile-only -r tsconfig-paths/register scripts/bench/messaging.ts
 * Relay → consumer latency over NATS JetStream: an event is appended (one commit), the outbox
 * relay reads it from the event store and publishes it, a durable pull consumer runs its handler.
 * Latency = handler entry − the moment append() resolved (the commit). Then the handler's effect
 * through the Inbox, and the rate at which a backlog drains.
 * Servers from TEST_POSTGRES_URL / TEST_NATS_URL (defaults 127.0.0.1); creates its own database
 * and streams and removes them. BENCH_EVENTS (default 1000) events per latency scenario, one
 * every BENCH_INTERVAL_MS (default 10), BENCH_BACKLOG (default 5000) for the drain.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { PostgresEventStore, SYSTEM_ACTOR, eventStoreMigrations } from '@reform/event-store';
import { Inbox, JetStreamBus, OutboxRelay, messagingMigrations, toIntegrationMessage } from '@reform/messaging';
import { createTestDatabase, createTestDataSource, testNatsUrl, testPostgresUrl, uniqueName } from '@reform/testing';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1000);
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 10);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 5000);
const RELAY_IDLE_MS = 100; // the relay's default poll interval when caught up
const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'bench', causationId: null };

const lines: string[] = [];
const fmt = (ms: number) => ms.toFixed(1).padStart(7);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function report(scenario: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  lines.push(`${scenario.padEnd(58)} ${String(sorted.length).padStart(6)} ${fmt(percentile(sorted, 50))} ${fmt(percentile(sorted, 99))} ${fmt(sorted[sorted.length - 1])} ${fmt(mean)}`);
}

const waitFor = async (probe: () => boolean, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('benchmark: consumer did not receive every event in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

async function main() {
  const database = await createTestDatabase('bench_msg');
  const schemas = ['bpoll', 'bnudge', 'binbox', 'bbacklog'];
  let dataSource: DataSource | null = null;
  const bus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix: uniqueName('bench'), name: 'bench-messaging' });
  try {
    dataSource = await createTestDataSource(database.url, { migrations: schemas.flatMap((schema) => [...eventStoreMigrations(schema), ...messagingMigrations(schema)]) });
    const ds = dataSource;
    const [{ server_version: pgVersion }] = await ds.query('SHOW server_version');
    lines.push(
      `machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}`,
      `node ${process.version}, PostgreSQL ${pgVersion} at ${new URL(testPostgresUrl()).host}, nats-server ${bus.connection.info?.version ?? '?'} at ${testNatsUrl()}`,
      `${EVENTS} events per latency scenario, one append every ${INTERVAL_MS} ms (sequential), relay poll interval ${RELAY_IDLE_MS} ms when idle`,
      '',
      `${'scenario (latency in ms from commit)'.padEnd(58)} ${'events'.padStart(6)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)} ${'mean'.padStart(7)}`,
      `${'-'.repeat(58)} ${'-'.repeat(6)} ${'-'.repeat(7)} ${'-'.repeat(7)} ${'-'.repeat(7)} ${'-'.repeat(7)}`,
    );

    /** One service's store, relay and a consumer of its events; returns the latency samples. */
    async function scenario(schema: string, options: { nudge: boolean; inbox: boolean }): Promise<{ entry: number[]; effect: number[] }> {
      const store = new PostgresEventStore(ds, schema);
      const contract = { name: `${schema}.Measured`, version: 1, subject: `${schema}.item.Measured` };
      const relay = new OutboxRelay({ name: schema, store, dataSource: ds, schema, bus, idleMs: RELAY_IDLE_MS, map: (event) => toIntegrationMessage(event, contract, event.data) });
      const committedAt = new Map<string, number>();
      const entry: number[] = [];
      const effect: number[] = [];
      const inbox = new Inbox(ds, schema);
      await ds.query(`CREATE TABLE ${schema}.effects (event_id uuid NOT NULL)`);
      const subscription = await bus.subscribe({ consumer: `${schema}-consumer`, subjects: [`${schema}.>`] }, async (message) => {
        const started = committedAt.get(message.eventId);
        if (started !== undefined) entry.push(performance.now() - started);
        if (options.inbox) {
          await inbox.handle(`${schema}-consumer`, message, (manager) => manager.query(`INSERT INTO ${schema}.effects (event_id) VALUES ($1)`, [message.eventId]));
          if (started !== undefined) effect.push(performance.now() - started);
        }
      });
      relay.start();
      for (let n = 0; n < EVENTS; n++) {
        const next = performance.now() + INTERVAL_MS;
        const { events } = await store.append(`item-${n}`, 0, [{ type: 'Measured', data: { n } }], metadata);
        committedAt.set(events[0].eventId, performance.now());
        if (options.nudge) relay.nudge();
        const rest = next - performance.now();
        if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
      }
      await waitFor(() => entry.length === EVENTS && (!options.inbox || effect.length === EVENTS));
      await relay.stop();
      await subscription.stop();
      return { entry, effect };
    }

    report(`relay polling (every ${RELAY_IDLE_MS} ms when idle) → handler`, (await scenario('bpoll', { nudge: false, inbox: false })).entry);
    report('relay nudged after each commit → handler', (await scenario('bnudge', { nudge: true, inbox: false })).entry);
    const withInbox = await scenario('binbox', { nudge: true, inbox: true });
    report('relay nudged → handler', withInbox.entry);
    report('relay nudged → effect committed through the Inbox', withInbox.effect);

    // Backlog: events already committed when the relay starts (a restart after downtime).
    const store = new PostgresEventStore(ds, 'bbacklog');
    for (let i = 0; i < BACKLOG; i += 500) {
      await store.appendMany(Array.from({ length: Math.min(500, BACKLOG - i) }, (_, k) => ({ streamId: `item-${i + k}`, expectedVersion: 0 as const, events: [{ type: 'Measured', data: { n: i + k } }] })), metadata);
    }
    const contract = { name: 'bbacklog.Measured', version: 1, subject: 'bbacklog.item.Measured' };
    const inbox = new Inbox(ds, 'bbacklog');
    await ds.query(`CREATE TABLE bbacklog.effects (event_id uuid NOT NULL)`);
    let handled = 0;
    let applied = 0;
    const relay = new OutboxRelay({ name: 'bbacklog', store, dataSource: ds, schema: 'bbacklog', bus, idleMs: RELAY_IDLE_MS, map: (event) => toIntegrationMessage(event, contract, event.data) });
    const started = performance.now();
    const published = relay.drain().then((count) => ({ count, seconds: (performance.now() - started) / 1000 }));
    const plain = await bus.subscribe({ consumer: 'bbacklog-plain', subjects: ['bbacklog.>'] }, async () => void handled++);
    const effects = await bus.subscribe({ consumer: 'bbacklog-inbox', subjects: ['bbacklog.>'] }, async (message) => {
      await inbox.handle('bbacklog-inbox', message, (manager) => manager.query(`INSERT INTO bbacklog.effects (event_id) VALUES ($1)`, [message.eventId]));
      applied++;
    });
    const relayed = await published;
    await waitFor(() => handled === BACKLOG);
    const handledSeconds = (performance.now() - started) / 1000;
    await waitFor(() => applied === BACKLOG);
    const appliedSeconds = (performance.now() - started) / 1000;
    await plain.stop();
    await effects.stop();
    const rate = (count: number, seconds: number) => `${Math.round(count / seconds).toLocaleString('en-US')} events/s (${seconds.toFixed(2)} s)`;
    lines.push(
      '',
      `backlog of ${BACKLOG.toLocaleString('en-US')} committed events, relay started (batches of 500), two consumers on the same connection:`,
      `  relay read + publish (JetStream ack per message, pipelined): ${rate(relayed.count, relayed.seconds)}`,
      `  all delivered to a handler that does nothing:               ${rate(BACKLOG, handledSeconds)}`,
      `  all applied through the Inbox (one transaction per event):  ${rate(BACKLOG, appliedSeconds)}`,
    );
    console.log(lines.join('\n'));
  } finally {
    await bus.deleteStreams().catch(() => undefined);
    await bus.close().catch(() => undefined);
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
