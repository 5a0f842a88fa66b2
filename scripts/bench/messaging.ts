/**
 * Messaging benchmark: prints figures, asserts nothing (speed is not a test).
 *   TS_NODE_PROJECT=tsconfig.base.json npx ts-node --transpile-only -r tsconfig-paths/register scripts/bench/messaging.ts
 *
 * Relay → consumer latency, over NATS JetStream and, for comparison, over the in-process bus of
 * the embedded mode. Single-event commits are appended at a bounded rate (one every
 * BENCH_INTERVAL_MS, default 5), the outbox relay reads them from the event store in commit order
 * and publishes them, and a durable consumer applies each through the Inbox, as production
 * consumers do (inbox row + effect in one transaction).
 *
 * Latency = receive time − the event's recordedAt (the message's metadata.recordedAt, the store's
 * clock taken just before its INSERT, so it includes the append's own commit; ms resolution).
 * "handler entry" is when the consumer's handler starts; "effect committed" is when the Inbox
 * transaction has committed. A second table gives the same from the moment append() resolved
 * (it may count fewer events: the relay can publish one before append() returns to its caller).
 * Then the rate at which a backlog drains (relay publish, and effects through the Inbox).
 *
 * Servers from TEST_POSTGRES_URL / TEST_NATS_URL (defaults 127.0.0.1:5432 and :4222); creates its
 * own database and stream names and removes them. BENCH_EVENTS (default 1000) events per latency
 * scenario, BENCH_RELAY_IDLE_MS (default 5) for the fast-polling relay, BENCH_BACKLOG (default
 * 3000) for the drain; BENCH_BUDGET_S (default 50) bounds the measurements: a scenario that would
 * run past it fails the run (after cleaning up).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { PostgresEventStore, SYSTEM_ACTOR, eventStoreMigrations } from '@reform/event-store';
import { InProcessBus, Inbox, IntegrationMessage, JetStreamBus, MessageBus, OutboxRelay, messagingMigrations, toIntegrationMessage } from '@reform/messaging';
import { createTestDatabase, createTestDataSource, testNatsUrl, testPostgresUrl, uniqueName } from '@reform/testing';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1000);
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 5);
const FAST_IDLE_MS = Number(process.env.BENCH_RELAY_IDLE_MS ?? 5);
const DEFAULT_IDLE_MS = 100; // the relay's default poll interval when caught up
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 3000);
const BUDGET_MS = Number(process.env.BENCH_BUDGET_S ?? 50) * 1000;
const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'bench', causationId: null };

const startedAt = Date.now();
const loadAtStart = os.loadavg();
const deadline = startedAt + BUDGET_MS;
/** Wall-clock milliseconds with sub-millisecond precision (comparable with recordedAt). */
const wallNow = () => performance.timeOrigin + performance.now();

const fmt = (ms: number) => ms.toFixed(1).padStart(7);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const W = 56;
const HEADER = `${'scenario'.padEnd(W)} ${'bus'.padEnd(10)} ${'events'.padStart(6)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)} ${'mean'.padStart(7)} ${'events/s'.padStart(8)}`;
const RULE = `${'-'.repeat(W)} ${'-'.repeat(10)} ${'-'.repeat(6)}${` ${'-'.repeat(7)}`.repeat(5)} ${'-'.repeat(8)}`;

function row(scenario: string, bus: string, samples: number[], perSecond?: number): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  const rate = perSecond === undefined ? '' : Math.round(perSecond).toLocaleString('en-US');
  return `${scenario.padEnd(W)} ${bus.padEnd(10)} ${String(sorted.length).padStart(6)} ${fmt(percentile(sorted, 50))} ${fmt(percentile(sorted, 95))} ${fmt(percentile(sorted, 99))} ${fmt(sorted[sorted.length - 1])} ${fmt(mean)} ${rate.padStart(8)}`;
}

/** The time budget ran out: the run prints what it measured and skips the rest. */
class BudgetError extends Error {}

async function waitFor(what: string, probe: () => boolean): Promise<void> {
  while (!probe()) {
    if (Date.now() > deadline) throw new BudgetError(`over the ${BUDGET_MS / 1000} s budget waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

interface Samples {
  /** handler entry − recordedAt */
  entry: number[];
  /** inbox commit − recordedAt */
  effect: number[];
  /** inbox commit − append() resolved */
  effectFromCommit: number[];
  /** events whose effect committed per second, first recordedAt → last effect */
  perSecond: number;
}

async function main() {
  const database = await createTestDatabase('bench_msg');
  const schemas = ['jsfast', 'jspoll', 'jsnudge', 'ipfast', 'ippoll', 'ipnudge', 'jsbacklog', 'ipbacklog'];
  let dataSource: DataSource | null = null;
  const jetstream = await JetStreamBus.connect({ servers: testNatsUrl(), prefix: uniqueName('bench'), name: 'bench-messaging' });
  const inProcess = new InProcessBus();
  // A hung server must not hang the script: leave (cleanup may be incomplete) well after the budget.
  const fuse = setTimeout(() => {
    console.error(`benchmark: still running ${BUDGET_MS / 1000 + 30} s after start, exiting`);
    process.exit(2);
  }, BUDGET_MS + 30_000);
  fuse.unref();
  try {
    dataSource = await createTestDataSource(database.url, {
      migrations: schemas.flatMap((schema) => [...eventStoreMigrations(schema), ...messagingMigrations(schema)]),
    });
    const ds = dataSource;
    for (const schema of schemas) await ds.query(`CREATE TABLE ${schema}.effects (event_id uuid PRIMARY KEY, n int NOT NULL)`);
    const [{ server_version: pgVersion }] = await ds.query('SHOW server_version');
    const [{ synchronous_commit: syncCommit }] = await ds.query('SHOW synchronous_commit');

    /** The relay of one schema's outbox onto `bus`, every event as `<schema>.Measured`. */
    function relayFor(bus: MessageBus, store: PostgresEventStore, schema: string, idleMs: number): OutboxRelay {
      const contract = { name: `${schema}.Measured`, version: 1, subject: `${schema}.item.Measured` };
      return new OutboxRelay({ name: schema, store, dataSource: ds, schema, bus, idleMs, map: (event) => toIntegrationMessage(event, contract, event.data) });
    }

    /** The consumer's effect, applied once through the Inbox: what both scenarios measure. */
    const applyEffect = (inbox: Inbox, schema: string, consumer: string, message: IntegrationMessage) =>
      inbox.handle(consumer, message, (manager) =>
        manager.query(`INSERT INTO ${schema}.effects (event_id, n) VALUES ($1, $2)`, [message.eventId, (message.data as { n: number }).n]),
      );

    /** One service's store and relay, one consumer through the Inbox; `bus` carries the messages. */
    async function scenario(bus: MessageBus, schema: string, options: { idleMs: number; nudge: boolean }): Promise<Samples> {
      const store = new PostgresEventStore(ds, schema);
      const relay = relayFor(bus, store, schema, options.idleMs);
      const inbox = new Inbox(ds, schema);
      const consumer = `${schema}-consumer`;
      const committedAt = new Map<string, number>();
      const samples: Samples = { entry: [], effect: [], effectFromCommit: [], perSecond: 0 };
      let firstRecorded = Infinity;
      let lastEffect = 0;
      const subscription = await bus.subscribe({ consumer, subjects: [`${schema}.>`] }, async (message) => {
        const recordedAt = Date.parse(message.metadata.recordedAt);
        samples.entry.push(wallNow() - recordedAt);
        const outcome = await applyEffect(inbox, schema, consumer, message);
        if (outcome !== 'applied') return;
        const now = wallNow();
        samples.effect.push(now - recordedAt);
        const committed = committedAt.get(message.eventId);
        if (committed !== undefined) samples.effectFromCommit.push(now - committed);
        firstRecorded = Math.min(firstRecorded, recordedAt);
        lastEffect = Math.max(lastEffect, now);
      });
      relay.start();
      try {
        // Paced on a fixed schedule (commit n is due at n × INTERVAL_MS), so the offered rate holds.
        const t0 = performance.now();
        for (let n = 0; n < EVENTS; n++) {
          if (Date.now() > deadline) throw new BudgetError(`over the ${BUDGET_MS / 1000} s budget while appending (${schema})`);
          const due = t0 + n * INTERVAL_MS;
          while (performance.now() < due) await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
          const { events } = await store.append(`item-${n}`, 0, [{ type: 'Measured', data: { n } }], metadata);
          committedAt.set(events[0].eventId, wallNow());
          if (options.nudge) relay.nudge();
        }
        await waitFor(`${schema}: every effect`, () => samples.effect.length === EVENTS);
      } finally {
        await relay.stop();
        await subscription.stop();
      }
      samples.perSecond = EVENTS / ((lastEffect - firstRecorded) / 1000);
      return samples;
    }

    /** A backlog committed before the relay starts (a restart after downtime): drain rates. */
    async function backlog(bus: MessageBus, schema: string): Promise<{ published: number; publishSeconds: number; appliedSeconds: number }> {
      const store = new PostgresEventStore(ds, schema);
      for (let i = 0; i < BACKLOG; i += 500) {
        await store.appendMany(
          Array.from({ length: Math.min(500, BACKLOG - i) }, (_, k) => ({
            streamId: `item-${i + k}`,
            expectedVersion: 0 as const,
            events: [{ type: 'Measured', data: { n: i + k } }],
          })),
          metadata,
        );
      }
      const inbox = new Inbox(ds, schema);
      const relay = relayFor(bus, store, schema, DEFAULT_IDLE_MS);
      let applied = 0;
      const started = performance.now();
      const published = relay.drain().then((count) => ({ count, seconds: (performance.now() - started) / 1000 }));
      const subscription = await bus.subscribe({ consumer: `${schema}-inbox`, subjects: [`${schema}.>`] }, async (message) => {
        await applyEffect(inbox, schema, `${schema}-inbox`, message);
        applied++;
      });
      try {
        const relayed = await published;
        await waitFor(`${schema}: the backlog through the Inbox`, () => applied === BACKLOG);
        return { published: relayed.count, publishSeconds: relayed.seconds, appliedSeconds: (performance.now() - started) / 1000 };
      } finally {
        await subscription.stop();
      }
    }

    const skipped: string[] = [];
    /** Runs a scenario unless the budget is spent; a scenario the budget cuts short is reported as skipped. */
    async function withinBudget<T>(what: string, needsMs: number, run: () => Promise<T>): Promise<T | null> {
      if (Date.now() + needsMs > deadline) {
        skipped.push(`${what}: not started, ${BUDGET_MS / 1000} s budget spent`);
        return null;
      }
      try {
        return await run();
      } catch (error) {
        if (!(error instanceof BudgetError)) throw error;
        skipped.push(`${what}: cut short, ${error.message}`);
        return null;
      }
    }
    const runs: Array<{ label: string; bus: string; samples: Samples }> = [];
    const measure = async (label: string, busLabel: string, bus: MessageBus, schema: string, options: { idleMs: number; nudge: boolean }) => {
      const samples = await withinBudget(`${label} (${busLabel})`, EVENTS * INTERVAL_MS, () => scenario(bus, schema, options));
      if (samples) runs.push({ label, bus: busLabel, samples });
    };
    await measure(`relay polling every ${FAST_IDLE_MS} ms`, 'JetStream', jetstream, 'jsfast', { idleMs: FAST_IDLE_MS, nudge: false });
    await measure(`relay polling every ${FAST_IDLE_MS} ms`, 'in-process', inProcess, 'ipfast', { idleMs: FAST_IDLE_MS, nudge: false });
    await measure(`relay polling every ${DEFAULT_IDLE_MS} ms (default)`, 'JetStream', jetstream, 'jspoll', { idleMs: DEFAULT_IDLE_MS, nudge: false });
    await measure(`relay polling every ${DEFAULT_IDLE_MS} ms (default)`, 'in-process', inProcess, 'ippoll', { idleMs: DEFAULT_IDLE_MS, nudge: false });
    await measure('relay nudged after each commit', 'JetStream', jetstream, 'jsnudge', { idleMs: DEFAULT_IDLE_MS, nudge: true });
    await measure('relay nudged after each commit', 'in-process', inProcess, 'ipnudge', { idleMs: DEFAULT_IDLE_MS, nudge: true });
    const drains: Array<{ bus: string; published: number; publishSeconds: number; appliedSeconds: number }> = [];
    for (const [busLabel, bus, schema] of [
      ['JetStream', jetstream, 'jsbacklog'],
      ['in-process', inProcess, 'ipbacklog'],
    ] as const) {
      const drain = await withinBudget(`backlog (${busLabel})`, 2000, () => backlog(bus, schema));
      if (drain) drains.push({ bus: busLabel, ...drain });
    }

    const lines = [
      `machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}, load average at the start ${loadAtStart.map((x) => x.toFixed(2)).join(' ')}`,
      `node ${process.version}, PostgreSQL ${pgVersion} (synchronous_commit=${syncCommit}) at ${new URL(testPostgresUrl()).host}, nats-server ${jetstream.connection.info?.version ?? '?'} at ${testNatsUrl()}`,
      `${EVENTS} single-event commits per scenario, one every ${INTERVAL_MS} ms (offered ${Math.round(1000 / INTERVAL_MS)}/s), relay and consumer in this process, consumer through the Inbox`,
      '',
      "latency in ms from the event's recordedAt; events/s = effects committed ÷ (last effect − first recordedAt)",
      HEADER,
      RULE,
      ...runs.flatMap((run) => [
        row(`${run.label} → handler entry`, run.bus, run.samples.entry),
        row(`${run.label} → effect committed`, run.bus, run.samples.effect, run.samples.perSecond),
      ]),
      '',
      'latency in ms from the moment append() resolved (the commit) to the effect committed',
      HEADER,
      RULE,
      ...runs.map((run) => row(run.label, run.bus, run.samples.effectFromCommit)),
      '',
      `backlog of ${BACKLOG.toLocaleString('en-US')} committed events, relay started (batches of 500), one consumer through the Inbox (one transaction per event):`,
      ...drains.map(
        (drain) =>
          `  ${drain.bus.padEnd(10)}  relay read + publish ${Math.round(drain.published / drain.publishSeconds)
            .toLocaleString('en-US')
            .padStart(7)} events/s (${drain.publishSeconds.toFixed(2)} s)` +
          `   all applied ${Math.round(BACKLOG / drain.appliedSeconds)
            .toLocaleString('en-US')
            .padStart(6)} events/s (${drain.appliedSeconds.toFixed(2)} s)`,
      ),
      ...(skipped.length ? ['', 'skipped (machine too busy for the budget; BENCH_BUDGET_S to raise it):', ...skipped.map((line) => `  ${line}`)] : []),
      '',
      `measured in ${((Date.now() - startedAt) / 1000).toFixed(1)} s, load average at the end ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await inProcess.close().catch(() => undefined);
    await jetstream.deleteStreams().catch(() => undefined);
    await jetstream.close().catch(() => undefined);
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
