import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { createTestDatabase, createTestDataSource, TestDatabase } from '@reform/testing';
import { GlobalPosition, RecordedEvent, START, SYSTEM_ACTOR, WrongExpectedVersionError } from '../event-store.port';
import { eventStoreMigrations } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

const S = 'model';
const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: 'model', causationId: null };
const STREAMS = ['a', 'b', 'c', 'd'];
const DEADLOCK_DETECTED = '40P01';

/** One writer's transaction: when it starts, whether it takes its transaction id first, what it appends and how long it stays open. */
interface Writer {
  readonly startAfterMs: number;
  /** Takes its transaction id at once, then waits: an old id that commits late, what readAll's xmin cut exists for. */
  readonly xidFirst: boolean;
  readonly holdBeforeMs: number;
  readonly holdAfterMs: number;
  /** One stream or several; one event or several per stream. */
  readonly appends: ReadonlyArray<{ readonly stream: string; readonly events: number }>;
  /** Several streams in one appendMany, or one append call per stream. */
  readonly asOneBatch: boolean;
}

const writerArbitrary: fc.Arbitrary<Writer> = fc.record({
  startAfterMs: fc.integer({ min: 0, max: 30 }),
  xidFirst: fc.boolean(),
  holdBeforeMs: fc.integer({ min: 0, max: 25 }),
  holdAfterMs: fc.integer({ min: 0, max: 40 }),
  appends: fc.uniqueArray(fc.record({ stream: fc.constantFrom(...STREAMS), events: fc.integer({ min: 1, max: 3 }) }), {
    minLength: 1,
    maxLength: 3,
    selector: (a) => a.stream,
  }),
  asOneBatch: fc.boolean(),
});

/** A committed transaction, as its writer saw it after COMMIT: its xid8 and its events in order. */
interface Committed {
  readonly transactionId: bigint;
  readonly events: readonly RecordedEvent[];
}

/**
 * Model-based: concurrent writers with random transaction lengths commit while a reader pages
 * through readAll with random page sizes. The model is the commit log the writers keep: every
 * committed transaction with its xid8 (read back after its commit). The reader must see exactly
 * the logged events — nothing skipped, nothing twice — in commit order (transaction id, then
 * position inside it), with each stream's versions in order.
 */
describe('readAll against a commit log (fast-check)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;

  beforeAll(async () => {
    // Its own database: the writers hold transactions open.
    database = await createTestDatabase('es_model');
    dataSource = await createTestDataSource(database.url, { migrations: eventStoreMigrations(S), poolSize: 16 });
    store = new PostgresEventStore(dataSource, S);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  async function write(writer: Writer, run: number, log: Committed[]): Promise<void> {
    await sleep(writer.startAfterMs);
    for (let attempt = 0; ; attempt++) {
      try {
        const events = await store.transaction(async ({ store: tx, manager }) => {
          if (writer.xidFirst) await manager.query('SELECT pg_current_xact_id()');
          await sleep(writer.holdBeforeMs);
          const entries = writer.appends.map(({ stream, events }) => ({
            streamId: `${run}-${stream}`,
            expectedVersion: 'any' as const,
            events: Array.from({ length: events }, (_, n) => ({ type: 'Written', data: { n } })),
          }));
          const recorded: RecordedEvent[] = [];
          if (writer.asOneBatch) recorded.push(...(await tx.appendMany(entries, metadata)));
          else for (const entry of entries) recorded.push(...(await tx.append(entry.streamId, entry.expectedVersion, entry.events, metadata)).events);
          await sleep(writer.holdAfterMs);
          return recorded;
        });
        log.push({ transactionId: BigInt(events[0].globalPosition.transactionId), events });
        return;
      } catch (error) {
        // Another writer took the version (or was younger on the stream), or two writers locked
        // the same streams in opposite orders: rolled back; a new transaction, as handleCommand does.
        const retryable = error instanceof WrongExpectedVersionError || (error as { code?: string }).code === DEADLOCK_DETECTED;
        if (!retryable || attempt >= 50) throw error;
      }
    }
  }

  it('the reader sees every committed event once, in commit order, whatever the timing', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(writerArbitrary, { minLength: 4, maxLength: 10 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 8 }),
        async (writers, pageSizes) => {
          run += 1;
          await dataSource.query(`TRUNCATE ${S}.events`);
          const log: Committed[] = [];
          let writing = true;
          // Settled, not all: the next run must not start while a writer of this one still writes.
          const writes = Promise.allSettled(writers.map((writer) => write(writer, run, log))).finally(() => (writing = false));

          const seen: RecordedEvent[] = [];
          let position: GlobalPosition = START;
          let deadline = Infinity;
          for (let page = 0; ; page++) {
            const wasWriting = writing;
            const { events, position: next } = await store.readAll(position, pageSizes[page % pageSizes.length]);
            seen.push(...events);
            position = next;
            // After the writers are done and a read found nothing new, the log is complete; but
            // readAll waits for the cluster's oldest transaction (other tests' too), so keep
            // reading until every logged event was seen or it is plainly too late.
            if (!wasWriting && events.length === 0 && seen.length >= log.reduce((n, t) => n + t.events.length, 0)) break;
            if (!wasWriting && deadline === Infinity) deadline = Date.now() + 10_000;
            if (Date.now() > deadline) break;
            if (events.length === 0) await sleep(2);
          }
          for (const outcome of await writes) if (outcome.status === 'rejected') throw outcome.reason;

          const expected = [...log]
            .sort((x, y) => (x.transactionId < y.transactionId ? -1 : x.transactionId > y.transactionId ? 1 : 0))
            .flatMap((t) => [...t.events].sort((x, y) => Number(BigInt(x.globalPosition.position) - BigInt(y.globalPosition.position))))
            .map((e) => e.eventId);
          expect(new Set(expected).size).toBe(expected.length);
          expect(seen.map((e) => e.eventId)).toEqual(expected);
          // Each stream's versions in order, from 1, without gaps.
          const versions = new Map<string, number[]>();
          for (const e of seen) versions.set(e.streamId, [...(versions.get(e.streamId) ?? []), e.streamVersion]);
          for (const [, list] of versions) expect(list).toEqual(list.map((_, i) => i + 1));
        },
      ),
      // Bounded for CI (about 5–10 s); a failure ends at once (shrinking would wait out each run's deadline).
      { numRuns: 12, endOnFailure: true },
    );
  }, 60_000);
});
