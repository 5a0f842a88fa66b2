import { DataSource } from 'typeorm';
import { jetstreamManager } from '@nats-io/jetstream';
import { PostgresEventStore, SYSTEM_ACTOR, eventStoreMigrations } from '@reform/event-store';
import { createTestDatabase, createTestDataSource, eventually, testNatsUrl, TestDatabase, uniqueName } from '@reform/testing';
import { Inbox } from './inbox';
import { MessageBus } from './bus.port';
import { IntegrationMessage } from './message';
import { JetStreamBus } from './jetstream-bus';
import { InProcessBus } from './in-process-bus';
import { messagingMigrations } from './migrations';
import { OutboxRelay, toIntegrationMessage } from './outbox-relay';
import { testMessage } from '../testing/message-bus.contract';

const SCHEMA = 'relaytest';
const contract = { name: 'relaytest.ItemAdded', version: 1, subject: 'relaytest.item.ItemAdded' };

describe('OutboxRelay → JetStream → Inbox, with a relay killed mid-batch and forced redeliveries', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const prefix = uniqueName('relay');
  const buses: JetStreamBus[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('relay');
    dataSource = await createTestDataSource(database.url, { migrations: [...eventStoreMigrations(SCHEMA), ...messagingMigrations(SCHEMA)] });
    await dataSource.query(`CREATE TABLE ${SCHEMA}.effects (event_id uuid NOT NULL, n int NOT NULL)`); // no unique key: duplicates would show
    store = new PostgresEventStore(dataSource, SCHEMA);
  });

  afterAll(async () => {
    for (const bus of buses) await bus.deleteStreams().catch(() => undefined);
    for (const bus of buses) await bus.close().catch(() => undefined);
    await dataSource.destroy();
    await database.drop();
  });

  const connect = async () => {
    const bus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix });
    buses.push(bus);
    return bus;
  };
  const relayOn = (bus: MessageBus) =>
    new OutboxRelay({
      name: 'relaytest',
      store,
      dataSource,
      schema: SCHEMA,
      bus,
      batchSize: 250,
      idleMs: 20,
      map: (event) => toIntegrationMessage(event, contract, event.data),
    });

  it('every event reaches the consumer and its effect is applied exactly once', async () => {
    const total = 2000;
    const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'relay-test', causationId: null };
    for (let batch = 0; batch < total / 100; batch++) {
      await store.appendMany(
        Array.from({ length: 100 }, (_, i) => ({
          streamId: `item-${batch * 100 + i}`,
          expectedVersion: 0 as const,
          events: [{ type: 'ItemAdded', data: { n: batch * 100 + i } }],
        })),
        metadata,
      );
    }

    // The consumer: exactly-once through the inbox. Every 7th message fails once after its effect
    // committed (a crash before the ack) and every 11th once before it, so JetStream redelivers.
    const inbox = new Inbox(dataSource, SCHEMA);
    const consumerBus = await connect();
    const outcomes = { applied: 0, duplicate: 0, redelivered: 0 };
    await consumerBus.subscribe({ consumer: 'relaytest-effects', subjects: ['relaytest.>'], maxDeliver: 5, retryDelayMs: 10 }, async (message, { attempt }) => {
      const n = (message.data as { n: number }).n;
      if (attempt > 1) outcomes.redelivered++;
      if (n % 11 === 0 && attempt === 1) throw new Error('crash before the effect');
      const outcome = await inbox.handle('relaytest-effects', message, (manager) =>
        manager.query(`INSERT INTO ${SCHEMA}.effects (event_id, n) VALUES ($1, $2)`, [message.eventId, n]),
      );
      outcomes[outcome]++;
      if (n % 7 === 0 && attempt === 1) throw new Error('crash after the effect, before the ack');
    });

    // First relay: its NATS connection is cut in the middle of its third batch (publish 600 of
    // 250-message batches), so part of that batch is on the stream and its checkpoint is not.
    const firstBus = await connect();
    let publishes = 0;
    const cutting: MessageBus = Object.assign(Object.create(firstBus), {
      publish: (message: IntegrationMessage) => {
        if (++publishes === 600) void firstBus.connection.close();
        return firstBus.publish(message);
      },
    });
    const first = relayOn(cutting);
    first.start();
    await eventually(() => expect(firstBus.connection.isClosed()).toBe(true), { timeoutMs: 20_000, intervalMs: 5 });
    await first.stop();
    const checkpointAfterCrash = await first.checkpoint();
    const [published] = await dataSource.query(
      `SELECT count(*)::int AS count FROM ${SCHEMA}.events WHERE (transaction_id, global_position) <= ($1::xid8, $2::bigint)`,
      [checkpointAfterCrash.transactionId, checkpointAfterCrash.position],
    );
    // Whole batches checkpointed, the one in flight at the cut not: usually 500 (two pages of 250),
    // fewer when readAll's pages come back short because another transaction on the server was
    // still open (a suite running beside this one).
    expect(published.count).toBeGreaterThan(0);
    expect(published.count).toBeLessThan(600);

    // Second relay: a new process picks up from the persisted checkpoint.
    const second = relayOn(await connect());
    second.start();
    await eventually(
      async () => {
        const [row] = await dataSource.query(`SELECT count(*)::int AS effects, count(DISTINCT event_id)::int AS distinct_effects FROM ${SCHEMA}.effects`);
        expect(row).toEqual({ effects: total, distinct_effects: total });
      },
      { timeoutMs: 40_000, intervalMs: 100 },
    );
    await second.stop();

    const [inboxRows] = await dataSource.query(`SELECT count(*)::int AS count FROM ${SCHEMA}.inbox`);
    expect(inboxRows.count).toBe(total);
    const ns: Array<{ n: number }> = await dataSource.query(`SELECT n FROM ${SCHEMA}.effects ORDER BY n`);
    expect(ns.map((row) => row.n)).toEqual(Array.from({ length: total }, (_, n) => n));
    // The scenario really exercised redelivery and the inbox's duplicate path.
    expect(outcomes.redelivered).toBeGreaterThan(0);
    expect(outcomes.duplicate).toBeGreaterThan(0);
    expect(await consumerBus.deadLetters('relaytest-effects')).toEqual([]);
  });

  it('a handler slower than ackWait: JetStream redelivers while it still runs, and the inbox applies the effect once', async () => {
    await dataSource.query(`CREATE TABLE ${SCHEMA}.slow_effects (event_id uuid NOT NULL)`);
    const bus = await connect();
    const jsm = await jetstreamManager(bus.connection);
    const inbox = new Inbox(dataSource, SCHEMA);
    const seen: Array<{ attempt: number; outcome: string }> = [];
    await bus.subscribe({ consumer: 'relayslow-effects', subjects: ['relayslow.>'], ackWaitMs: 500, maxDeliver: 5 }, async (message, { attempt }) => {
      const outcome = await inbox.handle('relayslow-effects', message, async (manager) => {
        await manager.query(`INSERT INTO ${SCHEMA}.slow_effects (event_id) VALUES ($1)`, [message.eventId]);
        // The first attempt outlives its ack wait: it finishes only once the server has redelivered.
        if (attempt === 1) {
          await eventually(
            async () => expect((await jsm.consumers.info(bus.streamName('relayslow'), 'relayslow-effects')).num_redelivered).toBeGreaterThan(0),
            { timeoutMs: 15_000 },
          );
        }
      });
      seen.push({ attempt, outcome });
    });
    const message = { ...testMessage('SlowThing'), name: 'relayslow.SlowThing', subject: 'relayslow.item.SlowThing' };
    await bus.publish(message);
    await eventually(
      () =>
        expect(seen).toEqual([
          { attempt: 1, outcome: 'applied' },
          { attempt: 2, outcome: 'duplicate' },
        ]),
      { timeoutMs: 20_000 },
    );
    expect(await dataSource.query(`SELECT event_id FROM ${SCHEMA}.slow_effects`)).toEqual([{ event_id: message.eventId }]);
  });

  it('a nudge after a commit publishes at once instead of at the next poll', async () => {
    const bus = new InProcessBus();
    const got: string[] = [];
    await bus.subscribe({ consumer: 'nudged', subjects: ['relaynudge.>'] }, async (message) => void got.push(message.eventId));
    const relay = new OutboxRelay({
      name: 'relaynudge',
      store,
      dataSource,
      schema: SCHEMA,
      bus,
      idleMs: 120_000,
      map: (event) =>
        event.type === 'Nudged' ? toIntegrationMessage(event, { name: 'relaynudge.Nudged', version: 1, subject: 'relaynudge.item.Nudged' }, event.data) : null,
    });
    await relay.drain(); // everything earlier is behind it: the relay now idles for two minutes
    relay.start();
    const {
      events: [recorded],
    } = await store.append('nudge-1', 0, [{ type: 'Nudged', data: {} }], {
      actor: SYSTEM_ACTOR,
      tenant: 'platform',
      correlationId: 'nudge',
      causationId: null,
    });
    try {
      // A transaction open anywhere on the server can hold the event back from readAll for a
      // moment (ADR 0003); each nudge makes the relay look again, never the two-minute poll.
      await eventually(
        () => {
          relay.nudge();
          expect(got).toEqual([recorded.eventId]);
        },
        { timeoutMs: 20_000 },
      );
    } finally {
      await relay.stop();
      await bus.close();
    }
  });
});
