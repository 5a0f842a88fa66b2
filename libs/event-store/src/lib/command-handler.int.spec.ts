import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@reform/decider';
import { createTestDatabase, eventually, TestDatabase } from '@reform/testing';
import { tallyDecider, TallyCommand } from '../testing/tally.decider';
import { handleCommand } from './command-handler';
import { IdempotencyKeyReusedError, InvalidIdempotencyKeyError, withIdempotencyKey } from './idempotency';
import { SYSTEM_ACTOR, WrongExpectedVersionError, StaleTransactionError, RecordedEvent } from './event-store.port';
import { runMigrations, serviceDataSourceOptions } from './postgres/data-source';
import { schemaMigration } from './postgres/migrations';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { Projection } from './projection';

const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'cmd', causationId: null };
const add = (by: number): TallyCommand => ({ type: 'AddToTally', data: { by } });

/** A read model kept inline: each tally's total. */
const totals: Projection = {
  name: 'tally_totals.v1',
  eventTypes: ['TallyIncreased'],
  tables: ['tally_totals'],
  async apply(events: readonly RecordedEvent[], manager: EntityManager) {
    for (const event of events) {
      const { by } = event.data as { by: number };
      if (by === 13) throw new Error('projection refuses 13');
      await manager.query(
        `INSERT INTO cmd.tally_totals (tally, total) VALUES ($1, $2) ON CONFLICT (tally) DO UPDATE SET total = cmd.tally_totals.total + EXCLUDED.total`,
        [event.streamId, by],
      );
    }
  },
};

describe('handleCommand on PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('es_command');
    const readModel = schemaMigration(
      'cmd',
      1763800001000,
      'CreateTallyTotals',
      ['CREATE TABLE cmd.tally_totals (tally text PRIMARY KEY, total int NOT NULL)', 'CREATE TABLE cmd.notes (note text)'],
      ['DROP TABLE cmd.notes', 'DROP TABLE cmd.tally_totals'],
    );
    dataSource = new DataSource(serviceDataSourceOptions({ url: database.url, schema: 'cmd', migrations: [readModel] }));
    expect(await runMigrations(dataSource)).toEqual([
      'CreateEventStore_cmd1763800000000',
      'CreateTallyTotals_cmd1763800001000',
      'CreateAppendToStream_cmd1764600000000',
      'CreateIdempotencyKeys_cmd1764900000000',
    ]);
    expect(await runMigrations(dataSource)).toEqual([]);
    store = new PostgresEventStore(dataSource, 'cmd');
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const total = async (tally: string) => (await dataSource.query('SELECT total FROM cmd.tally_totals WHERE tally = $1', [tally]))[0]?.total ?? null;

  /** Another writer appends `by` to the stream and keeps its transaction open until released. */
  async function holdConcurrentAppend(streamId: string, expectedVersion: number, by: number) {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let appended!: () => void;
    const hasAppended = new Promise<void>((resolve) => (appended = resolve));
    const done = store.transaction(async ({ store: tx, manager }) => {
      const { events } = await tx.append(streamId, expectedVersion, [{ type: 'TallyIncreased', data: { by } }], metadata);
      await totals.apply(events, manager);
      appended();
      await released;
    });
    await hasAppended;
    return {
      /** Waits until an append of this database blocks on the held row (unique key), then commits. */
      async commitOnceBlocked() {
        await eventually(async () => {
          const [row] = await dataSource.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'SELECT * FROM "cmd".append_to_stream(%'`,
          );
          expect(row.n).toBe(1);
        });
        release();
        await done;
      },
    };
  }

  it('loads, decides, appends and projects in one transaction', async () => {
    const first = await handleCommand({ store, decider: tallyDecider, streamId: 'tally-1', command: add(2), metadata, projections: [totals] });
    expect(first).toMatchObject({ state: { total: 2, closed: false }, version: 1, attempts: 1 });
    expect(first.events.map((e) => [e.type, e.streamVersion, e.data])).toEqual([['TallyIncreased', 1, { by: 2 }]]);
    const second = await handleCommand({ store, decider: tallyDecider, streamId: 'tally-1', command: add(5), metadata, projections: [totals] });
    expect(second).toMatchObject({ state: { total: 7 }, version: 2 });
    expect(await total('tally-1')).toBe(7);
    const closed = await handleCommand({
      store,
      decider: tallyDecider,
      streamId: 'tally-1',
      command: { type: 'CloseTally', data: {} },
      metadata,
      projections: [totals],
    });
    expect(closed).toMatchObject({ state: { total: 7, closed: true }, version: 3 });
    expect(closed.events[0].metadata).toEqual(metadata);
  });

  it('appends nothing when the decider decides nothing', async () => {
    const result = await handleCommand({ store, decider: tallyDecider, streamId: 'tally-empty', command: { type: 'CloseTally', data: {} }, metadata });
    expect(result).toEqual({ state: tallyDecider.initialState, events: [], version: 0, attempts: 1, streamId: 'tally-empty', replayed: false });
    expect(await store.readStream('tally-empty')).toEqual([]);
  });

  it('lets a DomainError through unchanged and appends nothing', async () => {
    const error = await handleCommand({ store, decider: tallyDecider, streamId: 'tally-2', command: add(-1), metadata }).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'TALLY.STEP_NOT_POSITIVE', field: 'by' });
    expect(await store.readStream('tally-2')).toEqual([]);
  });

  it('rolls back the append when a projection fails', async () => {
    await expect(handleCommand({ store, decider: tallyDecider, streamId: 'tally-3', command: add(13), metadata, projections: [totals] })).rejects.toThrow(
      'projection refuses 13',
    );
    expect(await store.readStream('tally-3')).toEqual([]);
    expect(await total('tally-3')).toBeNull();
  });

  it('re-reads and decides again when another writer commits first', async () => {
    await handleCommand({ store, decider: tallyDecider, streamId: 'tally-4', command: add(1), metadata, projections: [totals] });
    const other = await holdConcurrentAppend('tally-4', 1, 10);
    // Reads version 1 (the other write is uncommitted), appends version 2, blocks on it, loses.
    const handling = handleCommand({ store, decider: tallyDecider, streamId: 'tally-4', command: add(100), metadata, projections: [totals] });
    await other.commitOnceBlocked();
    const result = await handling;
    expect(result).toMatchObject({ attempts: 2, version: 3, state: { total: 111 } });
    expect((await store.readStream('tally-4')).map((e) => (e.data as { by: number }).by)).toEqual([1, 10, 100]);
    expect(await total('tally-4')).toBe(111);
  });

  it('gives up with the conflict error after maxRetries', async () => {
    await handleCommand({ store, decider: tallyDecider, streamId: 'tally-5', command: add(1), metadata });
    const other = await holdConcurrentAppend('tally-5', 1, 10);
    const handling = handleCommand({ store, decider: tallyDecider, streamId: 'tally-5', command: add(100), metadata, maxRetries: 0 }).catch((e) => e);
    await other.commitOnceBlocked();
    const error = await handling;
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ streamId: 'tally-5', expectedVersion: 1, actualVersion: 2 });
    expect((await store.readStream('tally-5')).map((e) => (e.data as { by: number }).by)).toEqual([1, 10]);
  });

  it("retries inside the caller's transaction through a savepoint, keeping the caller's own writes", async () => {
    await handleCommand({ store, decider: tallyDecider, streamId: 'tally-6', command: add(1), metadata });
    const other = await holdConcurrentAppend('tally-6', 1, 10);
    const handling = dataSource.transaction(async (manager) => {
      const result = await handleCommand({ store: store.withManager(manager), decider: tallyDecider, streamId: 'tally-6', command: add(100), metadata });
      await manager.query(`INSERT INTO cmd.notes VALUES ('after tally-6')`);
      return result;
    });
    await other.commitOnceBlocked();
    expect(await handling).toMatchObject({ attempts: 2, version: 3 });
    expect(await dataSource.query(`SELECT note FROM cmd.notes WHERE note = 'after tally-6'`)).toHaveLength(1);
  });

  it("refuses without retrying when the caller's transaction is older than the stream's last event", async () => {
    await handleCommand({ store, decider: tallyDecider, streamId: 'tally-7', command: add(1), metadata });
    const error = await dataSource
      .transaction(async (manager) => {
        // The caller writes first (an inbox row, say): its transaction id is now older than the
        // concurrent append below, so appending after it would break readAll's order.
        await manager.query(`INSERT INTO cmd.notes VALUES ('before tally-7')`);
        await store.append('tally-7', 1, [{ type: 'TallyIncreased', data: { by: 10 } }], metadata);
        return handleCommand({ store: store.withManager(manager), decider: tallyDecider, streamId: 'tally-7', command: add(100), metadata });
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(StaleTransactionError);
    expect(error).toMatchObject({ streamId: 'tally-7', expectedVersion: 2, actualVersion: 2 });
    expect(await dataSource.query(`SELECT note FROM cmd.notes WHERE note = 'before tally-7'`)).toHaveLength(0);
    // A new transaction is younger than every committed event: the same command now succeeds.
    expect(await handleCommand({ store, decider: tallyDecider, streamId: 'tally-7', command: add(100), metadata })).toMatchObject({
      version: 3,
      state: { total: 111 },
    });
  });

  describe('idempotency keys', () => {
    const keyed = <T>(key: string, fingerprint: string, work: () => Promise<T>, scope = 'acc-1') => withIdempotencyKey({ scope, key, fingerprint }, work);
    const events = async (streamId: string) => (await store.readStream(streamId)).length;

    it('the same key and request returns the first result without a second event', async () => {
      const first = await keyed('k1', 'add-2', () => handleCommand({ store, decider: tallyDecider, streamId: 'tally-idem-1', command: add(2), metadata }));
      const second = await keyed('k1', 'add-2', () => handleCommand({ store, decider: tallyDecider, streamId: 'tally-idem-1', command: add(2), metadata }));
      expect(first.replayed).toBe(false);
      expect(second).toMatchObject({ replayed: true, version: first.version, state: first.state, streamId: 'tally-idem-1' });
      expect(second.events.map((event) => event.eventId)).toEqual(first.events.map((event) => event.eventId));
      expect(await events('tally-idem-1')).toBe(1);
      // Without a key, the same command is a new command.
      await handleCommand({ store, decider: tallyDecider, streamId: 'tally-idem-1', command: add(2), metadata });
      expect(await events('tally-idem-1')).toBe(2);
      // The replay still answers the first result, not the stream as it stands.
      expect(
        (await keyed('k1', 'add-2', () => handleCommand({ store, decider: tallyDecider, streamId: 'tally-idem-1', command: add(2), metadata }))).version,
      ).toBe(first.version);
    });

    it('the same key with another request is refused (CONFLICT) and records nothing', async () => {
      await keyed('k2', 'add-1', () => handleCommand({ store, decider: tallyDecider, streamId: 'tally-idem-2', command: add(1), metadata }));
      const refused = keyed('k2', 'add-5', () => handleCommand({ store, decider: tallyDecider, streamId: 'tally-idem-2', command: add(5), metadata }));
      await expect(refused).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      await expect(refused).rejects.toMatchObject({ kind: 'CONFLICT', field: 'Idempotency-Key' });
      expect(await events('tally-idem-2')).toBe(1);
    });

    it("keys are per scope: another account's same key is its own", async () => {
      await keyed('k3', 'add-1', () => handleCommand({ store, decider: tallyDecider, streamId: 'tally-idem-3', command: add(1), metadata }), 'acc-1');
      await keyed('k3', 'add-1', () => handleCommand({ store, decider: tallyDecider, streamId: 'tally-idem-3', command: add(1), metadata }), 'acc-2');
      expect(await events('tally-idem-3')).toBe(2);
    });

    it('the same key sent 5 times at once records one event; every answer is the first result', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          keyed('k4', 'add-3', () => handleCommand({ store, decider: tallyDecider, streamId: 'tally-idem-4', command: add(3), metadata })),
        ),
      );
      expect(await events('tally-idem-4')).toBe(1);
      expect(new Set(results.map((result) => result.version))).toEqual(new Set([1]));
      expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    });

    it('a failed command records no key: the retry runs it', async () => {
      await expect(
        keyed('k5', 'add-13', () =>
          handleCommand({ store, decider: tallyDecider, streamId: 'tally-idem-5', command: add(13), metadata, projections: [totals] }),
        ),
      ).rejects.toThrow('projection refuses 13');
      expect(await dataSource.query(`SELECT 1 FROM cmd.idempotency_keys WHERE key = 'k5'`)).toEqual([]);
    });

    it('several commands of one request are told apart by their step', async () => {
      const twice = () =>
        keyed('k6', 'two', async () => [
          await handleCommand({ store, decider: tallyDecider, streamId: 'tally-idem-6a', command: add(1), metadata }),
          await handleCommand({ store, decider: tallyDecider, streamId: 'tally-idem-6b', command: add(1), metadata }),
        ]);
      const [a, b] = await twice();
      const [a2, b2] = await twice();
      expect([a2.replayed, b2.replayed, a2.streamId, b2.streamId]).toEqual([true, true, a.streamId, b.streamId]);
      expect([await events('tally-idem-6a'), await events('tally-idem-6b')]).toEqual([1, 1]);
      expect(b2.version).toBe(b.version);
    });

    it('refuses a malformed key, naming the header', () => {
      expect(() => withIdempotencyKey({ scope: 'acc-1', key: 'has space', fingerprint: 'x' }, () => 1)).toThrow(InvalidIdempotencyKeyError);
      expect(() => withIdempotencyKey({ scope: 'acc-1', key: 'x'.repeat(201), fingerprint: 'x' }, () => 1)).toThrow(/Idempotency-Key/);
    });
  });
});
