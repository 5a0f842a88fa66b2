/**
 * Rebuild benchmark (issue 11): prints figures, asserts nothing (speed is not a test, ADR 0005).
 *   npm run bench:rebuild
 *
 * A national-scale tasks event store, made by the real fan-out: the tasks service (createTasksApp,
 * in-process bus) on a fresh database of TEST_POSTGRES_URL receives one PlanIssued of BENCH_TASKS
 * (default 50) tasks implemented by BENCH_COMMUNES (default 10,047: the country's communes before
 * 2025-07) communes, and its consumer, job worker and chunks write the assignments (≈ 500,000
 * events). Then `rebuildReadModels` with the tasks service's projections (what `npm run rebuild --
 * tasks` runs) rebuilds `tasks.assignments` beside the live table and swaps it in; the rebuilt
 * tables are compared with the live ones (row count and an md5 over every row of assignments and plan_progress). For the floor, the
 * same store is read once more with `readAll` alone (no projection) in the same page size.
 *
 * BENCH_PAGE_SIZE (default 1,000, as the command), BENCH_CHUNK_POSITIONS (the set-based replay's, default 25,000); BENCH_REBUILD_DATABASE_URL reuses a database a
 * previous run kept with BENCH_KEEP=1 (the fan-out is then skipped). BENCH_PAGED=1 also rebuilds the
 * same store paged through the projection's `apply` (no set-based replay, ADR 0033), for comparison.
 */
import os from 'node:os';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PostgresEventStore, rebuildReadModels, runMigrations, serviceDataSourceOptions, START } from '@reform/event-store';
import { InProcessBus } from '@reform/messaging';
import { createTestDatabase, TEST_SIGNING_KEYS, testPostgresUrl } from '@reform/testing';
import { CpuMeter } from './cpu-meter';
import { createTasksApp, syntheticPlanIssued, TASKS_SCHEMA, tasksMigrations, tasksReadModels } from '@reform/tasks';

const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 10_047);
const TASKS = Number(process.env.BENCH_TASKS ?? 50);
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 1000);
/** Positions per transaction of the set-based replay (rebuildReadModels' default 25,000). */
const CHUNK_POSITIONS = process.env.BENCH_CHUNK_POSITIONS ? Number(process.env.BENCH_CHUNK_POSITIONS) : undefined;
const n = (value: number) => Math.round(value).toLocaleString('en-US');
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function fanOut(url: string): Promise<number> {
  const bus = new InProcessBus();
  const app = await createTasksApp({
    databaseUrl: url,
    bus,
    signingKeys: [...TEST_SIGNING_KEYS],
    port: 0,
    logger: ['error', 'warn'],
    overdue: { intervalMs: 0 },
  });
  try {
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const { message, assignments: expected } = syntheticPlanIssued(COMMUNES, TASKS);
    const started = Date.now();
    await bus.publish(message);
    let created = 0;
    while (created < expected) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      [{ n: created }] = await dataSource.query(`SELECT count(*)::int AS n FROM tasks.assignments`);
      process.stderr.write(`\rfan-out: ${n(created)} / ${n(expected)} assignments after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    process.stderr.write('\n');
    return (Date.now() - started) / 1000;
  } finally {
    await app.close();
    await bus.close();
  }
}

/**
 * CPU seconds (user + system) of this process and of the PostgreSQL backends of its pool (same
 * machine: /proc). Every pooled connection is opened first, so the backends that will serve the
 * rebuild exist when the meter starts and are counted from there.
 */
async function cpuMeter(dataSource: DataSource) {
  await Promise.all(Array.from({ length: 4 }, () => dataSource.query('SELECT pg_sleep(0.05)')));
  const meter = new CpuMeter(dataSource, { applicationName: 'bench-rebuild' });
  await meter.start();
  return async () => {
    const report = await meter.stop();
    return { node: report.nodeS, backends: report.postgresS, pids: report.backends };
  };
}

async function main() {
  const began = Date.now();
  const loadAtStart = load();
  const reuse = process.env.BENCH_REBUILD_DATABASE_URL;
  const database = reuse ? { url: reuse, drop: async () => undefined, name: new URL(reuse).pathname.slice(1) } : await createTestDatabase('bench_rebuild');
  const keep = Boolean(reuse) || process.env.BENCH_KEEP === '1';
  let dataSource: DataSource | undefined;
  try {
    const fanOutSeconds = reuse ? null : await fanOut(database.url);
    const options = serviceDataSourceOptions({
      url: database.url,
      schema: TASKS_SCHEMA,
      migrations: tasksMigrations(),
      poolSize: 4,
      applicationName: 'bench-rebuild',
    });
    // Connections are kept open (no idle timeout), so the CPU meter reads the same backends to the end.
    dataSource = new DataSource({ ...options, extra: { max: 4, idleTimeoutMillis: 0 } } as typeof options);
    await runMigrations(dataSource);
    const [{ events, size }] = await dataSource.query(
      `SELECT count(*)::int AS events, pg_size_pretty(pg_total_relation_size('tasks.events')) AS size FROM tasks.events`,
    );
    const db = dataSource;
    const checksum = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS rows, md5(string_agg(a::text, '|' ORDER BY a.id)) || '/' ||
             (SELECT md5(string_agg(p::text, '|' ORDER BY p.plan_id, p.unit_code, p.status, p.overdue)) FROM tasks.plan_progress p) AS md5
           FROM tasks.assignments a`,
        )
      )[0] as { rows: number; md5: string };
    const live = await checksum();
    const store = new PostgresEventStore(dataSource, TASKS_SCHEMA);

    // The floor: readAll alone over the same store, the same pages.
    const stopReadCpu = await cpuMeter(dataSource);
    let position = START;
    let read = 0;
    const readStarted = process.hrtime.bigint();
    for (;;) {
      const page = await store.readAll(position, PAGE_SIZE);
      read += page.events.length;
      position = page.position;
      if (page.events.length < PAGE_SIZE) break;
    }
    const readSeconds = Number(process.hrtime.bigint() - readStarted) / 1e9;
    const readUsed = await stopReadCpu();

    const stopRebuildCpu = await cpuMeter(dataSource);
    const result = await rebuildReadModels({
      dataSource,
      store,
      schema: TASKS_SCHEMA,
      projections: tasksReadModels.projections,
      pageSize: PAGE_SIZE,
      replayChunkPositions: CHUNK_POSITIONS,
    });
    const rebuildUsed = await stopRebuildCpu();
    const rebuilt = await checksum();
    // The peer, on request: the same projection without its set-based replay, paged through apply.
    let paged: { result: typeof result; used: { node: number; backends: number; pids: number }; sum: typeof rebuilt } | null = null;
    if (process.env.BENCH_PAGED === '1') {
      const pagedProjections = tasksReadModels.projections.map(({ replay: _replay, ...projection }) => projection);
      const stopPagedCpu = await cpuMeter(dataSource);
      const pagedResult = await rebuildReadModels({ dataSource, store, schema: TASKS_SCHEMA, projections: pagedProjections, pageSize: PAGE_SIZE });
      paged = { result: pagedResult, used: await stopPagedCpu(), sum: await checksum() };
    }

    const [{ server_version: version }] = await dataSource.query('SHOW server_version');
    console.log(
      `machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM; node ${process.version}, PostgreSQL ${version} at ${new URL(testPostgresUrl()).host}`,
    );
    console.log(`load average at the start ${loadAtStart}`);
    console.log(
      `store: ${n(events)} events (tasks.events ${size}), ${reuse ? `reused database ${database.name}` : `made by the fan-out of ${n(TASKS)} tasks × ${n(COMMUNES)} communes in ${(fanOutSeconds ?? 0).toFixed(1)} s`}`,
    );
    console.log(`pages of ${n(PAGE_SIZE)} events`);
    console.log();
    console.log(`readAll alone (the floor)        ${n(read)} events in ${readSeconds.toFixed(2)} s: ${n(read / readSeconds)} events/s`);
    console.log(
      `rebuildReadModels (tasks)        ${n(result.events)} events in ${result.seconds.toFixed(2)} s: ${n(result.events / result.seconds)} events/s ` +
        `(${result.replay} replay, ${result.passes} pass${result.passes === 1 ? '' : 'es'}, ${n(result.swapEvents)} at the swap)`,
    );
    if (paged)
      console.log(
        `the same, paged through apply  ${n(paged.result.events)} events in ${paged.result.seconds.toFixed(2)} s: ${n(paged.result.events / paged.result.seconds)} events/s ` +
          `(${paged.result.replay} replay, ${paged.result.passes} passes)`,
      );
    for (const table of result.tables) console.log(`  tasks.${table.table}: ${n(table.rowsBefore)} rows before, ${n(table.rowsAfter)} after`);
    // Wall-clock figures follow the machine's load; CPU time per event does much less. With the
    // read of the next page overlapping the projection, two idle cores could at best run
    // Node and PostgreSQL side by side: the rate is then bounded by 2 ÷ (CPU s per event), and
    // by 1 ÷ (the larger of the two) when one side cannot keep more than one core busy.
    const perK = (seconds: number, events: number) => ((seconds / events) * 1e6).toFixed(0);
    console.log();
    console.log(`CPU time per 1,000 events (this process + its ${rebuildUsed.pids} PostgreSQL backends, from /proc):`);
    console.log(`  readAll alone      node ${perK(readUsed.node, read)} ms + PostgreSQL ${perK(readUsed.backends, read)} ms`);
    console.log(`  rebuildReadModels  node ${perK(rebuildUsed.node, result.events)} ms + PostgreSQL ${perK(rebuildUsed.backends, result.events)} ms`);
    if (paged)
      console.log(
        `  the same, paged    node ${perK(paged.used.node, paged.result.events)} ms + PostgreSQL ${perK(paged.used.backends, paged.result.events)} ms`,
      );
    const rebuildPerEvent = (rebuildUsed.node + rebuildUsed.backends) / result.events;
    // Set-based, PostgreSQL works on two connections at once (a core each), so only the sum counts.
    const bottleneck = result.replay === 'set-based' ? rebuildPerEvent / 2 : Math.max(rebuildUsed.node, rebuildUsed.backends) / result.events;
    console.log(
      `  → on 2 idle cores the rebuild could reach at most ${n(Math.min(2 / rebuildPerEvent, 1 / bottleneck))} events/s (readAll alone: ${n(Math.min(2 / ((readUsed.node + readUsed.backends) / read), 1 / (Math.max(readUsed.node, readUsed.backends) / read)))})`,
    );
    console.log(
      `  rebuilt table equals the live one: ${rebuilt.rows === live.rows && rebuilt.md5 === live.md5 ? 'yes' : 'NO'} (${n(rebuilt.rows)} rows, md5 ${rebuilt.md5})`,
    );
    if (paged)
      console.log(
        `  paged rebuild equals the live one: ${paged.sum.rows === live.rows && paged.sum.md5 === live.md5 ? 'yes' : 'NO'} (${n(paged.sum.rows)} rows, md5 ${paged.sum.md5})`,
      );
    console.log(`\nmeasured in ${((Date.now() - began) / 1000).toFixed(1)} s, load average at the end ${load()}`);
    if (keep) console.log(`kept: BENCH_REBUILD_DATABASE_URL=${database.url}`);
  } finally {
    await dataSource?.destroy().catch(() => undefined);
    if (!keep) await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
