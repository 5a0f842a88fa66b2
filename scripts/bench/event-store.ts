/**
 * Event store benchmark: prints figures, asserts nothing (speed is not a test).
 *   npx ts-node --transpile-only -r tsconfig-paths/register scripts/bench/event-store.ts
 * Uses TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres), creates its own
 * database and drops it. Each timed scenario stops after SECONDS (default 4) or its count.
 */
import os from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, testPostgresUrl } from '@reform/testing';
import { Decider } from '@reform/decider';
import { handleCommand, PostgresEventStore, runMigrations, serviceDataSourceOptions, START, SYSTEM_ACTOR } from '@reform/event-store';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'bench', causationId: null };
const payload = (n: number) => ({ code: String(20000 + n), name: `Xã thử nghiệm ${n}`, validFrom: '2025-01-01', parentCode: '513' });

interface Row {
  scenario: string;
  commits: number;
  events: number;
  seconds: number;
}
const rows: Row[] = [];

/** Runs `workers` loops of `step` until the time is up or `maxCommits` commits were made. */
async function timed(scenario: string, workers: number, eventsPerCommit: number, step: (worker: number, i: number) => Promise<void>, maxCommits = Infinity) {
  const started = process.hrtime.bigint();
  const deadline = Date.now() + SECONDS * 1000;
  let commits = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = 0; Date.now() < deadline && commits < maxCommits; i++) {
        await step(worker, i);
        commits++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rows.push({ scenario, commits, events: commits * eventsPerCommit, seconds });
}

function print(machine: string[]) {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const table = rows.map((r) => [r.scenario, fmt(r.commits), fmt(r.events), r.seconds.toFixed(2), fmt(r.events / r.seconds), fmt(r.commits / r.seconds)]);
  const header = ['scenario', 'commits', 'events', 'seconds', 'events/s', 'commits/s'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(machine.join('\n'));
  console.log();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  table.forEach((r) => console.log(line(r)));
}

type Counter = { type: 'Count'; data: { n: number } };
const counter: Decider<Counter, Counter, number> = { initialState: 0, decide: (c) => [c], evolve: (s) => s + 1 };

async function main() {
  const database = await createTestDatabase('bench_es');
  const dataSource = new DataSource(serviceDataSourceOptions({ url: database.url, schema: 'bench', poolSize: 12, applicationName: 'bench-event-store' }));
  const raw = new Client({ connectionString: database.url });
  const rawPool: Client[] = [];
  try {
    await runMigrations(dataSource);
    const store = new PostgresEventStore(dataSource, 'bench');
    await raw.connect();
    const [{ server_version: version }] = (await raw.query('SHOW server_version')).rows;
    const [{ synchronous_commit }] = (await raw.query('SHOW synchronous_commit')).rows;
    const machine = [
      `machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}`,
      `node ${process.version}, PostgreSQL ${version} (synchronous_commit=${synchronous_commit}) at ${new URL(testPostgresUrl()).host}, ${SECONDS} s per timed scenario`,
    ];

    let version1 = 0;
    await timed('append: 1 event/commit, one stream', 1, 1, async () => {
      version1 = (await store.append('one-stream', version1, [{ type: 'UnitRenamed', data: payload(version1) }], metadata)).nextExpectedVersion;
    });

    const versions = new Array(100).fill(0);
    await timed('append: 1 event/commit, 100 streams, 10 writers', 10, 1, async (worker, i) => {
      const s = worker * 10 + (i % 10);
      versions[s] = (await store.append(`stream-${s}`, versions[s], [{ type: 'UnitRenamed', data: payload(i) }], metadata)).nextExpectedVersion;
    });

    const batch = Array.from({ length: 100 }, (_, n) => ({ type: 'UnitRenamed', data: payload(n) }));
    await timed('append: 100 events/commit, one stream each', 1, 100, async (_, i) => {
      await store.append(`batch-${i}`, 'no_stream', batch, metadata);
    });

    await timed('handleCommand: read + fold + decide + append', 1, 1, async (_, i) => {
      await handleCommand({ store, decider: counter, streamId: `cmd-${i % 20}`, command: { type: 'Count', data: { n: i } }, metadata });
    });

    // The directory's import: the national list as one all-or-nothing appendMany.
    await timed('appendMany: 10,807 new streams in one commit', 1, 10_807, async () => {
      await store.appendMany(Array.from({ length: 10_807 }, (_, n) => ({ streamId: `unit-${n}`, expectedVersion: 'no_stream' as const, events: [{ type: 'UnitEstablished', data: payload(n) }] })), metadata);
    }, 1);

    let position = START;
    let read = 0;
    const [{ total }] = await dataSource.query('SELECT count(*)::int AS total FROM bench.events');
    await timed(`readAll: pages of 1,000 from START (${total.toLocaleString('en-US')} events)`, 1, 0, async () => {
      const page = await store.readAll(position, 1000);
      read += page.events.length;
      position = page.position;
    }, Math.ceil(total / 1000));
    rows[rows.length - 1] = { ...rows[rows.length - 1], events: read };

    // For scale: plain autocommit INSERTs into a table without constraints, same server.
    await raw.query('CREATE TABLE raw_insert (id bigserial PRIMARY KEY, data jsonb NOT NULL)');
    await timed('raw PostgreSQL: INSERT; COMMIT, 1 connection', 1, 1, async (_, i) => {
      await raw.query('INSERT INTO raw_insert (data) VALUES ($1)', [JSON.stringify(payload(i))]);
    });
    for (let c = 0; c < 10; c++) {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      rawPool.push(client);
    }
    await timed('raw PostgreSQL: INSERT; COMMIT, 10 connections', 10, 1, async (worker, i) => {
      await rawPool[worker].query('INSERT INTO raw_insert (data) VALUES ($1)', [JSON.stringify(payload(i))]);
    });
    print(machine);
  } finally {
    await Promise.all([raw, ...rawPool].map((client) => client.end().catch(() => undefined)));
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
