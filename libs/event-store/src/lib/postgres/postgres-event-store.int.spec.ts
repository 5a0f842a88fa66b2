import { DataSource } from 'typeorm';
import { createTestDatabase, createTestDataSource, TestDatabase } from '@reform/testing';
import { describeEventStoreContract } from '../../testing/event-store.contract';
import { eventStoreMigrations } from './migrations';
import { PostgresEventStore } from './postgres-event-store';
import { SYSTEM_ACTOR } from '../event-store.port';

describeEventStoreContract('PostgreSQL', async () => {
  const database = await createTestDatabase('es_contract');
  const dataSource = await createTestDataSource(database.url, { migrations: eventStoreMigrations('contract') });
  return {
    store: new PostgresEventStore(dataSource, 'contract'),
    async close() {
      await dataSource.destroy();
      await database.drop();
    },
  };
});

describe('PostgresEventStore tamper detection', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'c', causationId: null };

  beforeAll(async () => {
    database = await createTestDatabase('es_tamper');
    dataSource = await createTestDataSource(database.url, { migrations: eventStoreMigrations('tamper') });
    store = new PostgresEventStore(dataSource, 'tamper');
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  async function fiveEvents(stream: string) {
    for (let v = 0; v < 5; v++) await store.append(stream, v, [{ type: 'ProgressReported', data: { percent: (v + 1) * 20 } }], metadata);
  }

  it('names the event whose data was changed in the table', async () => {
    await fiveEvents('assignment-1');
    await dataSource.query(`UPDATE tamper.events SET data = '{"percent": 100}' WHERE stream_id = 'assignment-1' AND stream_version = 3`);
    expect(await store.verifyStream('assignment-1')).toMatchObject({ ok: false, firstBrokenVersion: 3, reason: expect.stringContaining('content was changed') });
  });

  it('names the gap when an event was deleted', async () => {
    await fiveEvents('assignment-2');
    await dataSource.query(`DELETE FROM tamper.events WHERE stream_id = 'assignment-2' AND stream_version = 2`);
    expect(await store.verifyStream('assignment-2')).toMatchObject({ ok: false, firstBrokenVersion: 2 });
  });

  it('names a rewritten link even when the hash was recomputed for the changed event alone', async () => {
    await fiveEvents('assignment-3');
    const [row] = await dataSource.query(`SELECT previous_hash FROM tamper.events WHERE stream_id = 'assignment-3' AND stream_version = 4`);
    await dataSource.query(`UPDATE tamper.events SET previous_hash = $1 WHERE stream_id = 'assignment-3' AND stream_version = 4`, [row.previous_hash.replace(/^./, (c: string) => (c === 'a' ? 'b' : 'a'))]);
    expect(await store.verifyStream('assignment-3')).toMatchObject({ ok: false, firstBrokenVersion: 4 });
  });

  it('lists stream heads for a digest', async () => {
    const heads = await store.streamHeads();
    expect(heads.find((h) => h.streamId === 'assignment-1')).toMatchObject({ version: 5 });
  });
});
