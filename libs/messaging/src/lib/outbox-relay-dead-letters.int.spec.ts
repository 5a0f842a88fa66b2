import { DataSource } from 'typeorm';
import { PostgresEventStore, SYSTEM_ACTOR, eventStoreMigrations } from '@reform/event-store';
import { createTestDatabase, createTestDataSource, eventually, testNatsUrl, TestDatabase, uniqueName } from '@reform/testing';
import { JetStreamBus } from './jetstream-bus';
import { messagingMigrations } from './migrations';
import { OutboxRelay, toIntegrationMessage } from './outbox-relay';
import { runDeadLettersCommand } from './dead-letters.cli';
import { queueCounts } from './jobs/job-queue';

const S = 'relaydl';
const contract = { name: 'relaydl.ItemAdded', version: 1, subject: 'relaydl.item.ItemAdded' };

/**
 * Issue 14: an event whose mapping throws stalled the relay for good (the same batch retried
 * forever). Now it is a dead letter, counted, the events after it flow on, and the operator
 * retries it once the mapping is fixed.
 */
describe('OutboxRelay isolates an event whose mapping throws (PostgreSQL + JetStream)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let bus: JetStreamBus;
  let relay: OutboxRelay;
  const prefix = uniqueName('relaydl');

  beforeAll(async () => {
    database = await createTestDatabase('relaydl');
    dataSource = await createTestDataSource(database.url, { migrations: [...eventStoreMigrations(S), ...messagingMigrations(S)] });
    store = new PostgresEventStore(dataSource, S);
    bus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix });
  });

  afterAll(async () => {
    await relay?.stop();
    await bus?.deleteStreams().catch(() => undefined);
    await bus?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('dead-letters the event, publishes the rest, and publishes it on retry once fixed', async () => {
    const received: number[] = [];
    await bus.subscribe({ consumer: 'relaydl-items', subjects: ['relaydl.>'] }, async (message) => void received.push((message.data as { n: number }).n));
    let broken = true;
    relay = new OutboxRelay({
      name: 'relaydl',
      store,
      dataSource,
      schema: S,
      bus,
      idleMs: 20,
      map: (event) => {
        const { n } = event.data as { n: number };
        if (n === 2 && broken) throw new Error('timeframe "Quý V/2025" cannot be mapped');
        return toIntegrationMessage(event, contract, { n });
      },
    });
    relay.start();
    const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'relaydl', causationId: null };
    for (const n of [1, 2, 3]) await store.append(`item-${n}`, 0, [{ type: 'ItemAdded', data: { n } }], metadata);
    relay.nudge();

    await eventually(() => expect(received).toEqual([1, 3]));
    // Recorded with the batch's checkpoint, just after its publishes.
    await eventually(async () => expect(await queueCounts(dataSource, S)).toEqual([{ source: 'relay', queue: 'relaydl', pending: 0, deadLetters: 1 }]));
    expect(relay.deadLetteredCount).toBe(1);
    // The rest keeps flowing after it.
    await store.append('item-4', 0, [{ type: 'ItemAdded', data: { n: 4 } }], metadata);
    relay.nudge();
    await eventually(() => expect(received).toEqual([1, 3, 4]));

    const env = { DATABASE_URL: database.url };
    const lines: string[] = [];
    expect(await runDeadLettersCommand([S, 'list'], env, (l) => lines.push(l))).toBe(0);
    expect(lines).toHaveLength(2);
    const [id, source, queue, key, what, attempts] = lines[0].split('\t');
    expect({ source, queue, key, attempts }).toEqual({ source: 'relay', queue: 'relaydl', key: 'item-2', attempts: '1 attempts' });
    expect(what).toMatch(/^ItemAdded [0-9a-f-]{36}$/);
    expect(lines[0]).toContain('timeframe "Quý V/2025" cannot be mapped');

    // Retried while still broken: it stays a dead letter, with one more attempt.
    expect(await runDeadLettersCommand([S, 'retry', id], env, () => undefined)).toBe(0);
    await eventually(async () =>
      expect(await dataSource.query(`SELECT attempts, retry_requested_at FROM ${S}.dead_letters`)).toEqual([{ attempts: 2, retry_requested_at: null }]),
    );
    expect(received).toEqual([1, 3, 4]);

    broken = false;
    expect(await runDeadLettersCommand([S, 'retry', id], env, () => undefined)).toBe(0);
    await eventually(() => expect(received).toEqual([1, 3, 4, 2]));
    expect(await queueCounts(dataSource, S)).toEqual([]);
    expect(relay.publishedCount).toBe(4);
  });
});
