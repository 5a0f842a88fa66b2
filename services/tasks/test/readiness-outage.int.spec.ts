import { INestApplication } from '@nestjs/common';
import { InProcessBus, JetStreamBus } from '@reform/messaging';
import { createTestDatabase, eventually, OwnNats, OwnPostgres, startOwnNats, startOwnPostgres, TEST_SIGNING_KEYS } from '@reform/testing';
import { createTasksApp } from '../src';

/**
 * Readiness of a service built by serviceModule (libs/subgraph; every service is) on servers of
 * its own, which this test stops and starts again (never the shared ones, ADR 0005): it turns
 * false within 5 s of NATS or PostgreSQL going away, naming which, and true once they are back.
 */
describe('readiness across a NATS and a PostgreSQL outage', () => {
  let postgres: OwnPostgres;
  let nats: OwnNats & { remove(): void };
  let bus: JetStreamBus;
  let app: INestApplication;
  let base: string;

  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return {
      status: response.status,
      body: (await response.json()) as { status: string; info?: Record<string, unknown>; error?: Record<string, { message?: string }> },
    };
  };
  /** Polls readiness until it has `status`; resolves with the milliseconds it took. */
  const readinessBecomes = async (status: number, timeoutMs: number) => {
    const started = Date.now();
    await eventually(async () => expect((await get('/health/ready')).status).toBe(status), { timeoutMs, intervalMs: 100 });
    return Date.now() - started;
  };

  beforeAll(async () => {
    [postgres, nats] = await Promise.all([startOwnPostgres(), startOwnNats()]);
    bus = await JetStreamBus.connect({ servers: nats.url, name: 'reform-tasks-readiness' });
    app = await createTasksApp({ databaseUrl: postgres.url, bus, signingKeys: [...TEST_SIGNING_KEYS], port: 0, logger: false, poolSize: 4 });
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await nats?.destroy();
    await postgres?.destroy();
  });

  it('is ready with PostgreSQL, NATS and the process guard up; liveness checks no dependency', async () => {
    const ready = await get('/health/ready');
    expect(ready).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'ok', info: { postgres: { status: 'up' }, nats: { status: 'up' }, process: { status: 'up' } } }),
    });
    // The path docker-compose's healthcheck reads answers the same.
    expect(await get('/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await get('/health/live')).toMatchObject({ status: 200, body: { status: 'ok', info: { process: { status: 'up', service: 'tasks' } } } });
  });

  it('turns false within 5 s of NATS going away, naming NATS, and true once it is back', async () => {
    await nats.kill();
    const tookMs = await readinessBecomes(503, 5_000);
    const down = await get('/health/ready');
    expect(down.body.status).toBe('error');
    expect(Object.keys(down.body.error ?? {})).toEqual(['nats']);
    // A dead broker must not take the process with it: liveness stays up.
    expect((await get('/health/live')).status).toBe(200);
    await nats.start();
    const backMs = await readinessBecomes(200, 30_000);
    process.stdout.write(`readiness: NATS down seen after ${tookMs} ms, back after ${backMs} ms\n`);
  });

  it('turns false within 5 s of PostgreSQL going away, naming PostgreSQL, and true once it is back', async () => {
    await postgres.crash();
    const tookMs = await readinessBecomes(503, 5_000);
    const down = await get('/health/ready');
    expect(Object.keys(down.body.error ?? {})).toEqual(['postgres']);
    expect((await get('/health/live')).status).toBe(200);
    await postgres.start();
    const backMs = await readinessBecomes(200, 30_000);
    process.stdout.write(`readiness: PostgreSQL down seen after ${tookMs} ms, back after ${backMs} ms\n`);
  });
});

describe('readiness in the embedded mode', () => {
  it('reports the in-process bus as the NATS check', async () => {
    const database = await createTestDatabase('readiness_embedded');
    const app = await createTasksApp({
      databaseUrl: database.url,
      bus: new InProcessBus(),
      signingKeys: [...TEST_SIGNING_KEYS],
      port: 0,
      logger: false,
      poolSize: 2,
    });
    try {
      const response = await fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/health/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ info: { nats: { status: 'up', bus: 'in-process' } } });
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
