import { randomUUID } from 'node:crypto';
import { eventHash } from '../canonical';
import {
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedVersion,
  GlobalPosition,
  IntegrityReport,
  NewEvent,
  ReadAllResult,
  ReadStreamOptions,
  RecordedEvent,
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
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private transactions = 0;
  private readonly clock: () => Date;

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
    const after = this.log.filter((event) => compare(event.globalPosition, from) > 0).slice(0, limit).map(copy);
    return { events: after, position: after.length ? after[after.length - 1].globalPosition : from };
  }

  async verifyStream(streamId: string): Promise<IntegrityReport> {
    return verifyChain(streamId, this.streams.get(streamId) ?? []);
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
  return { ...event, data: json(event.data), metadata: json(event.metadata), recordedAt: new Date(event.recordedAt), globalPosition: { ...event.globalPosition } };
}
