import { DataSource } from 'typeorm';
import { clearProcessFaults, recordProcessFault } from '@reform/config';
import { InProcessBus, JetStreamBus } from '@reform/messaging';
import { createTestDatabase, TestDatabase, testNatsUrl } from '@reform/testing';
import { readinessOf } from './readiness';

describe('readinessOf', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('readiness');
    dataSource = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  });

  afterAll(async () => {
    clearProcessFaults();
    await dataSource?.destroy();
    await db?.drop();
  });

  it('is ok when PostgreSQL and JetStream answer and the guard caught nothing', async () => {
    const bus = await JetStreamBus.connect({ servers: testNatsUrl() });
    try {
      expect(await readinessOf('tasks', dataSource, bus)).toEqual({ status: 'ok', service: 'tasks', checks: { postgres: 'ok', nats: 'ok', process: 'ok' } });
    } finally {
      await bus.close();
    }
  });

  it('names NATS when the bus cannot reach it', async () => {
    const bus = await JetStreamBus.connect({ servers: testNatsUrl() });
    await bus.close();
    const readiness = await readinessOf('tasks', dataSource, bus);
    expect(readiness.status).toBe('unavailable');
    expect(readiness.checks).toMatchObject({ postgres: 'ok', process: 'ok' });
    expect(readiness.checks.nats).toMatch(/^failing: the NATS connection is closed/);
  });

  it('names PostgreSQL when it does not answer', async () => {
    const closed = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await closed.destroy();
    const readiness = await readinessOf('plans', closed, new InProcessBus());
    expect(readiness.status).toBe('unavailable');
    expect(readiness.checks.postgres).toMatch(/^failing: /);
    expect(readiness.checks.nats).toBe('ok');
  });

  it('fails once the process guard caught an unhandled rejection', async () => {
    recordProcessFault({ at: '2026-01-01T00:00:00.000Z', kind: 'unhandledRejection', message: 'connect ECONNREFUSED' });
    const readiness = await readinessOf('directory', dataSource, new InProcessBus());
    expect(readiness.status).toBe('unavailable');
    expect(readiness.checks.process).toBe('failing: 1 unhandled rejection(s), last at 2026-01-01T00:00:00.000Z: connect ECONNREFUSED');
  });
});
