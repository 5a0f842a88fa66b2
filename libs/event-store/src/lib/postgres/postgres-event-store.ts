import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { canonicalJson, eventHash, eventHasher } from '../canonical';
import {
  AppendResult,
  AppliedStep,
  EventMetadata,
  EventStore,
  ExpectedVersion,
  GlobalPosition,
  IdempotencyStep,
  IntegrityReport,
  NewEvent,
  ReadAllResult,
  ReadStreamOptions,
  RecordedEvent,
  StaleTransactionError,
  StoreTransaction,
  StreamAppend,
  WrongExpectedVersionError,
} from '../event-store.port';
import { appliedIdempotencyStep, recordIdempotencyStep } from '../idempotency';
import { project, Projection } from '../projection';
import { assertSchemaName } from './migrations';
import { inSpan, SpanKind, timeAppend, traceparentOf, tracingEnabled } from '@reform/observability';

export interface PostgresEventStoreOptions {
  /** Where `recordedAt` comes from; tests and imports may fix it. */
  readonly clock?: () => Date;
}

export interface EventStoreTransaction extends StoreTransaction {
  /** Appends through this store join the transaction. */
  readonly store: PostgresEventStore;
  /** The same transaction, for read-model writes (projections run here: read-your-writes). */
  readonly manager: EntityManager;
}

interface TransactionBinding {
  readonly manager: EntityManager;
  /** The caller opened the transaction (withManager), rather than this store's transaction(). */
  readonly callerOwned: boolean;
}

/** A row of `<schema>.events` as the store selects it (`EVENT_COLUMNS`). */
export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
  previous_hash: string | null;
  hash: string;
}

interface StreamHeadRow {
  readonly version: number;
  readonly hash: string;
  /** The transaction that wrote the head, and the one appending now. */
  readonly transactionId: string;
  readonly ownTransactionId: string;
}

export interface StreamHead {
  readonly streamId: string;
  readonly version: number;
  readonly hash: string;
}

/**
 * The last version and hash of streams this store (and the stores derived from it by
 * `withManager` and `transaction`) read or appended: what a single-stream append links its hash
 * chain to without reading the head again. A hint only: `append_to_stream` checks it against
 * the table and returns the real head when it moved. Bounded: the oldest entries go first.
 */
class HeadCache {
  private readonly heads = new Map<string, { version: number; hash: string | null }>();
  constructor(private readonly capacity = 10_000) {}
  get(streamId: string) {
    return this.heads.get(streamId);
  }
  set(streamId: string, version: number, hash: string | null) {
    this.heads.delete(streamId);
    this.heads.set(streamId, { version, hash });
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value as string);
  }
}

interface AppendOutcomeRow {
  outcome: 'appended' | 'wrong_version' | 'stale' | 'head_moved';
  head_version: number;
  head_hash: string | null;
  global_positions: string[] | null;
  transaction_id: string | null;
}

/** How many times an append hashes again after finding the head moved before it reports a conflict. */
const HEAD_MOVED_ATTEMPTS = 5;

export const EVENT_COLUMNS =
  'global_position, transaction_id::text AS transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at, previous_hash, hash';
const UNIQUE_VIOLATION = '23505';

/**
 * The event store of one service: `<schema>.events` in PostgreSQL (ADR 0003).
 * Commit order for `readAll` comes from the writing transaction's id (xid8) and is cut at the
 * oldest transaction still running (`pg_snapshot_xmin`), so an event that commits late is never
 * skipped by a reader that already passed its position.
 */
export class PostgresEventStore implements EventStore {
  private readonly table: string;
  private readonly clock: () => Date;
  private readonly appendSql: string;
  private readonly appendDocumentSql: string;

  constructor(
    private readonly dataSource: DataSource,
    readonly schema: string,
    options: PostgresEventStoreOptions = {},
    private readonly binding?: TransactionBinding,
    private readonly headCache: HeadCache = new HeadCache(),
  ) {
    this.table = `"${assertSchemaName(schema)}".events`;
    this.clock = options.clock ?? (() => new Date());
    this.appendSql = `SELECT * FROM "${schema}".append_to_stream($1, $2, $3, $4, $5::uuid[], $6::text[], $7::int[], $8::jsonb[], $9::jsonb, $10::timestamptz, $11::text[])`;
    // Several events: their data as one JSON document that PostgreSQL splits, in order. As a
    // jsonb[] parameter node-postgres would escape every element quote by quote in JavaScript.
    this.appendDocumentSql = `SELECT * FROM "${schema}".append_to_stream($1, $2, $3, $4, $5::uuid[], $6::text[], $7::int[],
      ARRAY(SELECT d.value FROM jsonb_array_elements($8::jsonb) WITH ORDINALITY AS d(value, n) ORDER BY d.n), $9::jsonb, $10::timestamptz, $11::text[])`;
  }

  /**
   * A store whose appends and reads run in the caller's transaction (`manager`). Its
   * `transaction()` and appends use a savepoint, so a conflict rolls back only the store's part
   * and `handleCommand` can retry without aborting the caller's transaction.
   */
  withManager(manager: EntityManager): PostgresEventStore {
    return new PostgresEventStore(this.dataSource, this.schema, { clock: this.clock }, { manager, callerOwned: true }, this.headCache);
  }

  /** True when this store runs in a transaction opened by someone else (see `withManager`). */
  get joinsCallerTransaction(): boolean {
    return this.binding?.callerOwned ?? false;
  }

  /** Runs `work` in one transaction shared by appends and read-model writes. */
  async transaction<T>(work: (tx: EventStoreTransaction) => Promise<T>): Promise<T> {
    const run = (manager: EntityManager) => work(this.unitOfWork(this.bound(manager), manager));
    if (!this.binding) return this.dataSource.transaction(run);
    // A caller's transaction: a savepoint (TypeORM nests transactions as savepoints).
    if (this.binding.callerOwned) return this.binding.manager.transaction(run);
    return work(this.unitOfWork(this, this.binding.manager));
  }

  private unitOfWork(store: PostgresEventStore, manager: EntityManager): EventStoreTransaction {
    return {
      store,
      manager,
      project: (projections: readonly Projection[], events: readonly RecordedEvent[]) => project(projections, events, manager),
      recordStep: (step: IdempotencyStep, applied: AppliedStep) =>
        recordIdempotencyStep(manager, this.schema, step, applied.streamId, applied.fromVersion, applied.toVersion),
    };
  }

  async appliedStep(step: IdempotencyStep): Promise<AppliedStep | null> {
    return appliedIdempotencyStep(this.binding?.manager ?? this.dataSource.manager, this.schema, step);
  }

  private bound(manager: EntityManager): PostgresEventStore {
    return new PostgresEventStore(this.dataSource, this.schema, { clock: this.clock }, { manager, callerOwned: false }, this.headCache);
  }

  append(streamId: string, expectedVersion: ExpectedVersion, events: readonly NewEvent[], metadata: EventMetadata): Promise<AppendResult> {
    // reform_event_store_append_duration_seconds (docs/operations.md).
    return this.traced(
      'stream',
      events,
      (traced) => timeAppend(this.schema, 'stream', () => this.appendTimed(streamId, expectedVersion, events, traced(metadata))),
      streamId,
    );
  }

  private async appendTimed(streamId: string, expectedVersion: ExpectedVersion, events: readonly NewEvent[], metadata: EventMetadata): Promise<AppendResult> {
    if (events.length === 0) {
      const current = await this.currentVersion(streamId);
      if (!versionMatches(expectedVersion, current)) throw new WrongExpectedVersionError(streamId, expectedVersion, current);
      return { nextExpectedVersion: current, events: [] };
    }
    const recorded = await this.appendToStream(streamId, expectedVersion, events, metadata);
    return { nextExpectedVersion: recorded[recorded.length - 1].streamVersion, events: recorded };
  }

  /**
   * One stream: one call of `append_to_stream` (one round trip, a named prepared statement),
   * hashed against the head this store last saw of the stream. Outside a transaction the call
   * is its own transaction; in the caller's transaction (`withManager`) it runs in a savepoint,
   * so that a racing writer's unique-key violation aborts only the append.
   */
  private async appendToStream(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly NewEvent[],
    metadata: EventMetadata,
  ): Promise<RecordedEvent[]> {
    const expected = expectedVersion === 'any' ? null : expectedVersion === 'no_stream' ? 0 : expectedVersion;
    const cached = this.headCache.get(streamId);
    let base = cached && (expected === null || cached.version === expected) ? cached : { version: expected ?? 0, hash: null as string | null };
    const eventIds = events.map((event) => event.eventId ?? randomUUID());
    const types = events.map((event) => event.type);
    const schemaVersions = events.map((event) => event.schemaVersion ?? 1);
    // The data's canonical JSON is both hashed and sent (jsonb keeps no key order): one pass, not two.
    const data = events.map((event) => canonicalJson(event.data));
    const metadataJson = JSON.stringify(metadata);
    try {
      for (let attempt = 1; ; attempt++) {
        const recordedAt = this.clock();
        const hash = eventHasher(metadata, recordedAt);
        const hashes: string[] = [];
        let previousHash = base.hash;
        events.forEach((event, index) => {
          previousHash = hash(
            {
              previousHash,
              streamId,
              streamVersion: base.version + index + 1,
              eventId: eventIds[index],
              type: types[index],
              schemaVersion: schemaVersions[index],
              data: event.data,
            },
            data[index],
          );
          hashes.push(previousHash);
        });
        const [row] = await this.callAppend(
          [
            streamId,
            expected,
            base.version,
            base.hash,
            eventIds,
            types,
            schemaVersions,
            events.length > 1 ? `[${data.join(',')}]` : data,
            metadataJson,
            recordedAt.toISOString(),
            hashes,
          ],
          events.length > 1,
        );
        if (row.outcome === 'appended') {
          this.headCache.set(streamId, row.head_version, row.head_hash);
          const positions = row.global_positions ?? [];
          return events.map((event, index) =>
            toRecorded({
              global_position: positions[index],
              transaction_id: row.transaction_id ?? '',
              stream_id: streamId,
              stream_version: base.version + index + 1,
              event_id: eventIds[index],
              event_type: types[index],
              schema_version: schemaVersions[index],
              data: event.data,
              metadata,
              recorded_at: recordedAt,
              previous_hash: index === 0 ? base.hash : hashes[index - 1],
              hash: hashes[index],
            }),
          );
        }
        this.headCache.set(streamId, row.head_version, row.head_hash);
        if (row.outcome === 'wrong_version') throw new WrongExpectedVersionError(streamId, expectedVersion, row.head_version);
        if (row.outcome === 'stale') throw new StaleTransactionError(streamId, expectedVersion, row.head_version);
        // head_moved: the version matched (or any was asked) but not the head we hashed against.
        if (attempt >= HEAD_MOVED_ATTEMPTS) throw new WrongExpectedVersionError(streamId, expectedVersion, row.head_version);
        base = { version: row.head_version, hash: row.head_hash };
      }
    } catch (error) {
      throw await this.conflictFromUniqueViolation(error, [{ streamId, expectedVersion, events }]);
    }
  }

  /** `asDocument`: the events' data (the 8th parameter) as one JSON document, not a jsonb[]. */
  private async callAppend(parameters: unknown[], asDocument: boolean): Promise<AppendOutcomeRow[]> {
    const text = asDocument ? this.appendDocumentSql : this.appendSql;
    const statement = { name: `reform_append${asDocument ? '_document' : ''}_${this.schema}`, text, values: parameters };
    if (!this.binding) {
      // Autocommit on a pooled connection: the function's statement is the whole transaction.
      const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
      return (await pool.query<AppendOutcomeRow>(statement)).rows;
    }
    const run = async (manager: EntityManager) => {
      const client = (manager.queryRunner as unknown as { databaseConnection?: PoolClient } | undefined)?.databaseConnection;
      return client ? (await client.query<AppendOutcomeRow>(statement)).rows : ((await manager.query(text, parameters)) as AppendOutcomeRow[]);
    };
    return this.binding.callerOwned ? this.binding.manager.transaction(run) : run(this.binding.manager);
  }

  /** Another writer committed the same version first: the version it left behind, as a conflict. */
  private async conflictFromUniqueViolation(error: unknown, batch: readonly StreamAppend[]): Promise<unknown> {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION && /stream_version/.test((error as { constraint?: string; detail?: string }).constraint ?? '')) {
      const detail = /\(stream_id, stream_version\)=\((.*), (\d+)\)/.exec((error as { detail?: string }).detail ?? '');
      const streamId = detail?.[1] ?? batch[0].streamId;
      const entry = batch.find((candidate) => candidate.streamId === streamId) ?? batch[0];
      return new WrongExpectedVersionError(entry.streamId, entry.expectedVersion, await this.currentVersion(entry.streamId, true));
    }
    return error;
  }

  appendMany(batch: readonly StreamAppend[], metadata: EventMetadata): Promise<RecordedEvent[]> {
    return this.traced(
      'many',
      batch.flatMap((entry) => entry.events),
      (traced) => timeAppend(this.schema, 'many', () => this.appendManyTimed(batch, traced(metadata))),
      batch.length === 1 ? batch[0].streamId : undefined,
    );
  }

  /**
   * The append's span (ADR 0028); the events record its trace context in their metadata, so the
   * relay that publishes them later continues this trace. With tracing off the metadata is left
   * as given (no key added: the hash of an untraced event is what it always was).
   */
  private traced<T>(
    kind: 'stream' | 'many',
    events: readonly NewEvent[],
    work: (traced: (metadata: EventMetadata) => EventMetadata) => Promise<T>,
    streamId?: string,
  ): Promise<T> {
    if (!tracingEnabled()) return work((metadata) => metadata);
    const attributes = {
      'db.system.name': 'postgresql',
      'db.namespace': this.schema,
      'reform.events': events.length,
      'reform.event_types': [...new Set(events.map((event) => event.type))],
      ...(streamId ? { 'reform.stream': streamId } : {}),
    };
    return inSpan(`event-store append ${this.schema}`, { kind: SpanKind.INTERNAL, attributes: { ...attributes, 'reform.append': kind } }, () =>
      work((metadata) => {
        const traceparent = traceparentOf();
        return traceparent ? { ...metadata, traceparent } : metadata;
      }),
    );
  }

  private async appendManyTimed(batch: readonly StreamAppend[], metadata: EventMetadata): Promise<RecordedEvent[]> {
    const streamIds = [...new Set(batch.map((entry) => entry.streamId))];
    if (streamIds.length !== batch.length) throw new Error('appendMany: each stream may appear once per batch');
    if (batch.length === 1 && batch[0].events.length > 0) return this.appendToStream(batch[0].streamId, batch[0].expectedVersion, batch[0].events, metadata);
    try {
      return await this.transaction(async ({ manager }) => {
        const heads = await this.heads(manager, streamIds);
        const recordedAt = this.clock();
        const hash = eventHasher(metadata, recordedAt);
        const rows: EventRow[] = [];
        // Each event's data canonicalised once: hashed, and sent as the batch's data document.
        const dataJson: string[] = [];
        for (const entry of batch) {
          const head = heads.get(entry.streamId);
          const actual = head?.version ?? 0;
          if (!versionMatches(entry.expectedVersion, actual)) throw new WrongExpectedVersionError(entry.streamId, entry.expectedVersion, actual);
          // readAll orders by transaction id: an older transaction appending after a newer one's
          // event on the same stream would be read before it. Refuse; a new transaction is newer.
          if (head && BigInt(head.transactionId) > BigInt(head.ownTransactionId))
            throw new StaleTransactionError(entry.streamId, entry.expectedVersion, actual);
          let previousHash = head?.hash ?? null;
          entry.events.forEach((event, index) => {
            const row = {
              stream_id: entry.streamId,
              stream_version: actual + index + 1,
              event_id: event.eventId ?? randomUUID(),
              event_type: event.type,
              schema_version: event.schemaVersion ?? 1,
              data: event.data,
              metadata,
              recorded_at: recordedAt,
              previous_hash: previousHash,
              hash: '',
              global_position: '',
              transaction_id: '',
            };
            const canonicalData = canonicalJson(row.data);
            dataJson.push(canonicalData);
            row.hash = hash(
              {
                previousHash,
                streamId: row.stream_id,
                streamVersion: row.stream_version,
                eventId: row.event_id,
                type: row.event_type,
                schemaVersion: row.schema_version,
                data: row.data,
              },
              canonicalData,
            );
            previousHash = row.hash;
            rows.push(row);
          });
        }
        if (rows.length === 0) return [];
        // One statement for the whole batch: unnest keeps the parameter count fixed at any size;
        // the metadata and the instant, shared by every event, are sent once. The events' data go
        // as one JSON document (JSON.stringify is native), not as a jsonb[] literal whose every
        // element the driver escapes quote by quote in JavaScript; rows are inserted, and
        // RETURNING answers, in the batch's order (ORDER BY n).
        const inserted: Array<{ global_position: string; transaction_id: string }> = await manager.query(
          `INSERT INTO ${this.table} (stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at, previous_hash, hash)
           SELECT ev.stream_id, ev.stream_version, ev.event_id, ev.event_type, ev.schema_version, d.data, $7::jsonb, $8::timestamptz, ev.previous_hash, ev.hash
           FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::int[], $9::text[], $10::text[]) WITH ORDINALITY
                AS ev(stream_id, stream_version, event_id, event_type, schema_version, previous_hash, hash, n)
           JOIN jsonb_array_elements($6::jsonb) WITH ORDINALITY AS d(data, n) USING (n)
           ORDER BY n
           RETURNING global_position, transaction_id::text AS transaction_id`,
          [
            rows.map((r) => r.stream_id),
            rows.map((r) => r.stream_version),
            rows.map((r) => r.event_id),
            rows.map((r) => r.event_type),
            rows.map((r) => r.schema_version),
            `[${dataJson.join(',')}]`,
            JSON.stringify(metadata),
            recordedAt.toISOString(),
            rows.map((r) => r.previous_hash),
            rows.map((r) => r.hash),
          ],
        );
        // RETURNING follows the order of the SELECT (ORDER BY n) for a plain INSERT ... SELECT.
        const recorded = rows.map((row, index) => toRecorded({ ...row, ...inserted[index] }));
        for (const event of recorded) this.headCache.set(event.streamId, event.streamVersion, event.hash);
        return recorded;
      });
    } catch (error) {
      throw await this.conflictFromUniqueViolation(error, batch);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const rows: EventRow[] = await this.query(
      `SELECT ${EVENT_COLUMNS} FROM ${this.table}
       WHERE stream_id = $1 AND ($2::int IS NULL OR stream_version <= $2) AND ($3::timestamptz IS NULL OR recorded_at <= $3)
       ORDER BY stream_version`,
      [streamId, options.toVersion ?? null, options.toInstant?.toISOString() ?? null],
    );
    const events = rows.map(toRecorded);
    if (options.toVersion === undefined && options.toInstant === undefined) this.rememberHeads(events);
    return events;
  }

  /** The last event of each stream read whole: the head a following append links to. */
  private rememberHeads(events: readonly RecordedEvent[]) {
    for (let i = 0; i < events.length; i++) {
      if (i + 1 === events.length || events[i + 1].streamId !== events[i].streamId)
        this.headCache.set(events[i].streamId, events[i].streamVersion, events[i].hash);
    }
  }

  async readStreams(streamIds: readonly string[], options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (streamIds.length === 0) return [];
    const rows: EventRow[] = await this.query(
      `SELECT ${EVENT_COLUMNS} FROM ${this.table} JOIN unnest($1::text[]) WITH ORDINALITY AS asked(stream_id, n) USING (stream_id)
       WHERE ($2::int IS NULL OR stream_version <= $2) AND ($3::timestamptz IS NULL OR recorded_at <= $3)
       ORDER BY asked.n, stream_version`,
      [[...streamIds], options.toVersion ?? null, options.toInstant?.toISOString() ?? null],
    );
    const events = rows.map(toRecorded);
    if (options.toVersion === undefined && options.toInstant === undefined) this.rememberHeads(events);
    return events;
  }

  async readAll(from: GlobalPosition, limit: number): Promise<ReadAllResult> {
    const rows: EventRow[] = await this.query(
      // Ordered by the table's xid8 column, qualified: a bare `transaction_id` in ORDER BY names
      // the selected text alias and sorts "10000" before "9998" (skipped events, and a sort
      // instead of the commit-order index).
      `SELECT ${EVENT_COLUMNS} FROM ${this.table} e
       WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
         AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY e.transaction_id, e.global_position
       LIMIT $3`,
      [from.transactionId, from.position, limit],
    );
    const events = rows.map(toRecorded);
    return { events, position: events.length ? events[events.length - 1].globalPosition : from };
  }

  async verifyStream(streamId: string): Promise<IntegrityReport> {
    return verifyChain(streamId, await this.readStream(streamId));
  }

  /** Each stream's last version and hash, optionally as recorded at an instant (for digests). */
  async streamHeads(asOf?: Date): Promise<StreamHead[]> {
    const rows: Array<{ stream_id: string; stream_version: number; hash: string }> = await this.query(
      `SELECT DISTINCT ON (stream_id) stream_id, stream_version, hash FROM ${this.table}
       WHERE ($1::timestamptz IS NULL OR recorded_at <= $1)
       ORDER BY stream_id, stream_version DESC`,
      [asOf?.toISOString() ?? null],
    );
    return rows.map((row) => ({ streamId: row.stream_id, version: row.stream_version, hash: row.hash }));
  }

  async listStreams(prefix = ''): Promise<string[]> {
    const rows: Array<{ stream_id: string }> = await this.query(`SELECT DISTINCT stream_id FROM ${this.table} WHERE stream_id LIKE $1 ORDER BY stream_id`, [
      `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    ]);
    return rows.map((row) => row.stream_id);
  }

  private async heads(manager: EntityManager, streamIds: string[]): Promise<Map<string, StreamHeadRow>> {
    const rows: Array<{ stream_id: string; stream_version: number; hash: string; transaction_id: string; own_transaction_id: string }> = await manager.query(
      // One backward index probe per stream: the cost does not grow with the stream's length.
      `SELECT head.*, pg_current_xact_id()::text AS own_transaction_id
       FROM unnest($1::text[]) AS wanted(stream_id)
       CROSS JOIN LATERAL (
         SELECT stream_id, stream_version, hash, transaction_id::text AS transaction_id FROM ${this.table} e
         WHERE e.stream_id = wanted.stream_id ORDER BY stream_version DESC LIMIT 1
       ) head`,
      [streamIds],
    );
    return new Map(
      rows.map((row) => [
        row.stream_id,
        { version: row.stream_version, hash: row.hash, transactionId: row.transaction_id, ownTransactionId: row.own_transaction_id },
      ]),
    );
  }

  private async currentVersion(streamId: string, outsideTransaction = false): Promise<number> {
    const run = outsideTransaction ? this.dataSource : (this.binding?.manager ?? this.dataSource);
    const [row] = await run.query(`SELECT max(stream_version) AS version FROM ${this.table} WHERE stream_id = $1`, [streamId]);
    return Number(row?.version ?? 0);
  }

  private query(sql: string, parameters: unknown[]) {
    return (this.binding?.manager ?? this.dataSource).query(sql, parameters);
  }
}

function versionMatches(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 0;
  return expected === actual;
}

export function toRecorded(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: new Date(row.recorded_at),
    globalPosition: { transactionId: String(row.transaction_id), position: String(row.global_position) },
    hash: row.hash,
    previousHash: row.previous_hash,
  };
}

/** Walks a stream's chain: versions 1..n without gaps, each link and each hash recomputed. */
export function verifyChain(streamId: string, events: readonly RecordedEvent[]): IntegrityReport {
  let previousHash: string | null = null;
  for (const [index, event] of events.entries()) {
    const broken = (reason: string): IntegrityReport => ({ streamId, ok: false, checkedEvents: index + 1, firstBrokenVersion: index + 1, reason });
    if (event.streamVersion !== index + 1) return broken(`version ${index + 1} is missing (found ${event.streamVersion})`);
    if (event.previousHash !== previousHash) return broken(`version ${event.streamVersion} does not link to the hash of version ${index}`);
    const expected = eventHash({ ...event, previousHash });
    if (expected !== event.hash) return broken(`version ${event.streamVersion} does not match its hash: its content was changed`);
    previousHash = event.hash;
  }
  return { streamId, ok: true, checkedEvents: events.length, firstBrokenVersion: null, reason: null };
}
