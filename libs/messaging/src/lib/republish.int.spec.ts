import { DataSource } from 'typeorm';
import { GlobalPosition, PostgresEventStore, START, SYSTEM_ACTOR, eventStoreMigrations } from '@reform/event-store';
import { createTestDatabase, createTestDataSource, eventually, testNatsUrl, TestDatabase, uniqueName } from '@reform/testing';
import { Inbox } from './inbox';
import { JetStreamBus } from './jetstream-bus';
import { messagingMigrations } from './migrations';
import { OutboxRelay, toIntegrationMessage } from './outbox-relay';
import { parseGlobalPosition, positionBeforeInstant, republishEvents } from './republish';

const S = 'republishtest';
const contract = { name: 'republishtest.ItemAdded', version: 1, subject: 'republishtest.item.ItemAdded' };
const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'republish-test', causationId: null };
const map = (event: Parameters<typeof toIntegrationMessage>[0]) => (event.type === 'ItemAdded' ? toIntegrationMessage(event, contract, event.data) : null);

describe('republishEvents: repairing a consumer after skipped events and a lost stream', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const prefix = uniqueName('republish');
  const buses: JetStreamBus[] = [];
  const connect = async () => {
    const bus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix });
    buses.push(bus);
    return bus;
  };

  beforeAll(async () => {
    database = await createTestDatabase('republish');
    dataSource = await createTestDataSource(database.url, { migrations: [...eventStoreMigrations(S), ...messagingMigrations(S)] });
    await dataSource.query(`CREATE TABLE ${S}.effects (event_id uuid NOT NULL, n int NOT NULL)`); // no unique key: duplicates would show
    store = new PostgresEventStore(dataSource, S);
  });
  afterAll(async () => {
    for (const bus of buses) await bus.deleteStreams().catch(() => undefined);
    for (const bus of buses) await bus.close().catch(() => undefined);
    await dataSource?.destroy();
    await database?.drop();
  });

  async function add(from: number, to: number): Promise<GlobalPosition> {
    const events = await store.appendMany(
      Array.from({ length: to - from + 1 }, (_, i) => ({
        streamId: `item-${from + i}`,
        expectedVersion: 'no_stream' as const,
        events: [{ type: 'ItemAdded', data: { n: from + i } }],
      })),
      metadata,
    );
    // A private event between them: read and skipped by the mapping, not published.
    await store.append(`private-${from}`, 'no_stream', [{ type: 'SecretKept', data: {} }], metadata);
    return events[events.length - 1].globalPosition;
  }

  it('every effect is applied exactly once after the command republishes from the start', async () => {
    const inbox = new Inbox(dataSource, S);
    const outcomes = { applied: 0, duplicate: 0 };
    const subscribe = (bus: JetStreamBus) =>
      bus.subscribe({ consumer: 'republishtest-effects', subjects: ['republishtest.>'], retryDelayMs: 10 }, async (message) => {
        const n = (message.data as { n: number }).n;
        outcomes[
          await inbox.handle('republishtest-effects', message, (manager) =>
            manager.query(`INSERT INTO ${S}.effects (event_id, n) VALUES ($1, $2)`, [message.eventId, n]),
          )
        ]++;
      });
    const effects = async () =>
      (await dataSource.query(`SELECT n, count(*)::int AS times FROM ${S}.effects GROUP BY n ORDER BY n`)) as Array<{ n: number; times: number }>;

    const relayBus = await connect();
    const relay = new OutboxRelay({ name: S, store, dataSource, schema: S, bus: relayBus, batchSize: 40, map });
    const consumerBus = await connect();
    const subscription = await subscribe(consumerBus);

    // readAll waits for the cluster's oldest running transaction (other tests' too): drain until the relay has them.
    let relayed = 0;
    const drainUntil = (total: number) => eventually(async () => expect((relayed += await relay.drain())).toBe(total), { timeoutMs: 20_000 });
    await add(1, 100);
    await drainUntil(101);
    // A relay position that skipped events (what readAll's text ORDER BY could do): 101–150 are
    // committed but the checkpoint is moved past them before the relay publishes them.
    const skippedTo = await add(101, 150);
    await dataSource.query(`UPDATE ${S}.relay_checkpoints SET transaction_id = $1::xid8, position = $2`, [skippedTo.transactionId, skippedTo.position]);
    await add(151, 200);
    await drainUntil(101 + 52); // private-101, 151–200, private-151
    await eventually(async () => expect((await effects()).length).toBe(150));
    expect((await effects()).some((row) => row.n > 100 && row.n <= 150)).toBe(false);

    // The NATS stream loses its store: its messages and the consumer's state are gone.
    await subscription.stop();
    await relayBus.deleteStreams();

    // The command: everything after position 0/0 (START), on a bus of its own.
    const commandBus = await connect();
    const result = await republishEvents({ store, bus: commandBus, map, from: parseGlobalPosition('0/0'), batchSize: 64 });
    expect(result).toMatchObject({ events: 203, published: 200 }); // 3 private events read, not published

    // The consumer comes back (a new durable of the same name): the 50 it missed are applied,
    // the 150 it had are dropped by its inbox.
    const again = await subscribe(await connect());
    await eventually(async () => expect(outcomes.applied + outcomes.duplicate).toBe(150 + 200), { timeoutMs: 20_000 });
    await again.stop();
    const rows = await effects();
    expect(rows.map((row) => row.n)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(rows.every((row) => row.times === 1)).toBe(true);
    expect(outcomes).toEqual({ applied: 200, duplicate: 150 });
    // The live relay's checkpoint is left alone.
    expect(await relay.checkpoint()).toEqual(result.position);
  });

  it('finds the position just before the first event recorded at or after an instant', async () => {
    const all = (await store.readAll(START, 10_000)).events;
    expect(await positionBeforeInstant(dataSource, S, new Date(all[0].recordedAt.getTime() - 1000))).toEqual({
      transactionId: all[0].globalPosition.transactionId,
      position: String(BigInt(all[0].globalPosition.position) - 1n),
    });
    expect(await positionBeforeInstant(dataSource, S, new Date(Date.now() + 60_000))).toBeNull();
    const middle = all[150];
    const from = await positionBeforeInstant(dataSource, S, middle.recordedAt);
    if (!from) throw new Error('no position before an instant at which events were recorded');
    // Every event recorded at or after the instant is after that position.
    const rest = (await store.readAll(from, 10_000)).events;
    expect(rest.length).toBeGreaterThan(0);
    for (const event of all.filter((e) => e.recordedAt >= middle.recordedAt)) expect(rest.map((e) => e.eventId)).toContain(event.eventId);
  });

  it('refuses a malformed position, naming it', () => {
    expect(() => parseGlobalPosition('10234')).toThrow('position "10234" is not <transaction id>/<position>');
    expect(() => parseGlobalPosition('a/1')).toThrow('is not <transaction id>/<position>');
  });
});
