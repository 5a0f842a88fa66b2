import { DataSource } from 'typeorm';
import { commitAt, COMMIT_ORDER_CROSSINGS, eventStoreMigrations, PostgresEventStore, SYSTEM_ACTOR, transactionCounterPast } from '@reform/event-store';
import { createTestDatabase, createTestDataSource, eventually, testNatsUrl, TestDatabase, uniqueName } from '@reform/testing';
import { MessageBus } from './bus.port';
import { InProcessBus } from './in-process-bus';
import { JetStreamBus } from './jetstream-bus';
import { messagingMigrations } from './migrations';
import { OutboxRelay, toIntegrationMessage } from './outbox-relay';

const S = 'relayorder';
const contract = { name: 'relayorder.Committed', version: 1, subject: 'relayorder.item.Committed' };
const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'relay-order', causationId: null };

/** Transaction ids that gain a digit, as a server's counter does in its life (see commit-order.int.spec.ts in the event store). */
const CROSSINGS = COMMIT_ORDER_CROSSINGS;
const PAGE_SIZES = [1, 2, 1000];

/**
 * The relay reads the store in commit order from its checkpoint, page by page (batchSize). Over
 * transaction ids that gain a digit it must publish every event once, in numeric commit order,
 * through a real bus: the in-process bus (the embedded mode's adapter) and JetStream.
 */
describe('OutboxRelay publishes every event once, in commit order, across transaction ids that gain a digit', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('relay_order');
    dataSource = await createTestDataSource(database.url, { migrations: [...eventStoreMigrations(S), ...messagingMigrations(S)] });
    store = new PostgresEventStore(dataSource, S);
    await transactionCounterPast(dataSource, 100_100);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const commitAtIds = async (xids: readonly bigint[]): Promise<string[]> => {
    await dataSource.query(`TRUNCATE ${S}.events, ${S}.relay_checkpoints`);
    return commitAt(dataSource, store, S, xids, metadata);
  };

  const buses: Array<[string, () => Promise<{ bus: MessageBus; close: () => Promise<void> }>]> = [
    [
      'in-process bus',
      async () => {
        const bus = new InProcessBus();
        return { bus, close: () => bus.close() };
      },
    ],
    [
      'JetStream',
      async () => {
        const bus = await JetStreamBus.connect({ servers: testNatsUrl(), prefix: uniqueName('relayorder') });
        return {
          bus,
          close: async () => {
            await bus.deleteStreams().catch(() => undefined);
            await bus.close();
          },
        };
      },
    ],
  ];

  describe.each(buses)('through the %s', (_, connect) => {
    describe.each(CROSSINGS)('%s', (__, xids) => {
      it.each(PAGE_SIZES)('in pages (batchSize) of %i', async (batchSize) => {
        const expected = await commitAtIds(xids);
        const { bus, close } = await connect();
        try {
          const received: string[] = [];
          const subscription = await bus.subscribe({ consumer: `relayorder-${batchSize}`, subjects: ['relayorder.>'] }, async (message) => {
            received.push((message.data as { eventId: string }).eventId);
          });
          const relay = new OutboxRelay({
            name: 'relayorder',
            store,
            dataSource,
            schema: S,
            bus,
            batchSize,
            map: (event) => toIntegrationMessage(event, contract, { eventId: event.eventId }),
          });
          expect(await relay.drain()).toBe(xids.length);
          await eventually(() => expect(received).toHaveLength(xids.length));
          expect(received).toEqual(expected);
          expect(await relay.checkpoint()).toEqual({ transactionId: String(xids[xids.length - 1]), position: expect.any(String) });
          // Nothing more: a second drain from the checkpoint publishes nothing.
          expect(await relay.drain()).toBe(0);
          await subscription.stop();
        } finally {
          await close();
        }
      });
    });
  });
});
