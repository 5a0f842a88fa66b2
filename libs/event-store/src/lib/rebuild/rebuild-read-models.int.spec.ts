import { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase, eventually, tableSnapshot, TestDatabase } from '@reform/testing';
import { tallyDecider, TallyCommand } from '../../testing/tally.decider';
import { handleCommand } from '../command-handler';
import { RecordedEvent, SYSTEM_ACTOR } from '../event-store.port';
import { runMigrations, serviceDataSourceOptions } from '../postgres/data-source';
import { schemaMigration } from '../postgres/migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { project, Projection } from '../projection';
import { readModelVersions, readModelVersionWarnings } from './read-model-versions';
import { rebuildReadModels, RebuildProgress } from './rebuild-read-models';
import { RebuildRefusedError } from './shadow-tables';

const S = 'rb';
const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'rebuild-test', causationId: null };
const add = (by: number): TallyCommand => ({ type: 'AddToTally', data: { by } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A tally's total, the events counted into it and whether it is closed. Idempotent like the
 * services' projections: each row keeps the last stream version applied, and an event at or
 * below it changes nothing; `events` counts applications, so an event applied twice shows.
 */
const tallies: Projection = {
  name: 'tallies.v1',
  eventTypes: ['TallyIncreased', 'TallyClosed'],
  tables: ['tallies'],
  // The whole page in one statement: the events above each row's version, summed per tally.
  async apply(events: readonly RecordedEvent[], manager: EntityManager, schema = S) {
    await manager.query(
      `WITH page AS (
         SELECT * FROM unnest($1::text[], $2::int[], $3::bool[], $4::int[]) AS e(tally, by, closed, version)
       ), fresh AS (
         SELECT page.* FROM page LEFT JOIN "${schema}".tallies t USING (tally) WHERE page.version > coalesce(t.version, 0)
       )
       INSERT INTO "${schema}".tallies AS t (tally, total, events, closed, version)
       SELECT tally, sum(by), count(*), bool_or(closed), max(version) FROM fresh GROUP BY tally
       ON CONFLICT (tally) DO UPDATE SET total = t.total + EXCLUDED.total, events = t.events + EXCLUDED.events, closed = t.closed OR EXCLUDED.closed, version = EXCLUDED.version
       WHERE t.version < EXCLUDED.version`,
      [
        events.map((e) => e.streamId),
        events.map((e) => (e.type === 'TallyIncreased' ? (e.data as { by: number }).by : 0)),
        events.map((e) => e.type === 'TallyClosed'),
        events.map((e) => e.streamVersion),
      ],
    );
  },
};

describe('rebuildReadModels on PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('es_rebuild');
    const readModel = schemaMigration(
      S,
      1763800001000,
      'CreateTallies',
      [
        `CREATE TABLE rb.tallies (tally text PRIMARY KEY, total int NOT NULL CONSTRAINT tallies_total_not_negative CHECK (total >= 0), events int NOT NULL,
           closed boolean NOT NULL DEFAULT false, version int NOT NULL)`,
        `CREATE INDEX tallies_open_by_total ON rb.tallies (total) WHERE NOT closed`,
        // A column's own statistics target, which CREATE TABLE … LIKE does not copy.
        `ALTER TABLE rb.tallies ALTER COLUMN events SET STATISTICS 0`,
        // Not a projection's: a rebuild leaves it alone.
        `CREATE TABLE rb.notes (id int PRIMARY KEY, note text NOT NULL)`,
        `INSERT INTO rb.notes VALUES (1, 'kept')`,
      ],
      ['DROP TABLE rb.notes', 'DROP TABLE rb.tallies'],
    );
    dataSource = new DataSource(serviceDataSourceOptions({ url: database.url, schema: S, migrations: [readModel], poolSize: 12 }));
    await runMigrations(dataSource);
    store = new PostgresEventStore(dataSource, S);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const live = () => tableSnapshot(dataSource, S, ['tallies']);
  const command = (streamId: string, cmd: TallyCommand) =>
    handleCommand({ store, decider: tallyDecider, streamId, command: cmd, metadata, projections: [tallies] });
  const rebuild = (options: Partial<Parameters<typeof rebuildReadModels>[0]> = {}) =>
    rebuildReadModels({ dataSource, store, schema: S, projections: [tallies], pageSize: 50, ...options });
  const schemas = async () =>
    (await dataSource.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rb%' ORDER BY nspname`)).map((r: { nspname: string }) => r.nspname);
  const shape = async () =>
    dataSource.query(
      `SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'rb' AND c.relname LIKE 'tallies%' ORDER BY c.relname`,
    );

  /** What a replay of the whole store gives, folded here independently of any table. */
  async function replayed(): Promise<Array<{ tally: string; total: number; events: number; closed: boolean; version: number }>> {
    const rows = new Map<string, { tally: string; total: number; events: number; closed: boolean; version: number }>();
    const events: Array<{ stream_id: string; stream_version: number; event_type: string; data: { by?: number } }> = await dataSource.query(
      `SELECT stream_id, stream_version, event_type, data FROM rb.events ORDER BY stream_id, stream_version`,
    );
    for (const event of events) {
      const row = rows.get(event.stream_id) ?? { tally: event.stream_id, total: 0, events: 0, closed: false, version: 0 };
      row.total += event.event_type === 'TallyIncreased' ? (event.data.by ?? 0) : 0;
      row.events += 1;
      row.closed ||= event.event_type === 'TallyClosed';
      row.version = event.stream_version;
      rows.set(event.stream_id, row);
    }
    return [...rows.values()]; // in the table's order: by tally, as PostgreSQL sorts text
  }

  it('replays the store from position 0 into copies, swaps them in and records the version: the rebuilt table equals the live one', async () => {
    // 40 tallies, 6 events each in one transaction per tally, then 10 of them closed by command.
    for (let n = 0; n < 40; n++) {
      await store.transaction(async ({ store: tx, manager }) => {
        const events = await tx.appendMany(
          [{ streamId: `tally-${n}`, expectedVersion: 0, events: [1, 2, 3, 4, 5, 6].map((by) => ({ type: 'TallyIncreased', data: { by: by + n } })) }],
          metadata,
        );
        await project([tallies], events, manager);
      });
    }
    for (let n = 0; n < 10; n++) await command(`tally-${n}`, { type: 'CloseTally', data: {} });
    const before = await live();
    const shapeBefore = await shape();
    expect(before.tallies).toHaveLength(40);

    const progress: RebuildProgress[] = [];
    const result = await rebuild({ onProgress: (p) => void progress.push(p) });

    expect(await live()).toEqual(before);
    expect(result).toMatchObject({
      schema: S,
      events: 250,
      swapAttempts: 1,
      previousDropped: true,
      tables: [{ table: 'tallies', rowsBefore: 40, rowsAfter: 40 }],
    });
    expect(result.projections).toEqual([{ name: 'tallies.v1', tables: ['tallies'], events: 250 }]);
    // A line per page of at most 50, then the swap; done grows to the total. (Usually five pages in
    // one pass; a transaction open elsewhere on the server holds readAll back, cluster-wide, and
    // then a catch-up pass or the swap reads the rest.)
    expect(progress[0]).toMatchObject({ phase: 'replay', pass: 1 });
    expect(progress.slice(0, -1).every((p) => (p.phase === 'replay') === (p.pass === 1))).toBe(true);
    expect(progress[progress.length - 1]).toMatchObject({ phase: 'swap', done: 250, total: 250, position: result.position });
    const dones = progress.map((p) => p.done);
    dones.slice(1, -1).forEach((done, i) => expect(done - dones[i]).toBeLessThanOrEqual(50));
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(progress.slice(0, -1).every((p) => p.phase !== 'swap' && p.total === 250)).toBe(true);
    expect(progress.every((p) => p.eventsPerSecond > 0 === p.done > 0)).toBe(true);

    // The same indexes and constraints under the same names, nothing left beside the schema.
    expect(await shape()).toEqual(shapeBefore);
    expect(
      await dataSource.query(
        `SELECT attname, COALESCE(attstattarget, -1)::int AS target FROM pg_attribute WHERE attrelid = 'rb.tallies'::regclass AND attname IN ('events', 'total') ORDER BY attname`,
      ),
    ).toEqual([
      { attname: 'events', target: 0 },
      { attname: 'total', target: -1 },
    ]);
    expect(await dataSource.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'rb.tallies'::regclass ORDER BY conname`)).toEqual([
      { conname: 'tallies_pkey' },
      { conname: 'tallies_total_not_negative' },
    ]);
    expect(await schemas()).toEqual(['rb']);
    expect(await dataSource.query(`SELECT * FROM rb.notes`)).toEqual([{ id: 1, note: 'kept' }]);
    const [version] = await readModelVersions(dataSource, S);
    expect(version).toMatchObject({ readModel: 'tallies', projection: 'tallies.v1', tables: ['tallies'], events: 250, position: result.position });
    expect(await readModelVersionWarnings(dataSource, S, [tallies])).toEqual([]);
    expect(await readModelVersionWarnings(dataSource, S, [{ ...tallies, name: 'tallies.v2' }], 'tally')).toEqual([
      `read model tallies (rb.tallies) was built by projection tallies.v1 (rebuilt ${version.rebuiltAt.toISOString()}), but this code projects tallies.v2: rebuild it with "npm run rebuild -- tally"`,
    ]);
    // Inline projection carries on in the new table.
    await command('tally-39', add(100));
    expect((await live()).tallies.find((row) => (row as { tally: string }).tally === 'tally-39')).toMatchObject({
      total: 6 * 39 + 21 + 100,
      events: 7,
      version: 7,
    });
  });

  it('repairs a live table that drifted from the events (a projection bug, a hand edit)', async () => {
    await dataSource.query(`UPDATE rb.tallies SET total = total + 1000 WHERE tally = 'tally-1'`);
    await dataSource.query(`DELETE FROM rb.tallies WHERE tally = 'tally-2'`);
    await rebuild();
    expect((await live()).tallies).toEqual(await replayed());
  });

  it('the live table serves reads and inline writes while the copy is filled', async () => {
    const before = await live();
    const seen: Array<{ live: number; copy: number; total: number }> = [];
    await rebuild({
      pageSize: 100,
      async onProgress(p) {
        if (p.phase !== 'replay' || seen.length > 0) return;
        // After the first page: the live table still answers in full, the copy holds a part.
        expect(await live()).toEqual(before);
        await command('tally-25', add(7));
        const [row] = await dataSource.query(`SELECT total, version FROM rb.tallies WHERE tally = 'tally-25'`);
        const [copy] = await dataSource.query(`SELECT count(*)::int AS n FROM rb__rebuild.tallies`);
        seen.push({ live: (before.tallies as unknown[]).length, copy: copy.n, total: row.total });
      },
    });
    const tally25 = (before.tallies as Array<{ tally: string; total: number; version: number }>).find((row) => row.tally === 'tally-25');
    expect(seen).toEqual([{ live: 40, copy: expect.any(Number), total: (tally25?.total ?? 0) + 7 }]);
    expect(seen[0].copy).toBeLessThan(40);
    // The append made during the replay is in the rebuilt table, once.
    expect((await live()).tallies.find((row) => (row as { tally: string }).tally === 'tally-25')).toMatchObject({
      total: (tally25?.total ?? 0) + 7,
      version: (tally25?.version ?? 0) + 1,
      events: (tally25?.version ?? 0) + 1,
    });
    expect((await live()).tallies).toEqual(await replayed());
  });

  it('an append whose inline projection waits on the swap lock writes into the new table, exactly once', async () => {
    let waiting: Promise<unknown> | undefined;
    const oidBefore = (await dataSource.query(`SELECT 'rb.tallies'::regclass::oid AS oid`))[0].oid;
    const result = await rebuild({
      async onProgress(p) {
        if (p.phase !== 'swap') return;
        // The live table is locked: this command appends, then its projection waits.
        waiting = command('tally-17', add(3));
        await eventually(async () => {
          const [row] = await dataSource.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%rb%tallies%'`,
          );
          expect(row.n).toBe(1);
        });
      },
    });
    expect(result.swapAttempts).toBe(1);
    await waiting;
    const oidAfter = (await dataSource.query(`SELECT 'rb.tallies'::regclass::oid AS oid`))[0].oid;
    expect(oidAfter).not.toBe(oidBefore);
    const tally17 = (await replayed()).find((row) => row.tally === 'tally-17');
    expect((await live()).tallies.find((row) => (row as { tally: string }).tally === 'tally-17')).toEqual(tally17);
    expect((await live()).tallies).toEqual(await replayed());
    expect(await schemas()).toEqual(['rb']);
  });

  it('appends running throughout a rebuild, some holding their transaction open, land exactly once and equal a replay', async () => {
    // 2,000 more events, so that the replay takes a while.
    await store.transaction(async ({ store: tx, manager }) => {
      const events = await tx.appendMany(
        Array.from({ length: 100 }, (_, n) => ({
          streamId: `bulk-${n}`,
          expectedVersion: 0 as const,
          events: Array.from({ length: 20 }, () => ({ type: 'TallyIncreased', data: { by: 1 } })),
        })),
        metadata,
      );
      await project([tallies], events, manager);
    });
    let writing = true;
    let appended = 0;
    const writer = async (w: number) => {
      for (let i = 0; writing; i++) {
        const streamId = `tally-${(w * 7 + i * 3) % 45}`; // tallies 40–44 are created meanwhile
        try {
          if (i % 3 === 0) {
            // Held open 0–20 ms after its projection ran: the swap's lock must wait for it.
            await store.transaction(async ({ store: tx, manager }) => {
              const head = (await tx.readStream(streamId)).length;
              const { events } = await tx.append(streamId, head, [{ type: 'TallyIncreased', data: { by: 1 + (i % 5) } }], metadata);
              await project([tallies], events, manager);
              await sleep((w * 5 + i) % 21);
            });
          } else {
            await command(streamId, add(1 + (i % 4)));
          }
          appended += 1;
        } catch (error) {
          // Two writers on one stream: the loser's append conflicts and the winner's event stands;
          // tallies 0–9 are closed, so the decider refuses to add to them.
          const { name, code } = error as { name?: string; code?: string };
          if (name !== 'WrongExpectedVersionError' && name !== 'StaleTransactionError' && code !== 'TALLY.CLOSED') throw error;
        }
        await sleep(2 + ((w + i) % 8));
      }
    };
    const writers = [0, 1, 2, 3].map((w) => writer(w));
    const appendedBefore = appended;
    let firstPage = true;
    const result = await rebuild({
      pageSize: 20,
      swapThreshold: 5,
      async onProgress() {
        // Writers behind the replay from its first page on.
        if (firstPage) await eventually(async () => expect(appended).toBeGreaterThanOrEqual(appendedBefore + 10));
        firstPage = false;
      },
    });
    const appendedDuring = appended - appendedBefore;
    await sleep(200);
    writing = false;
    await Promise.all(writers);

    expect(appendedDuring).toBeGreaterThanOrEqual(10);
    expect(result.events).toBeGreaterThan(2000);
    // Every event applied once (events = version), every total the sum of its events.
    expect((await live()).tallies).toEqual(await replayed());
    // And a second rebuild, with nothing running, gives the same table.
    const settled = await live();
    await rebuild();
    expect(await live()).toEqual(settled);
  });

  it('retries the swap when the lock is not granted in time (a long reader)', async () => {
    const lockWaits = async () =>
      Number(
        (
          await dataSource.query(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'LOCK TABLE%'`,
          )
        )[0].n,
      );
    const reader = dataSource.createQueryRunner();
    await reader.connect();
    await reader.startTransaction();
    await reader.query(`SELECT count(*) FROM rb.tallies`);
    // The reader ends once the swap has waited for it in vain (lock timeout) at least once.
    const released = (async () => {
      await eventually(async () => expect(await lockWaits()).toBe(1), { timeoutMs: 30_000, intervalMs: 20 });
      await eventually(async () => expect(await lockWaits()).toBe(0), { intervalMs: 20 });
      await reader.commitTransaction();
      await reader.release();
    })();
    const before = await live();
    const result = await rebuild({ lockTimeoutMs: 300 });
    await released;
    expect(result.swapAttempts).toBeGreaterThan(1);
    expect(await live()).toEqual(before);
  });

  it('runs one rebuild per schema at a time', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const hasStarted = new Promise<void>((resolve) => (started = resolve));
    const first = rebuild({
      async onProgress(p) {
        if (p.done <= 50) {
          started();
          await held;
        }
      },
    });
    await hasStarted;
    await expect(rebuild()).rejects.toThrow(new RebuildRefusedError('cannot rebuild: another rebuild of schema rb is running'));
    release();
    await first;
  });

  it('refuses tables that a copy would not reproduce, and changes nothing', async () => {
    await dataSource.query(`CREATE TABLE rb.numbered (seq bigserial PRIMARY KEY, note text)`);
    await dataSource.query(`CREATE TABLE rb.child (tally text REFERENCES rb.tallies (tally))`);
    const numbered: Projection = { ...tallies, name: 'numbered.v1', tables: ['numbered'] };
    await expect(rebuild({ projections: [tallies, numbered] })).rejects.toThrow(
      'cannot rebuild: rb.tallies has the foreign key child_tally_fkey, which a copied table would not keep; rb.numbered.seq takes its values from a sequence, which a copied table would not own',
    );
    await expect(rebuild({ projections: [{ ...tallies, name: 'unversioned' }] })).rejects.toThrow('is not versioned');
    await expect(rebuild({ projections: [{ ...tallies, tables: ['missing'] }] })).rejects.toThrow('rb.missing does not exist');
    expect(await schemas()).toEqual(['rb']);
    await dataSource.query(`DROP TABLE rb.child, rb.numbered`);
  });
});
