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
    expect(await store.verifyStream('assignment-1')).toMatchObject({
      ok: false,
      firstBrokenVersion: 3,
      reason: expect.stringContaining('content was changed'),
    });
  });

  it('names the gap when an event was deleted', async () => {
    await fiveEvents('assignment-2');
    await dataSource.query(`DELETE FROM tamper.events WHERE stream_id = 'assignment-2' AND stream_version = 2`);
    expect(await store.verifyStream('assignment-2')).toMatchObject({ ok: false, firstBrokenVersion: 2 });
  });

  it('names a rewritten link even when the hash was recomputed for the changed event alone', async () => {
    await fiveEvents('assignment-3');
    const [row] = await dataSource.query(`SELECT previous_hash FROM tamper.events WHERE stream_id = 'assignment-3' AND stream_version = 4`);
    await dataSource.query(`UPDATE tamper.events SET previous_hash = $1 WHERE stream_id = 'assignment-3' AND stream_version = 4`, [
      row.previous_hash.replace(/^./, (c: string) => (c === 'a' ? 'b' : 'a')),
    ]);
    expect(await store.verifyStream('assignment-3')).toMatchObject({ ok: false, firstBrokenVersion: 4 });
  });

  it('lists stream heads for a digest', async () => {
    const heads = await store.streamHeads();
    expect(heads.find((h) => h.streamId === 'assignment-1')).toMatchObject({ version: 5 });
  });

  it('appendMany stores each event with its own data, in the batch order, and answers what was stored', async () => {
    // Data the driver would escape (quotes, backslashes, Vietnamese, nesting), several events a stream.
    const data = (s: number, e: number) => ({ note: `"Đã niêm yết" \\ ${s}.${e}`, nested: { list: [s, e, 'x"y'], empty: {} }, percent: s * 10 + e });
    const batch = [3, 1, 2].map((s) => ({
      streamId: `batch-${s}`,
      expectedVersion: 0,
      events: [0, 1, 2].map((e) => ({ type: 'ProgressReported', data: data(s, e) })),
    }));
    const recorded = await store.appendMany(batch, metadata);
    expect(recorded.map((r) => [r.streamId, r.streamVersion, r.data])).toEqual(batch.flatMap((b) => b.events.map((e, i) => [b.streamId, i + 1, e.data])));
    const positions = recorded.map((r) => BigInt(r.globalPosition.position));
    expect(positions).toEqual([...positions].sort((x, y) => (x < y ? -1 : 1)));
    for (const b of batch) {
      const stored = await store.readStream(b.streamId);
      expect(stored).toEqual(recorded.filter((r) => r.streamId === b.streamId));
      expect(await store.verifyStream(b.streamId)).toMatchObject({ ok: true, checkedEvents: 3 });
    }
  });

  it('append of several events to one stream (their data sent as one document) stores each as given, in order, chained', async () => {
    const data = (e: number) => ({ note: `"Đã niêm yết" \\ ${e}`, nested: { list: [e, 'x"y', null], empty: {} }, percent: e, big: 12345678901234 });
    const events = [0, 1, 2, 3].map((e) => ({ type: 'ProgressReported', data: data(e) }));
    const { events: recorded } = await store.append('several-1', 'no_stream', events, metadata);
    expect(recorded.map((r) => [r.streamVersion, r.data])).toEqual(events.map((e, i) => [i + 1, e.data]));
    expect(await store.readStream('several-1')).toEqual(recorded);
    expect(await store.verifyStream('several-1')).toMatchObject({ ok: true, checkedEvents: 4 });
  });
});

describe('PostgresEventStore single-stream append (append_to_stream, hashed against the head it last saw)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'c', causationId: null };
  const event = (n: number) => ({ type: 'ProgressReported', data: { percent: n } });

  beforeAll(async () => {
    database = await createTestDatabase('es_append_fn');
    dataSource = await createTestDataSource(database.url, { migrations: eventStoreMigrations('appendfn') });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('links to a head it never read (another process appended it), and the chain verifies', async () => {
    const first = new PostgresEventStore(dataSource, 'appendfn');
    const second = new PostgresEventStore(dataSource, 'appendfn'); // its own, empty, head cache
    await first.append('s-1', 'no_stream', [event(1), event(2)], metadata);
    const { nextExpectedVersion, events } = await second.append('s-1', 2, [event(3)], metadata);
    expect(nextExpectedVersion).toBe(3);
    const stored = await first.readStream('s-1');
    expect(events[0]).toEqual(stored[2]);
    expect(stored[2].previousHash).toBe(stored[1].hash);
    expect(await first.verifyStream('s-1')).toMatchObject({ ok: true, checkedEvents: 3 });
  });

  it('with "any", hashes again when the head it remembers moved, and the chain verifies', async () => {
    const first = new PostgresEventStore(dataSource, 'appendfn');
    const second = new PostgresEventStore(dataSource, 'appendfn');
    await first.append('s-2', 'no_stream', [event(1)], metadata); // first remembers version 1
    await second.append('s-2', 'any', [event(2)], metadata); // second had never seen s-2
    const { nextExpectedVersion } = await first.append('s-2', 'any', [event(3), event(4)], metadata);
    expect(nextExpectedVersion).toBe(4);
    expect((await first.readStream('s-2')).map((e) => (e.data as { percent: number }).percent)).toEqual([1, 2, 3, 4]);
    expect(await first.verifyStream('s-2')).toMatchObject({ ok: true, checkedEvents: 4 });
  });

  it('refuses a wrong expected version without writing, whatever head it remembers', async () => {
    const first = new PostgresEventStore(dataSource, 'appendfn');
    const second = new PostgresEventStore(dataSource, 'appendfn');
    await first.append('s-3', 'no_stream', [event(1)], metadata);
    await second.append('s-3', 1, [event(2)], metadata);
    await expect(first.append('s-3', 1, [event(3)], metadata)).rejects.toMatchObject({ name: 'WrongExpectedVersionError', actualVersion: 2 });
    await expect(first.append('s-3', 'no_stream', [event(3)], metadata)).rejects.toMatchObject({ name: 'WrongExpectedVersionError', actualVersion: 2 });
    expect(await first.readStream('s-3')).toHaveLength(2);
  });

  it('stores the metadata and instant, sent once, on every event of a batch', async () => {
    const store = new PostgresEventStore(dataSource, 'appendfn');
    const { events } = await store.append('s-4', 'no_stream', [event(1), event(2), event(3)], metadata);
    const rows: Array<{ metadata: unknown; recorded_at: Date }> = await dataSource.query(
      `SELECT metadata, recorded_at FROM appendfn.events WHERE stream_id = 's-4' ORDER BY stream_version`,
    );
    expect(rows.map((r) => r.metadata)).toEqual([metadata, metadata, metadata]);
    expect(rows.map((r) => r.recorded_at.getTime())).toEqual(events.map((e) => e.recordedAt.getTime()));
    expect(await store.verifyStream('s-4')).toMatchObject({ ok: true, checkedEvents: 3 });
  });
});
