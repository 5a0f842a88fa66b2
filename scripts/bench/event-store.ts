/**
 * Event store benchmark: prints figures, asserts nothing (speed is not a test).
 *   npm run bench:event-store
 * Uses TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres), creates its own
 * database and drops it. Side by side on the same server, in one run (issue 11):
 *   - a raw `INSERT` of one event row (same table, columns and indexes; autocommit),
 *   - our single-event append (`PostgresEventStore.append`),
 *   - the PostgreSQL event store of Emmett (`@event-driven-io/emmett-postgresql`, its own tables
 *     in the same database), each with 1 and 8 writers; then batches of 100 events, ours vs Emmett;
 *   - `readAll` in pages of 1,000 vs a raw `SELECT ... ORDER BY global_position LIMIT 1000`
 *     over BENCH_READ_EVENTS (default 200,000) events.
 * The contenders of a comparison take turns for BENCH_ROUNDS rounds (default 2) of BENCH_SECONDS
 * (default 3) each, so that load from other processes falls on all of them alike.
 */
import os from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { createTestDatabase, testPostgresUrl } from '@reform/testing';
import { Decider } from '@reform/decider';
import { eventStoreMigrations, handleCommand, PostgresEventStore, runMigrations, serviceDataSourceOptions, START, SYSTEM_ACTOR } from '@reform/event-store';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const READ_EVENTS = Number(process.env.BENCH_READ_EVENTS ?? 200_000);
const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'bench', causationId: null };
const payload = (n: number) => ({ code: String(20000 + n), name: `Xã thử nghiệm ${n}`, validFrom: '2025-01-01', parentCode: '513' });
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

interface Tally {
  commits: number;
  events: number;
  seconds: number;
}
const tallies = new Map<string, Tally>();
const order: string[] = [];

/** Runs `workers` loops of `step` for SECONDS (or `maxCommits` commits), adding to `scenario`'s tally. */
async function timed(scenario: string, workers: number, eventsPerCommit: number, step: (worker: number) => Promise<number | void>, maxCommits = Infinity) {
  const started = process.hrtime.bigint();
  const deadline = Date.now() + SECONDS * 1000;
  let commits = 0;
  let events = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (Date.now() < deadline && commits < maxCommits) {
        const n = await step(worker);
        commits++;
        events += typeof n === 'number' ? n : eventsPerCommit;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!tallies.has(scenario)) order.push(scenario);
  const tally = tallies.get(scenario) ?? { commits: 0, events: 0, seconds: 0 };
  tallies.set(scenario, { commits: tally.commits + commits, events: tally.events + events, seconds: tally.seconds + seconds });
}
const rate = (scenario: string) => {
  const t = tallies.get(scenario);
  return t ? t.events / t.seconds : NaN;
};

function table(rows: string[][], header: string[]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
}

type Counter = { type: 'Count'; data: { n: number } };
const counter: Decider<Counter, Counter, number> = { initialState: 0, decide: (c) => [c], evolve: (s) => s + 1 };

async function main() {
  const began = Date.now();
  const loadAtStart = load();
  const database = await createTestDatabase('bench_es');
  const dataSource = new DataSource(
    serviceDataSourceOptions({
      url: database.url,
      schema: 'bench',
      migrations: [...eventStoreMigrations('rawbench'), ...eventStoreMigrations('readbench')],
      poolSize: 10,
      applicationName: 'bench-event-store',
    }),
  );
  const clients: Client[] = [];
  const emmett = getPostgreSQLEventStore(database.url);
  try {
    await runMigrations(dataSource);
    const store = new PostgresEventStore(dataSource, 'bench');
    for (let c = 0; c < 8; c++) {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      clients.push(client);
    }
    const raw = clients[0];
    const [{ server_version: version }] = (await raw.query('SHOW server_version')).rows;
    const [{ synchronous_commit }] = (await raw.query('SHOW synchronous_commit')).rows;
    console.log(
      `machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}`,
    );
    console.log(`node ${process.version}, PostgreSQL ${version} (synchronous_commit=${synchronous_commit}) at ${new URL(testPostgresUrl()).host}`);
    console.log(`${ROUNDS} rounds × ${SECONDS} s per contender and scenario, contenders taking turns; load average at the start ${loadAtStart}`);
    // Emmett creates its schema on first use; do it before timing.
    await emmett.appendToStream('warm-up', [{ type: 'UnitRenamed', data: payload(0), metadata }], { expectedStreamVersion: 0n });

    const rawInsert = (client: Client, streamId: string, version: number, n: number) =>
      client.query(
        `INSERT INTO rawbench.events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at, previous_hash, hash)
         VALUES ($1, $2, gen_random_uuid(), 'UnitRenamed', 1, $3, $4, now(), $5, $6)`,
        [streamId, version, JSON.stringify(payload(n)), JSON.stringify(metadata), 'f'.repeat(64), 'e'.repeat(64)],
      );

    // Single-event appends, each writer on streams of its own; the same payload for all three.
    for (const writers of [1, 8]) {
      const v = { raw: new Array(writers).fill(0), ours: new Array(writers).fill(0), emmett: new Array(writers).fill(0) };
      for (let round = 0; round < ROUNDS; round++) {
        await timed(`single event, ${writers} writer(s): raw INSERT of one event row`, writers, 1, async (w) => {
          v.raw[w]++;
          await rawInsert(clients[w], `raw-${writers}-${w}`, v.raw[w], v.raw[w]);
        });
        await timed(`single event, ${writers} writer(s): our append`, writers, 1, async (w) => {
          v.ours[w] = (await store.append(`one-${writers}-${w}`, v.ours[w], [{ type: 'UnitRenamed', data: payload(v.ours[w]) }], metadata)).nextExpectedVersion;
        });
        await timed(`single event, ${writers} writer(s): Emmett appendToStream`, writers, 1, async (w) => {
          const result = await emmett.appendToStream(`emt-${writers}-${w}`, [{ type: 'UnitRenamed', data: payload(v.emmett[w]), metadata }], {
            expectedStreamVersion: BigInt(v.emmett[w]),
          });
          v.emmett[w] = Number(result.nextExpectedStreamVersion);
        });
      }
    }

    // Batches of 100 events, each to a new stream.
    const batch = Array.from({ length: 100 }, (_, n) => ({ type: 'UnitRenamed', data: payload(n) }));
    const emmettBatch = batch.map((event) => ({ ...event, metadata }));
    let streams = 0;
    for (const writers of [1, 8]) {
      for (let round = 0; round < ROUNDS; round++) {
        await timed(`batches of 100 events, ${writers} writer(s): our append`, writers, 100, async () => {
          await store.append(`batch-${streams++}`, 'no_stream', batch, metadata);
        });
        await timed(`batches of 100 events, ${writers} writer(s): Emmett appendToStream`, writers, 100, async () => {
          await emmett.appendToStream(`emt-batch-${streams++}`, emmettBatch, { expectedStreamVersion: 0n });
        });
      }
    }

    await timed('handleCommand: read + fold + decide + append', 1, 1, async () => {
      await handleCommand({ store, decider: counter, streamId: `cmd-${streams++ % 20}`, command: { type: 'Count', data: { n: 1 } }, metadata });
    });
    await timed(
      'appendMany: 10,807 new streams in one commit',
      1,
      10_807,
      async () => {
        await store.appendMany(
          Array.from({ length: 10_807 }, (_, n) => ({
            streamId: `unit-${n}`,
            expectedVersion: 'no_stream' as const,
            events: [{ type: 'UnitEstablished', data: payload(n) }],
          })),
          metadata,
        );
      },
      1,
    );

    // readAll over READ_EVENTS events vs a raw SELECT by position, the same pages.
    const reads = new PostgresEventStore(dataSource, 'readbench');
    for (let written = 0; written < READ_EVENTS; written += 5000) {
      const size = Math.min(5000, READ_EVENTS - written);
      await reads.appendMany(
        Array.from({ length: size / 5 }, (_, s) => ({ streamId: `read-${written + s * 5}`, expectedVersion: 'no_stream' as const, events: batch.slice(0, 5) })),
        metadata,
      );
    }
    await raw.query('VACUUM ANALYZE readbench.events');
    for (let round = 0; round < ROUNDS; round++) {
      let position = START;
      await timed(
        `readAll, pages of 1,000 (${fmt(READ_EVENTS)} events): our readAll`,
        1,
        0,
        async () => {
          const page = await reads.readAll(position, 1000);
          position = page.position;
          return page.events.length;
        },
        READ_EVENTS / 1000,
      );
      let last = '0';
      await timed(
        `readAll, pages of 1,000 (${fmt(READ_EVENTS)} events): raw SELECT by position`,
        1,
        0,
        async () => {
          const { rows } = await raw.query('SELECT * FROM readbench.events WHERE global_position > $1 ORDER BY global_position LIMIT 1000', [last]);
          last = rows[rows.length - 1].global_position;
          return rows.length;
        },
        READ_EVENTS / 1000,
      );
    }

    console.log();
    table(
      order.map((scenario) => {
        const t = tallies.get(scenario) ?? { commits: 0, events: 0, seconds: 0 };
        return [scenario, fmt(t.commits), fmt(t.events), t.seconds.toFixed(2), fmt(t.events / t.seconds)];
      }),
      ['scenario', 'commits', 'events', 'seconds', 'events/s'],
    );
    console.log();
    const ratio = (a: string, b: string) => (rate(a) / rate(b)).toFixed(2);
    const goals: string[][] = [];
    for (const w of [1, 8]) {
      const ours = `single event, ${w} writer(s): our append`;
      goals.push([`single event, ${w} writer(s): ours ÷ raw INSERT`, ratio(ours, `single event, ${w} writer(s): raw INSERT of one event row`), '≥ 0.50']);
      goals.push([`single event, ${w} writer(s): ours ÷ Emmett`, ratio(ours, `single event, ${w} writer(s): Emmett appendToStream`), '≥ 1.00']);
    }
    for (const w of [1, 8])
      goals.push([
        `batches of 100, ${w} writer(s): ours ÷ Emmett`,
        ratio(`batches of 100 events, ${w} writer(s): our append`, `batches of 100 events, ${w} writer(s): Emmett appendToStream`),
        '≥ 1.00',
      ]);
    goals.push([
      'readAll ÷ raw SELECT by position',
      ratio(
        `readAll, pages of 1,000 (${fmt(READ_EVENTS)} events): our readAll`,
        `readAll, pages of 1,000 (${fmt(READ_EVENTS)} events): raw SELECT by position`,
      ),
      '≥ 0.80',
    ]);
    table(goals, ['goal (issue 11)', 'ratio', 'goal']);
    console.log(`\nmeasured in ${((Date.now() - began) / 1000).toFixed(1)} s, load average at the end ${load()}`);
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    await emmett.close().catch(() => undefined);
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
