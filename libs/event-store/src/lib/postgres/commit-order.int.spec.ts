import { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@reform/testing';
import { GlobalPosition, RecordedEvent, START, SYSTEM_ACTOR } from '../event-store.port';
import { runMigrations, serviceDataSourceOptions } from './data-source';
import { schemaMigration } from './migrations';
import { PostgresEventStore } from './postgres-event-store';
import { Projection } from '../projection';
import { rebuildReadModels } from '../rebuild/rebuild-read-models';
import { commitAt, COMMIT_ORDER_CROSSINGS, transactionCounterPast } from '../../testing/commit-order';

const S = 'commitorder';
const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'commit-order', causationId: null };

/**
 * Commit order is numeric: transaction ids are compared as numbers, never as text ("10000" sorts
 * before "9998" as text). The events below are given transaction ids that cross a power of ten,
 * as a server's counter does in its life; every reader must return all of them, once, in order.
 */
const CROSSINGS = COMMIT_ORDER_CROSSINGS;
const PAGE_SIZES = [1, 2, 1000];

/** Each event's payload names the transaction id it was given, so the order can be checked. */
const seen: Projection = {
  name: 'seen.v1',
  eventTypes: ['Committed'],
  tables: ['seen'],
  async apply(events: readonly RecordedEvent[], manager: EntityManager, schema = S) {
    for (const event of events) {
      await manager.query(`INSERT INTO "${schema}".seen (event_id, xid) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING`, [
        event.eventId,
        (event.data as { xid: string }).xid,
      ]);
    }
  },
};

describe('commit order across transaction ids that gain a digit', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('es_commit_order');
    const readModel = schemaMigration(
      S,
      1764000001000,
      'CreateSeen',
      [`CREATE TABLE ${S}.seen (event_id uuid PRIMARY KEY, xid bigint NOT NULL)`],
      [`DROP TABLE ${S}.seen`],
    );
    dataSource = new DataSource(serviceDataSourceOptions({ url: database.url, schema: S, migrations: [readModel], poolSize: 4 }));
    await runMigrations(dataSource);
    store = new PostgresEventStore(dataSource, S);
    await transactionCounterPast(dataSource, 100_100);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const commitAtIds = async (xids: readonly bigint[]): Promise<string[]> => {
    await dataSource.query(`TRUNCATE ${S}.events, ${S}.seen`);
    return commitAt(dataSource, store, S, xids, metadata);
  };

  async function readAllPaged(pageSize: number, from: GlobalPosition = START): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    let position = from;
    for (let pages = 0; pages < 100; pages++) {
      const page = await store.readAll(position, pageSize);
      out.push(...page.events);
      position = page.position;
      if (page.events.length < pageSize) return out;
    }
    throw new Error('readAll did not come to an end');
  }

  describe.each(CROSSINGS)('%s', (_, xids) => {
    it.each(PAGE_SIZES)('readAll in pages of %i returns every event once, in numeric commit order', async (pageSize) => {
      const expected = await commitAtIds(xids);
      const events = await readAllPaged(pageSize);
      expect(events.map((e) => e.eventId)).toEqual(expected);
      expect(events.map((e) => e.globalPosition.transactionId)).toEqual(xids.map(String));
    });

    it.each(PAGE_SIZES)('a reader resuming from each position in pages of %i sees exactly the events after it', async (pageSize) => {
      const expected = await commitAtIds(xids);
      const all = await readAllPaged(1000);
      for (const [index, event] of all.entries()) {
        const rest = await readAllPaged(pageSize, event.globalPosition);
        expect(rest.map((e) => e.eventId)).toEqual(expected.slice(index + 1));
      }
    });

    it.each(PAGE_SIZES)('a rebuild in pages of %i projects every event', async (pageSize) => {
      const expected = await commitAtIds(xids);
      const result = await rebuildReadModels({ dataSource, store, schema: S, projections: [seen], pageSize });
      expect(result.events).toBe(xids.length);
      const rows: Array<{ event_id: string; xid: string }> = await dataSource.query(`SELECT event_id, xid::text AS xid FROM ${S}.seen s ORDER BY s.xid`);
      expect(rows.map((r) => r.event_id)).toEqual(expected);
    });
  });
});
