/**
 * How long a plan's fan-out takes: `<tasks>` tasks sent to `<communes>` communes (default 50 ×
 * 10,047, the country's communes before 2025-07: ≈500,000 assignments), on a fresh database of
 * the local PostgreSQL (TEST_POSTGRES_URL), through the real consumer, job worker and chunks.
 *
 *   TS_NODE_PROJECT=tsconfig.base.json node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     services/tasks/bench/fan-out.bench.ts [communes] [tasks] [chunkSize] [parallelChunks]
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InProcessBus } from '@reform/messaging';
import { createTestDatabase, TEST_SIGNING_KEYS } from '@reform/testing';
import { createTasksApp, syntheticPlanIssued } from '../src';

async function main(): Promise<void> {
  const [communeCount = 10_047, taskCount = 50, chunkSize = 2_000, parallelChunks = 2] = process.argv.slice(2).map(Number);
  const db = await createTestDatabase('tasks_bench');
  const bus = new InProcessBus();
  const app = await createTasksApp({
    databaseUrl: db.url,
    bus,
    signingKeys: [...TEST_SIGNING_KEYS],
    port: 0,
    logger: ['error', 'warn'],
    overdue: { intervalMs: 0 },
    fanOut: { chunkSize, parallelChunks, pollMs: 100 },
  });
  try {
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const { message, assignments: expected } = syntheticPlanIssued(communeCount, taskCount);
    const started = Date.now();
    const cpu = process.cpuUsage();
    await bus.publish(message);
    let created = 0;
    while (created < expected) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      [{ n: created }] = await dataSource.query(`SELECT count(*)::int AS n FROM tasks.assignments`);
      process.stdout.write(`\r${created.toLocaleString('en')} / ${expected.toLocaleString('en')} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    const seconds = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const [{ size }] = await dataSource.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    console.log(
      `\n${expected.toLocaleString('en')} assignments (${taskCount} tasks × ${communeCount.toLocaleString('en')} communes, chunks of ${chunkSize}, ${parallelChunks} at once) in ${seconds.toFixed(1)} s: ${Math.round(expected / seconds).toLocaleString('en')} per second; database ${size}; this process's CPU ${((used.user + used.system) / 1e6).toFixed(1)} s (${Math.round((used.user + used.system) / expected)} µs per assignment)`,
    );
  } finally {
    await app.close();
    await bus.close();
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
