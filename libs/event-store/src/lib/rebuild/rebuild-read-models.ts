import { DataSource, EntityManager } from 'typeorm';
import { GlobalPosition, RecordedEvent, START } from '../event-store.port';
import { assertSchemaName } from '../postgres/migrations';
import { EVENT_COLUMNS, EventRow, PostgresEventStore, toRecorded } from '../postgres/postgres-event-store';
import { project, Projection, ReplayWindow } from '../projection';
import { readModelName, recordReadModelVersions } from './read-model-versions';
import { assertRebuildableTables, countRows, createShadowTables, RebuildRefusedError } from './shadow-tables';

/**
 * What a service gives the rebuild command: its schema, the projections it keeps inline from its
 * own events (rebuilt), and the read models of its schema that are not (kept from other
 * services' events over the bus, or work queues): a replay of its own store cannot produce them.
 */
export interface ServiceReadModels {
  readonly service: string;
  readonly schema: string;
  readonly projections: readonly Projection[];
  readonly notRebuilt: readonly { readonly tables: readonly string[]; readonly why: string }[];
}

export type RebuildPhase = 'replay' | 'catch-up' | 'swap';

export interface RebuildProgress {
  /** `replay`: the pass from position 0; `catch-up`: later passes; `swap`: under the lock, before the tables change places. */
  readonly phase: RebuildPhase;
  /** 1 for the replay, then one more per catch-up pass; in the swap, the number of passes done. */
  readonly pass: number;
  /** The swap attempt (1 unless a lock timeout or deadlock made it retry). */
  readonly attempt: number;
  /** The last event replayed. */
  readonly position: GlobalPosition;
  /** Events read from the store so far (of every type; projections take theirs). */
  readonly done: number;
  /** Events in the store as far as known (grows while the service appends). */
  readonly total: number;
  readonly eventsPerSecond: number;
}

export interface RebuildReadModelsOptions {
  readonly dataSource: DataSource;
  /** The service's store (readAll); its schema must be `schema`. */
  readonly store: PostgresEventStore;
  readonly schema: string;
  /** Rebuilt together; their tables are swapped in one transaction. */
  readonly projections: readonly Projection[];
  /** Events per page (one transaction on the shadow tables each); default 1,000. */
  readonly pageSize?: number;
  /** Awaited; keep it short in the `swap` phase, which holds the live tables' locks. */
  readonly onProgress?: (progress: RebuildProgress) => void | Promise<void>;
  /**
   * Events' positions per transaction of a set-based replay (`ReplayWindow.chunkPositions`);
   * default 25,000: about a second of work each, so that no transaction id is held long (ADR 0003).
   */
  readonly replayChunkPositions?: number;
  /** Catch up until at most this many events remain, then swap; default `pageSize`. */
  readonly swapThreshold?: number;
  /** Catch-up passes before swapping however many events remain; default 20. */
  readonly maxCatchUpPasses?: number;
  /** How long the swap waits for the live tables' locks before it gives up and retries; default 3,000 ms. */
  readonly lockTimeoutMs?: number;
  /** Swap attempts (lock timeout, deadlock) before the rebuild fails; default 5. */
  readonly swapAttempts?: number;
}

export interface RebuiltTable {
  readonly table: string;
  readonly rowsBefore: number;
  readonly rowsAfter: number;
}

export interface RebuildResult {
  readonly schema: string;
  readonly projections: readonly { readonly name: string; readonly tables: readonly string[]; readonly events: number }[];
  /** Events read from the store, of every type (passes and swap). */
  readonly events: number;
  /** Of which applied under the lock, in the swap. */
  readonly swapEvents: number;
  readonly passes: number;
  /** How the first pass ran: `set-based` inside PostgreSQL (every projection has `replay`, ADR 0033) or `paged` through `apply`. */
  readonly replay: 'set-based' | 'paged';
  readonly swapAttempts: number;
  readonly position: GlobalPosition;
  readonly tables: readonly RebuiltTable[];
  readonly seconds: number;
  /** False when the old tables could not be dropped at once (a long reader held them): they stay in `<schema>__previous` until the next rebuild. */
  readonly previousDropped: boolean;
}

const LOCK_NOT_AVAILABLE = '55P03';
const DEADLOCK_DETECTED = '40P01';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rebuilds a service's read models from its event store while the live tables keep serving
 * (ADR 0011):
 *
 * 1. creates `<schema>__rebuild` with a copy (`LIKE ... INCLUDING ALL`) of every owned table;
 * 2. replays the store from position 0 in pages (`readAll`: committed events in commit order,
 *    never one that commits late behind the checkpoint) into the copies, one short transaction
 *    per page, so no transaction id is held open (readAll's xmin is cluster-wide, ADR 0003);
 * 3. catches up in further passes until few events remain, then, in one short transaction,
 *    locks the live tables (inline projections of concurrent appends wait), applies the events
 *    committed since the last pass, moves the live tables to `<schema>__previous` and the copies
 *    in, records `<schema>.read_model_versions`, and commits; then drops the old tables.
 *
 * A writer that was waiting for the lock resolves the table name again once it gets it
 * (PostgreSQL does so after any wait on a relation lock), so its inline projection writes into
 * the new table. A lock timeout or a deadlock rolls the swap back; another pass and swap follow.
 */
export async function rebuildReadModels(options: RebuildReadModelsOptions): Promise<RebuildResult> {
  const rebuild = new Rebuild(options);
  // One rebuild per schema at a time: a session lock, held on a connection of its own.
  const lock = options.dataSource.createQueryRunner();
  await lock.connect();
  try {
    const [{ locked }] = await lock.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [`reform.rebuild.${rebuild.schema}`]);
    if (!locked) throw new RebuildRefusedError(`cannot rebuild: another rebuild of schema ${rebuild.schema} is running`);
    await rebuild.createCopies();
    await rebuild.replay();
    await rebuild.catchUp();
    await rebuild.analyzeCopies();
    return await rebuild.swap();
  } catch (error) {
    await rebuild.dropCopies();
    throw error;
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [`reform.rebuild.${rebuild.schema}`]).catch(() => undefined);
    await lock.release();
  }
}

/** What a swap did under the lock. */
interface Swapped {
  readonly swapEvents: number;
  readonly swapPosition: GlobalPosition;
  readonly before: Map<string, number>;
  readonly after: Map<string, number>;
}

/** One rebuild's settings and progress, and its steps in the order `rebuildReadModels` runs them. */
class Rebuild {
  readonly schema: string;
  private readonly began = Date.now();
  private readonly dataSource: DataSource;
  private readonly store: PostgresEventStore;
  private readonly projections: readonly Projection[];
  private readonly shadow: string;
  private readonly previous: string;
  private readonly pageSize: number;
  private readonly replayChunkPositions: number;
  private readonly swapThreshold: number;
  private readonly maxCatchUpPasses: number;
  private readonly lockTimeoutMs: number;
  private readonly swapAttempts: number;
  private readonly tables: string[];
  /** Events applied per projection (rolled back with a failed swap). */
  private applied: Map<string, number>;
  private position: GlobalPosition = START;
  private done = 0;
  private total = 0;
  private passes = 0;
  private copiesCreated = false;
  private readonly setBased: boolean;
  /** Copies the set-based replay analysed (`ReplayWindow.analyze`): analysed again only if the catch-up applied events. */
  private readonly analyzed = new Set<string>();
  /** Events done when the set-based replay ended. */
  private replayed = 0;

  constructor(private readonly options: RebuildReadModelsOptions) {
    const { dataSource, store, projections } = options;
    const S = assertSchemaName(options.schema);
    if (store.schema !== S) throw new Error(`rebuildReadModels: the store's schema is ${store.schema}, not ${S}`);
    this.schema = S;
    this.dataSource = dataSource;
    this.store = store;
    this.projections = projections;
    this.shadow = assertSchemaName(`${S}__rebuild`);
    this.previous = assertSchemaName(`${S}__previous`);
    this.pageSize = options.pageSize ?? 1000;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1) throw new Error(`rebuildReadModels: pageSize must be a positive integer, not ${this.pageSize}`);
    this.replayChunkPositions = options.replayChunkPositions ?? 25_000;
    if (!Number.isInteger(this.replayChunkPositions) || this.replayChunkPositions < 1)
      throw new Error(`rebuildReadModels: replayChunkPositions must be a positive integer, not ${this.replayChunkPositions}`);
    this.swapThreshold = options.swapThreshold ?? this.pageSize;
    this.maxCatchUpPasses = options.maxCatchUpPasses ?? 20;
    this.lockTimeoutMs = options.lockTimeoutMs ?? 3000;
    this.swapAttempts = options.swapAttempts ?? 5;
    this.tables = ownedTables(projections);
    this.applied = new Map(projections.map((p) => [p.name, 0]));
    this.setBased = projections.every((p) => p.replay);
  }

  /** 1. The copies in `<schema>__rebuild`, after what a rebuild that stopped half-way left. */
  async createCopies(): Promise<void> {
    await assertRebuildableTables(this.dataSource, this.schema, this.tables);
    // Left by a rebuild that stopped half-way: the copies are incomplete, the old tables unused.
    await this.dataSource.query(`DROP SCHEMA IF EXISTS "${this.shadow}" CASCADE`);
    await this.dataSource.query(`DROP SCHEMA IF EXISTS "${this.previous}" CASCADE`);
    await createShadowTables(this.dataSource, this.schema, this.shadow, this.tables);
    this.copiesCreated = true;
    // A set-based replay counts its window's events (by type) itself: no scan of the table for this.
    if (!this.setBased) this.total = await countEventsAfter(this.dataSource, this.schema, START);
  }

  /**
   * 2. The first pass from position 0. Set-based when every projection offers `replay` (ADR 0033):
   * each fills its copies from the events table inside PostgreSQL, up to the last event readAll
   * could give now; the catch-up goes on from there. Otherwise a paged pass through `apply`.
   */
  async replay(): Promise<void> {
    if (!this.setBased) return this.pass('replay');
    this.passes += 1;
    const replay = await replayWindow(
      this.dataSource,
      this.schema,
      this.shadow,
      this.replayChunkPositions,
      async (events) => {
        this.done += events;
        await this.options.onProgress?.(this.progress('replay', 0));
      },
      (table) => this.analyzed.add(table),
    );
    if (!replay) return;
    this.total = replay.events;
    for (const p of this.projections) await p.replay?.(replay.window);
    for (const p of this.projections)
      this.applied.set(
        p.name,
        p.eventTypes.reduce((sum, type) => sum + (replay.eventsByType.get(type) ?? 0), 0),
      );
    this.position = replay.window.upTo;
    this.done = replay.events;
    this.replayed = this.done;
    await this.options.onProgress?.(this.progress('replay', 0));
  }

  /**
   * 2. One pass of readAll from `position`, until a page comes back short (caught up with the
   * oldest running transaction) or it has read as many events as were committed when it began
   * (so that a service appending faster than the replay cannot keep a pass going for ever).
   */
  async pass(phase: RebuildPhase): Promise<void> {
    this.passes += 1;
    const budget = await countEventsAfter(this.dataSource, this.schema, this.position);
    const doneBefore = this.done;
    // The next page is read while this one is applied (two connections): reading and
    // projecting overlap instead of taking turns.
    let next = this.store.readAll(this.position, this.pageSize);
    for (let pages = 0; ; pages++) {
      const page = await next;
      const last = page.events.length < this.pageSize || this.done + page.events.length - doneBefore >= budget;
      if (!last) {
        next = this.store.readAll(page.position, this.pageSize);
        next.catch(() => undefined); // awaited (and thrown) at the next turn; not unhandled if this page fails
      }
      if (page.events.length) await this.applyPage(page.events, page.position);
      // Each page, and a pass that found nothing (readAll held back by an old transaction) once.
      if (page.events.length || pages === 0) await this.options.onProgress?.(this.progress(phase, 0));
      if (last) return;
    }
  }

  /** A page into the copies, in a transaction of its own. */
  private async applyPage(events: readonly RecordedEvent[], position: GlobalPosition): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // The copies are thrown away if the rebuild stops half-way, so a page need not wait
      // for its WAL flush; the swap commits synchronously, and flushing its WAL flushes
      // every page's before it (WAL is flushed up to a position).
      await manager.query('SET LOCAL synchronous_commit = off');
      await this.apply(events, manager);
    });
    this.position = position;
    this.done += events.length;
  }

  private async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    await project(this.projections, events, manager, this.shadow);
    for (const p of this.projections) this.applied.set(p.name, (this.applied.get(p.name) ?? 0) + events.filter((e) => p.eventTypes.includes(e.type)).length);
  }

  /**
   * 3. Further passes until few events remain; or until it is not closing in (the service
   * appends as fast as the replay reads): the swap applies the rest under the lock, while
   * writers wait.
   */
  async catchUp(): Promise<void> {
    for (let behind = Infinity; ;) {
      const remaining = await countEventsAfter(this.dataSource, this.schema, this.position);
      this.total = this.done + remaining;
      if (remaining <= this.swapThreshold || remaining >= behind || this.passes - 1 >= this.maxCatchUpPasses) return;
      behind = remaining;
      const before = this.done;
      await this.pass('catch-up');
      // Nothing readable although events remain: an old transaction holds readAll back; wait a little.
      if (this.done === before) {
        behind = Infinity;
        await sleep(100);
      }
    }
  }

  /**
   * Planner statistics for the copies before they serve (autovacuum would take its time); a copy
   * the set-based replay analysed already is done again only if the catch-up applied events since.
   */
  async analyzeCopies(): Promise<void> {
    for (const table of this.tables) {
      if (this.analyzed.has(table) && this.done === this.replayed) continue;
      await this.dataSource.query(`ANALYZE "${this.shadow}"."${table}"`);
    }
  }

  /** 4. The swap, tried again after a lock timeout or a deadlock (another catch-up pass first). */
  async swap(): Promise<RebuildResult> {
    for (let attempt = 1; ; attempt++) {
      const talliesBefore = new Map(this.applied);
      try {
        const swapped = await this.swapOnce(attempt);
        this.done += swapped.swapEvents;
        this.position = swapped.swapPosition;
        this.copiesCreated = false;
        const previousDropped = await dropPrevious(this.dataSource, this.previous, this.lockTimeoutMs);
        return this.result(swapped, attempt, previousDropped);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if ((code !== LOCK_NOT_AVAILABLE && code !== DEADLOCK_DETECTED) || attempt >= this.swapAttempts) throw error;
        // Rolled back, with the events it had applied: the copies are as the last pass left them.
        this.applied = talliesBefore;
        await sleep(100 * attempt);
        await this.pass('catch-up');
      }
    }
  }

  /** Under the live tables' lock: the last events, the tables change places, the versions recorded. */
  private swapOnce(attempt: number): Promise<Swapped> {
    const { schema: S, shadow, previous, tables } = this;
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(this.lockTimeoutMs))}`);
      await manager.query(`LOCK TABLE ${tables.map((t) => `"${S}"."${t}"`).join(', ')} IN ACCESS EXCLUSIVE MODE`);
      const { swapEvents, swapPosition } = await this.applyCommittedUnderLock(manager);
      const before = await countRows(manager, S, tables);
      const after = await countRows(manager, shadow, tables);
      await this.options.onProgress?.({
        ...this.progress('swap', attempt),
        done: this.done + swapEvents,
        total: Math.max(this.total, this.done + swapEvents),
        position: swapPosition,
      });
      await manager.query(`CREATE SCHEMA "${previous}"`);
      for (const table of tables) await manager.query(`ALTER TABLE "${S}"."${table}" SET SCHEMA "${previous}"`);
      for (const table of tables) await manager.query(`ALTER TABLE "${shadow}"."${table}" SET SCHEMA "${S}"`);
      await manager.query(`DROP SCHEMA "${shadow}"`);
      const rebuiltAt = new Date();
      await recordReadModelVersions(
        manager,
        S,
        this.projections.map((p) => ({
          readModel: readModelName(p),
          projection: p.name,
          tables: p.tables,
          rebuiltAt,
          position: swapPosition,
          events: this.applied.get(p.name) ?? 0,
        })),
      );
      return { swapEvents, swapPosition, before, after };
    });
  }

  /**
   * Every writer of the live tables has committed (the lock waited for it) or waits for us, so
   * every event whose effect the live tables hold is committed and visible now: read them
   * without readAll's xmin cut. Those of waiting writers are not visible yet; their own inline
   * projection writes them into the new tables once the lock is free.
   */
  private async applyCommittedUnderLock(manager: EntityManager): Promise<{ swapEvents: number; swapPosition: GlobalPosition }> {
    let swapEvents = 0;
    let swapPosition = this.position;
    for (;;) {
      const events = await committedEventsAfter(manager, this.schema, swapPosition, this.pageSize);
      if (events.length === 0) return { swapEvents, swapPosition };
      await this.apply(events, manager);
      swapEvents += events.length;
      swapPosition = events[events.length - 1].globalPosition;
    }
  }

  /** On failure: the copies go (the live tables were never touched). */
  async dropCopies(): Promise<void> {
    if (this.copiesCreated) await this.dataSource.query(`DROP SCHEMA IF EXISTS "${this.shadow}" CASCADE`).catch(() => undefined);
  }

  private progress(phase: RebuildPhase, attempt: number): RebuildProgress {
    const seconds = (Date.now() - this.began) / 1000;
    this.total = Math.max(this.total, this.done);
    return {
      phase,
      pass: this.passes,
      attempt,
      position: this.position,
      done: this.done,
      total: this.total,
      eventsPerSecond: seconds > 0 ? Math.round(this.done / seconds) : 0,
    };
  }

  private result(swapped: Swapped, attempt: number, previousDropped: boolean): RebuildResult {
    return {
      schema: this.schema,
      projections: this.projections.map((p) => ({ name: p.name, tables: p.tables, events: this.applied.get(p.name) ?? 0 })),
      events: this.done,
      swapEvents: swapped.swapEvents,
      passes: this.passes,
      replay: this.setBased ? 'set-based' : 'paged',
      swapAttempts: attempt,
      position: this.position,
      tables: this.tables.map((table) => ({ table, rowsBefore: swapped.before.get(table) ?? 0, rowsAfter: swapped.after.get(table) ?? 0 })),
      seconds: (Date.now() - this.began) / 1000,
      previousDropped,
    };
  }
}

/** The projections' tables, each owned by one projection. */
function ownedTables(projections: readonly Projection[]): string[] {
  if (projections.length === 0) throw new Error('rebuildReadModels: no projections given');
  const owner = new Map<string, string>();
  const models = new Set<string>();
  for (const projection of projections) {
    const model = readModelName(projection);
    if (models.has(model)) throw new Error(`rebuildReadModels: two projections build the read model ${model}`);
    models.add(model);
    if (projection.tables.length === 0) throw new Error(`rebuildReadModels: projection ${projection.name} names no tables`);
    for (const table of projection.tables) {
      assertSchemaName(table);
      const other = owner.get(table);
      if (other) throw new Error(`rebuildReadModels: table ${table} is written by ${other} and ${projection.name}`);
      owner.set(table, projection.name);
    }
  }
  return [...owner.keys()];
}

/**
 * The window of a set-based replay: every event readAll could return now (committed before the
 * oldest running transaction: none can commit later behind its last one), with its counts by type.
 * Null when there is none.
 */
async function replayWindow(
  dataSource: DataSource,
  schema: string,
  shadow: string,
  chunkPositions: number,
  progress: (events: number) => Promise<void>,
  analyzed: (table: string) => void,
): Promise<{ window: ReplayWindow; events: number; eventsByType: Map<string, number> } | null> {
  const events = `"${schema}".events`;
  const [head]: Array<{ transaction_id: string; global_position: string }> = await dataSource.query(
    `SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position FROM ${events} e
     WHERE e.transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
  );
  if (!head) return null;
  const upTo: GlobalPosition = { transactionId: head.transaction_id, position: head.global_position };
  if (!/^\d+$/.test(upTo.transactionId) || !/^\d+$/.test(upTo.position)) throw new Error(`rebuildReadModels: unexpected position ${JSON.stringify(upTo)}`);
  const within = (alias: string) => `(${alias}.transaction_id, ${alias}.global_position) <= ('${upTo.transactionId}'::xid8, ${upTo.position}::bigint)`;
  const counts: Array<{ event_type: string; n: string; first: string; last: string }> = await dataSource.query(
    `SELECT e.event_type, count(*)::bigint AS n, min(e.global_position)::text AS first, max(e.global_position)::text AS last FROM ${events} e WHERE ${within('e')} GROUP BY e.event_type`,
  );
  const eventsByType = new Map(counts.map((c) => [c.event_type, Number(c.n)]));
  const first = counts.reduce((min, c) => (min === null || BigInt(c.first) < BigInt(min) ? c.first : min), null as string | null);
  const last = counts.reduce((max, c) => (max === null || BigInt(c.last) > BigInt(max) ? c.last : max), null as string | null);
  const window: ReplayWindow = {
    events,
    schema: shadow,
    upTo,
    within,
    positions: first !== null && last !== null ? { first, last } : null,
    chunkPositions,
    transaction: (work) =>
      dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL synchronous_commit = off');
        return work(manager);
      }),
    read: async (manager, condition, parameters) => {
      const rows: EventRow[] = await manager.query(
        `SELECT ${EVENT_COLUMNS} FROM ${events} e WHERE (${condition}) AND ${within('e')} ORDER BY e.transaction_id, e.global_position`,
        [...parameters],
      );
      return rows.map(toRecorded);
    },
    withoutIndexes: async (tables, work) => {
      const indexes: Array<{ table: string; index: string; definition: string; constraint: string | null; constraint_definition: string | null }> =
        await dataSource.query(
          `SELECT t.relname AS table, x.relname AS index, pg_get_indexdef(x.oid) AS definition, con.conname AS constraint, pg_get_constraintdef(con.oid) AS constraint_definition
         FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
         LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = t.oid
         WHERE n.nspname = $1 AND t.relname = ANY($2::text[])
         -- The largest first (by the live index's size): two builds at a time end closer together.
         ORDER BY pg_relation_size(to_regclass(format('%I.%I', $3::text, x.relname))) DESC NULLS LAST, t.relname, x.relname`,
          [shadow, tables, schema],
        );
      for (const table of tables) assertSchemaName(table);
      for (const i of indexes) {
        if (i.constraint) await dataSource.query(`ALTER TABLE "${shadow}"."${i.table}" DROP CONSTRAINT "${i.constraint}"`);
        else await dataSource.query(`DROP INDEX "${shadow}"."${i.index}"`);
      }
      const result = await work();
      // Each index sorted once; two at a time (a core each), with room to sort in memory. A
      // primary key or unique constraint is built as its plain unique index first (a share lock,
      // as every CREATE INDEX takes, so the others build beside it) and only then made the
      // constraint, a change of the catalogue: `ADD CONSTRAINT … PRIMARY KEY` builds it under an
      // exclusive lock, which kept the other builds waiting (a core idle for its whole sort).
      // (Plain ones only: a deferrable, INCLUDE or NULLS NOT DISTINCT one is added as before.)
      const byIndex = (i: (typeof indexes)[number]) => /^(PRIMARY KEY|UNIQUE) \([^)]*\)$/.exec(i.constraint_definition ?? '')?.[1];
      const build = indexes.map((i) => async () => {
        await dataSource.transaction(async (manager) => {
          await manager.query(`SET LOCAL maintenance_work_mem = '256MB'`);
          // Two builds at a time already use both cores; no parallel workers on top.
          await manager.query(`SET LOCAL max_parallel_maintenance_workers = 0`);
          if (i.constraint && !byIndex(i))
            await manager.query(`ALTER TABLE "${shadow}"."${i.table}" ADD CONSTRAINT "${i.constraint}" ${i.constraint_definition}`);
          else await manager.query(i.definition);
        });
      });
      await runConcurrently(build, 2);
      for (const i of indexes) {
        const kind = byIndex(i);
        if (i.constraint && kind)
          await dataSource.query(`ALTER TABLE "${shadow}"."${i.table}" ADD CONSTRAINT "${i.constraint}" ${kind} USING INDEX "${i.index}"`);
      }
      return result;
    },
    concurrently: (jobs, concurrency = 2) => runConcurrently(jobs, concurrency),
    analyze: async (table) => {
      assertSchemaName(table);
      await dataSource.query(`ANALYZE "${shadow}"."${table}"`);
      analyzed(table);
    },
    progress,
  };
  return { window, events: [...eventsByType.values()].reduce((a, b) => a + b, 0), eventsByType };
}

/** Runs the jobs, at most `concurrency` at a time; the first failure is thrown once all running ones have ended. */
async function runConcurrently(jobs: ReadonlyArray<() => Promise<void>>, concurrency: number): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (next < jobs.length && failure === null) {
      const job = jobs[next++];
      await job().catch((error: unknown) => {
        failure ??= error;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker));
  if (failure !== null) throw failure;
}

/** Committed events after `from` (readAll's order), whatever the oldest running transaction. */
async function countEventsAfter(db: DataSource | EntityManager, schema: string, from: GlobalPosition): Promise<number> {
  // The first condition is implied by the second; the planner estimates it from the column's
  // statistics (a row comparison it guesses at a third of the table, and scans it all).
  const [{ n }] = await db.query(
    `SELECT count(*)::bigint AS n FROM "${schema}".events WHERE transaction_id >= $1::xid8 AND (transaction_id, global_position) > ($1::xid8, $2::bigint)`,
    [from.transactionId, from.position],
  );
  return Number(n);
}

async function committedEventsAfter(manager: EntityManager, schema: string, from: GlobalPosition, limit: number): Promise<RecordedEvent[]> {
  const rows: EventRow[] = await manager.query(
    // e.transaction_id, not the text alias of EVENT_COLUMNS (see PostgresEventStore.readAll).
    `SELECT ${EVENT_COLUMNS} FROM "${schema}".events e WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
      ORDER BY e.transaction_id, e.global_position LIMIT $3`,
    [from.transactionId, from.position, limit],
  );
  return rows.map(toRecorded);
}

/** Drops the old tables, unless a reader still holds one past the lock timeout (then the next rebuild does). */
async function dropPrevious(dataSource: DataSource, previous: string, lockTimeoutMs: number): Promise<boolean> {
  try {
    await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(lockTimeoutMs))}`);
      await manager.query(`DROP SCHEMA "${previous}" CASCADE`);
    });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) return false;
    throw error;
  }
}
