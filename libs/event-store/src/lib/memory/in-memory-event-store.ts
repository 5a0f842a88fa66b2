import { randomUUID } from 'node:crypto';
import { eventHash } from '../canonical';
import { IdempotencyKeyCollision, IdempotencyKeyReusedError } from '../idempotency';
import { Projection } from '../projection';
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
  StoreTransaction,
  StreamAppend,
  WrongExpectedVersionError,
} from '../event-store.port';
import { verifyChain } from '../postgres/postgres-event-store';

export interface InMemoryEventStoreOptions {
  /** Where `recordedAt` comes from; tests may fix it. */
  readonly clock?: () => Date;
}

/**
 * The event store in memory: the same contract as PostgreSQL (versions, conflicts, atomic
 * batches, commit order, hash chain), for deciders' command tests that need no database, as
 * Emmett's in-memory store serves its users. Each append is one "transaction": appends run to
 * completion between awaits, so commit order is append order. Data and metadata are copied
 * through JSON on the way in and out, as jsonb would, so a caller cannot change a stored event.
 * `transaction` rolls back what it appended when its work throws, and keeps the idempotency
 * record as PostgreSQL does; projections need a database (SQL), so it refuses to run any.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private transactions = 0;
  private readonly clock: () => Date;
  private readonly steps = new Map<string, { fingerprint: string; applied: AppliedStep }>();
  readonly joinsCallerTransaction = false;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
  }

  async append(streamId: string, expectedVersion: ExpectedVersion, events: readonly NewEvent[], metadata: EventMetadata): Promise<AppendResult> {
    const recorded = this.commit([{ streamId, expectedVersion, events }], metadata);
    return { nextExpectedVersion: this.version(streamId), events: recorded.map(copy) };
  }

  async appendMany(batch: readonly StreamAppend[], metadata: EventMetadata): Promise<RecordedEvent[]> {
    if (new Set(batch.map((entry) => entry.streamId)).size !== batch.length) throw new Error('appendMany: each stream may appear once per batch');
    return this.commit(batch, metadata).map(copy);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return (this.streams.get(streamId) ?? []).filter((event) => within(event, options)).map(copy);
  }

  async readStreams(streamIds: readonly string[], options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return streamIds.flatMap((streamId) => (this.streams.get(streamId) ?? []).filter((event) => within(event, options))).map(copy);
  }

  async readAll(from: GlobalPosition, limit: number): Promise<ReadAllResult> {
    const after = this.log
      .filter((event) => compare(event.globalPosition, from) > 0)
      .slice(0, limit)
      .map(copy);
    return { events: after, position: after.length ? after[after.length - 1].globalPosition : from };
  }

  async verifyStream(streamId: string): Promise<IntegrityReport> {
    return verifyChain(streamId, this.streams.get(streamId) ?? []);
  }

  async appliedStep(step: IdempotencyStep): Promise<AppliedStep | null> {
    const first = this.steps.get(stepKey(step));
    if (!first) return null;
    if (first.fingerprint !== step.fingerprint) throw new IdempotencyKeyReusedError(step.key);
    return { ...first.applied };
  }

  /** Appends through `tx.store` are undone, and its idempotency records dropped, when `work` throws. */
  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    const appended = new Set<string>();
    const steps: Array<[string, { fingerprint: string; applied: AppliedStep }]> = [];
    const store: EventStore = {
      joinsCallerTransaction: true,
      transaction: (nested) => nested(tx),
      appliedStep: (step) => this.appliedStep(step),
      append: async (streamId, expectedVersion, events, metadata) => track(await this.append(streamId, expectedVersion, events, metadata)),
      appendMany: async (batch, metadata) => track({ events: await this.appendMany(batch, metadata) }).events,
      readStream: (streamId, options) => this.readStream(streamId, options),
      readStreams: (streamIds, options) => this.readStreams(streamIds, options),
      readAll: (from, limit) => this.readAll(from, limit),
      verifyStream: (streamId) => this.verifyStream(streamId),
    };
    const track = <R extends { events: RecordedEvent[] }>(result: R): R => {
      for (const event of result.events) appended.add(event.eventId);
      return result;
    };
    const tx: StoreTransaction = {
      store,
      project: async (projections: readonly Projection[], events: readonly RecordedEvent[]) => {
        const wanted = projections.filter((projection) => events.some((event) => projection.eventTypes.includes(event.type)));
        if (wanted.length) throw new Error(`InMemoryEventStore runs no SQL projections (${wanted.map((p) => p.name).join(', ')}): test them on PostgreSQL`);
      },
      recordStep: async (step, applied) => {
        if (this.steps.has(stepKey(step)) || steps.some(([key]) => key === stepKey(step))) throw new IdempotencyKeyCollision();
        steps.push([stepKey(step), { fingerprint: step.fingerprint, applied: { ...applied } }]);
      },
    };
    try {
      const result = await work(tx);
      for (const [key, step] of steps) {
        if (this.steps.has(key)) throw new IdempotencyKeyCollision();
        this.steps.set(key, step);
      }
      return result;
    } catch (error) {
      this.rollBack(appended);
      throw error;
    }
  }

  private rollBack(eventIds: ReadonlySet<string>): void {
    if (!eventIds.size) return;
    const kept = this.log.filter((event) => !eventIds.has(event.eventId));
    this.log.splice(0, this.log.length, ...kept);
    for (const [streamId, events] of this.streams)
      this.streams.set(
        streamId,
        events.filter((event) => !eventIds.has(event.eventId)),
      );
  }

  /** Checks every expected version first, then records all or nothing. */
  private commit(batch: readonly StreamAppend[], metadata: EventMetadata): RecordedEvent[] {
    for (const entry of batch) {
      const actual = this.version(entry.streamId);
      if (!versionMatches(entry.expectedVersion, actual)) throw new WrongExpectedVersionError(entry.streamId, entry.expectedVersion, actual);
    }
    const transactionId = String(++this.transactions);
    const recordedAt = this.clock();
    const frozenMetadata = json(metadata);
    const recorded: RecordedEvent[] = [];
    for (const entry of batch) {
      const stream = this.streams.get(entry.streamId) ?? [];
      let previousHash = stream.length ? stream[stream.length - 1].hash : null;
      for (const event of entry.events) {
        const fields = {
          eventId: event.eventId ?? randomUUID(),
          streamId: entry.streamId,
          streamVersion: stream.length + 1,
          type: event.type,
          schemaVersion: event.schemaVersion ?? 1,
          data: json(event.data),
          metadata: frozenMetadata,
          recordedAt,
          previousHash,
        };
        if (this.log.some((existing) => existing.eventId === fields.eventId)) throw new Error(`event id ${fields.eventId} is already in the store`);
        const hash = eventHash(fields);
        const stored: RecordedEvent = { ...fields, hash, globalPosition: { transactionId, position: String(this.log.length + recorded.length + 1) } };
        stream.push(stored);
        recorded.push(stored);
        previousHash = hash;
      }
      this.streams.set(entry.streamId, stream);
    }
    this.log.push(...recorded);
    return recorded;
  }

  private version(streamId: string): number {
    return this.streams.get(streamId)?.length ?? 0;
  }
}

const stepKey = (step: IdempotencyStep) => JSON.stringify([step.scope, step.key, step.step]);

function versionMatches(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 0;
  return expected === actual;
}

function within(event: RecordedEvent, options: ReadStreamOptions): boolean {
  if (options.toVersion !== undefined && event.streamVersion > options.toVersion) return false;
  if (options.toInstant !== undefined && event.recordedAt.getTime() > options.toInstant.getTime()) return false;
  return true;
}

/** Commit order, numerically: transaction id, then position. */
function compare(a: GlobalPosition, b: GlobalPosition): number {
  const byTransaction = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (byTransaction !== 0n) return byTransaction > 0n ? 1 : -1;
  const byPosition = BigInt(a.position) - BigInt(b.position);
  return byPosition === 0n ? 0 : byPosition > 0n ? 1 : -1;
}

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null));

function copy(event: RecordedEvent): RecordedEvent {
  return {
    ...event,
    data: json(event.data),
    metadata: json(event.metadata),
    recordedAt: new Date(event.recordedAt),
    globalPosition: { ...event.globalPosition },
  };
}
