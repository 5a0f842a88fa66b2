/**
 * How long a plan's fan-out takes: `<tasks>` tasks sent to `<communes>` communes (default 50 ×
 * 10,047, the country's communes before 2025-07: ≈500,000 assignments), on a fresh database of
 * the local PostgreSQL (TEST_POSTGRES_URL), through the real consumer, job worker and chunks.
 *
 *   TS_NODE_PROJECT=tsconfig.base.json node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     services/tasks/bench/fan-out.bench.ts [communes] [tasks] [chunkSize] [parallelChunks]
 */
import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlanIssuedV1, PublishedTask } from '@reform/contracts';
import { InProcessBus } from '@reform/messaging';
import { createTestDatabase, TEST_SIGNING_KEYS } from '@reform/testing';
import { createTasksApp } from '../src';

async function main(): Promise<void> {
  const [communeCount = 10_047, taskCount = 50, chunkSize = 2_000, parallelChunks = 2] = process.argv.slice(2).map(Number);
  const db = await createTestDatabase('tasks_bench');
  const bus = new InProcessBus();
  const app = await createTasksApp({ databaseUrl: db.url, bus, signingKeys: [...TEST_SIGNING_KEYS], port: 0, logger: ['error', 'warn'], overdue: { intervalMs: 0 }, fanOut: { chunkSize, parallelChunks, pollMs: 100 } });
  try {
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const communes = Array.from({ length: communeCount }, (_, i) => String(100_000 + i));
    const tasks: PublishedTask[] = Array.from({ length: taskCount }, (_, i) => ({
      taskId: `t${i + 1}`,
      sectionCode: 'PAPI 2.1',
      text: `Nhiệm vụ ${i + 1}: công khai, minh bạch thủ tục hành chính và kết quả giải quyết tại cấp xã`,
      target: '100% xã',
      timeframe: { kind: 'due', text: 'Trước ngày 30/6/2025' },
      dueOn: '2025-06-30',
      lead: [],
      implementing: communes,
      monitoring: ['49.SNV'],
      expectedResult: null,
    }));
    const planId = randomUUID();
    const data: PlanIssuedV1 = { planId, number: '1/KH-BENCH', title: 'Bench', issuerCode: '49', issuedOn: '2025-03-01', year: 2025, implementsPlanId: null, tasks, cascade: null };
    const expected = communeCount * taskCount;
    const started = Date.now();
    const cpu = process.cpuUsage();
    await bus.publish({
      eventId: randomUUID(),
      name: PlanIssuedV1.name,
      version: 1,
      subject: PlanIssuedV1.subject,
      data,
      metadata: { actor: { accountId: 'system', username: 'system', unitCode: null }, tenant: '49', correlationId: randomUUID(), causationId: null, recordedAt: new Date().toISOString(), stream: `plan-${planId}`, streamVersion: 1 },
    });
    let created = 0;
    while (created < expected) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      [{ n: created }] = await dataSource.query(`SELECT count(*)::int AS n FROM tasks.assignments`);
      process.stdout.write(`\r${created.toLocaleString('en')} / ${expected.toLocaleString('en')} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    const seconds = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const [{ size }] = await dataSource.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    console.log(`\n${expected.toLocaleString('en')} assignments (${taskCount} tasks × ${communeCount.toLocaleString('en')} communes, chunks of ${chunkSize}, ${parallelChunks} at once) in ${seconds.toFixed(1)} s: ${Math.round(expected / seconds).toLocaleString('en')} per second; database ${size}; this process's CPU ${((used.user + used.system) / 1e6).toFixed(1)} s (${Math.round((used.user + used.system) / expected)} µs per assignment)`);
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
