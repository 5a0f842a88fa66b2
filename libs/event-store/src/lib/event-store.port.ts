import type { Projection } from './projection';

/**
 * The event store port: what `handleCommand` and the services depend on. The PostgreSQL adapter
 * serves the services, the in-memory adapter the tests that need no database; both pass the
 * same contract suite (../testing/event-store.contract.ts), as a KurrentDB adapter would have to.
 */

/** Who did it: the account and the unit it acted for. System actions use `SYSTEM_ACTOR`. */
export interface Actor {
  /** Account id, or `system` for the platform's own actions (imports, schedulers). */
  readonly accountId: string;
  readonly username: string;
  /** The unit code the actor acted for (null for the platform itself). */
  readonly unitCode: string | null;
}

export const SYSTEM_ACTOR: Actor = { accountId: 'system', username: 'system', unitCode: null };

/** Metadata the caller gives; the store adds event id, recorded-at and schema version. */
export interface EventMetadata {
  readonly actor: Actor;
  /** The tenant whose data this is: a district code, a province code, or `platform`. */
  readonly tenant: string;
  readonly correlationId: string;
  /** The event or command that caused this one; null for a user's first command. */
  readonly causationId: string | null;
  /**
   * The W3C trace context of the append (ADR 0028), set by the store when tracing is on: the
   * outbox relay publishes the event later, from another context, as a child of it. Absent on
   * events appended with tracing off; part of the hashed metadata like the rest.
   */
  readonly traceparent?: string;
}

export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  /** Schema version of `data` for this type; defaults to 1. */
  readonly schemaVersion?: number;
  /** Preset event id (uuid); generated when absent. */
  readonly eventId?: string;
}

/** Position in the store-wide order: commit order (transaction id), then position inside it. */
export interface GlobalPosition {
  readonly transactionId: string; // xid8 as decimal string
  readonly position: string; // bigint as decimal string
}

export const START: GlobalPosition = { transactionId: '0', position: '0' };

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly eventId: string;
  readonly streamId: string;
  /** 1 for the first event of a stream. */
  readonly streamVersion: number;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
  readonly globalPosition: GlobalPosition;
  /** sha256 over the previous hash and this event's canonical form (hex). */
  readonly hash: string;
  readonly previousHash: string | null;
}

/**
 * The version the writer last saw: a number (0 = the stream must not exist yet),
 * 'no_stream' (same as 0) or 'any' (no check; for imports that are idempotent by content).
 */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface AppendResult {
  /** Version of the stream after the append; pass it as the next expected version. */
  readonly nextExpectedVersion: number;
  readonly events: RecordedEvent[];
}

export interface ReadStreamOptions {
  /** Last version to include. */
  readonly toVersion?: number;
  /** Include only events recorded at or before this instant. */
  readonly toInstant?: Date;
}

export interface ReadAllResult {
  readonly events: RecordedEvent[];
  /** Where the next read starts (the last event's position, or `from` when none). */
  readonly position: GlobalPosition;
}

export interface IntegrityReport {
  readonly streamId: string;
  readonly ok: boolean;
  readonly checkedEvents: number;
  /** First version whose stored hash or link does not match; null when ok. */
  readonly firstBrokenVersion: number | null;
  readonly reason: string | null;
}

export interface StreamAppend {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly NewEvent[];
}

/** A request's idempotency key at the step of the command about to run (idempotency.ts). */
export interface IdempotencyStep {
  readonly scope: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly step: number;
}

/** What the first request with a key applied at a step: the stream and the versions it appended. */
export interface AppliedStep {
  readonly streamId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
}

/**
 * One transaction of the store: events appended through `store`, the inline projections and the
 * idempotency record commit together or not at all.
 */
export interface StoreTransaction {
  readonly store: EventStore;
  /** Runs the service's inline projections over events appended in this transaction. */
  project(projections: readonly Projection[], events: readonly RecordedEvent[]): Promise<void>;
  /** Records what this key's step applied (`appliedStep` answers it to a retry). */
  recordStep(step: IdempotencyStep, applied: AppliedStep): Promise<void>;
}

export interface EventStore {
  /** Runs `work` in one transaction (a savepoint of the caller's when the store joins one). */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** True when the store runs inside a transaction its caller owns: a conflict there is not retried in a new one. */
  readonly joinsCallerTransaction: boolean;
  /** What an idempotency key's step applied, or null; the same key with another request is refused (CONFLICT). */
  appliedStep(step: IdempotencyStep): Promise<AppliedStep | null>;

  append(streamId: string, expectedVersion: ExpectedVersion, events: readonly NewEvent[], metadata: EventMetadata): Promise<AppendResult>;
  /** Appends to many streams atomically: all or nothing (imports, seeds). */
  appendMany(batch: readonly StreamAppend[], metadata: EventMetadata): Promise<RecordedEvent[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Several streams at once (a task's assignments), each in version order, streams in the order asked. */
  readStreams(streamIds: readonly string[], options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Every event of this store in commit order after `from`; never skips a late commit. */
  readAll(from: GlobalPosition, limit: number): Promise<ReadAllResult>;
  /** Walks the stream's hash chain. */
  verifyStream(streamId: string): Promise<IntegrityReport>;
}

/** Optimistic concurrency: the stream moved since the writer read it. */
export class WrongExpectedVersionError extends Error {
  readonly code = 'CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    readonly actualVersion: number,
  ) {
    super(`Wrong expected version on stream "${streamId}": expected ${expectedVersion}, actual ${actualVersion}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/**
 * The appending transaction got its id (by writing something else first) before another
 * transaction committed the stream's last event. readAll orders by transaction id, so appending
 * would place this event before its predecessor; it is refused. Retrying in a new transaction
 * succeeds (`handleCommand` does so unless it runs inside the caller's transaction).
 */
export class StaleTransactionError extends WrongExpectedVersionError {
  constructor(streamId: string, expectedVersion: ExpectedVersion, actualVersion: number) {
    super(streamId, expectedVersion, actualVersion);
    this.message = `Stream "${streamId}" was appended to (version ${actualVersion}) by a transaction younger than this one; retry in a new transaction`;
    this.name = 'StaleTransactionError';
  }
}
