import { DomainError } from '@reform/decider';
import {
  assertSchemaName,
  EventMetadata,
  NewEvent,
  PostgresEventStore,
  project,
  Projection,
  StreamAppend,
  WrongExpectedVersionError,
} from '@reform/event-store';
import { Assignment, AssignmentCommand, AssignmentFacts, assignmentDecider, assignmentStreamId } from '../../domain/assignment/assignment.decider';
import { fromStored, StoredAssignment } from '../../read/assignments/stored-assignment';

export interface BatchOptions {
  readonly store: PostgresEventStore;
  readonly projections: readonly Projection[];
  readonly metadata: EventMetadata;
  /** Streams per transaction (default 2,000). */
  readonly chunkSize?: number;
  /** Chunks of one `createAssignments` call in flight at once, each its own transaction and connection (default 2). */
  readonly parallelChunks?: number;
  /** Called after each committed chunk (progress logs; tests interrupt here). */
  readonly afterChunk?: (written: number) => Promise<void> | void;
}

export const DEFAULT_CHUNK_SIZE = 2_000;
export const DEFAULT_PARALLEL_CHUNKS = 2;

/**
 * Creates assignments in chunks, each chunk one transaction: events appended with
 * `appendMany` (expected version "no stream") and projected inline.
 *
 * Why chunks: a plan sent to every commune of the country is ≈500,000 assignments; one
 * transaction of that size holds locks and memory for minutes and fails whole. Why it stays
 * exactly-once: the ids are deterministic (assignmentId), so each chunk first drops the streams
 * that already exist; a chunk that races another writer of the same streams (a redelivery on a
 * second replica) fails on the unique (stream, version) key and is retried, skipping them again.
 *
 * Why several chunks at once: a chunk is CPU in this process (decide, hash, serialise) and then
 * CPU in PostgreSQL (insert, index); one at a time, each waits for the other. Two in flight keep
 * both busy. Their streams are distinct, and the roll-up counts they share are locked in key
 * order (assignmentsProjection), so they do not deadlock. A failure (or `afterChunk` throwing to
 * stop) starts no further chunk, lets those in flight finish, and is thrown; what committed stays
 * and a retry skips it.
 * Returns how many assignments this call created (0 when all existed).
 */
export async function createAssignments(all: Iterable<AssignmentFacts>, options: BatchOptions): Promise<number> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const parallel = Math.max(1, options.parallelChunks ?? DEFAULT_PARALLEL_CHUNKS);
  let created = 0;
  let failure: { error: unknown } | null = null;
  const inFlight = new Set<Promise<void>>();
  const start = (chunk: readonly AssignmentFacts[]) => {
    const running: Promise<void> = createChunk(chunk, options)
      .then(async (count) => {
        created += count;
        await options.afterChunk?.(created);
      })
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };
  let chunk: AssignmentFacts[] = [];
  for (const facts of all) {
    chunk.push(facts);
    if (chunk.length < chunkSize) continue;
    start(chunk);
    chunk = [];
    while (inFlight.size >= parallel) await Promise.race(inFlight);
    if (failure) break;
  }
  if (!failure && chunk.length) start(chunk);
  await Promise.all(inFlight);
  if (failure) throw (failure as { error: unknown }).error;
  return created;
}

/**
 * The first attempt appends the whole chunk as new streams: appendMany reads the streams' heads
 * anyway and refuses the batch if one exists, so a fresh chunk (nearly every one) costs no
 * lookup of its own. After that refusal — a resumed job, a redelivery, a concurrent writer — the
 * chunk is tried again without the streams that exist.
 */
async function createChunk(chunk: readonly AssignmentFacts[], options: BatchOptions, attempt = 0): Promise<number> {
  try {
    return await options.store.transaction(async ({ store, manager }) => {
      const ids = chunk.map((facts) => assignmentStreamId(facts.id));
      const table = `"${assertSchemaName(store.schema)}".events`;
      const existing: Array<{ stream_id: string }> =
        attempt === 0 ? [] : await manager.query(`SELECT stream_id FROM ${table} WHERE stream_id = ANY($1::text[]) AND stream_version = 1`, [ids]);
      const skip = new Set(existing.map((row) => row.stream_id));
      const batch: StreamAppend[] = [];
      for (const facts of chunk) {
        const streamId = assignmentStreamId(facts.id);
        if (skip.has(streamId)) continue;
        skip.add(streamId); // a key repeated in the input (a unit listed twice) is created once
        batch.push({
          streamId,
          expectedVersion: 'no_stream',
          events: assignmentDecider.decide({ type: 'CreateAssignment', data: facts }, assignmentDecider.initialState) as NewEvent[],
        });
      }
      if (batch.length === 0) return 0;
      const recorded = await store.appendMany(batch, options.metadata);
      await project(options.projections, recorded, manager);
      return batch.length;
    });
  } catch (error) {
    if (error instanceof WrongExpectedVersionError && attempt < 4) return createChunk(chunk, options, attempt + 1);
    throw error;
  }
}

/**
 * Applies one command to many existing assignments (cancel a removed task's, reschedule,
 * close a plan), chunk by chunk. Each is decided on the state the read model holds (written in
 * the same transaction as its events, so it is the stream's state at `version`) and appended
 * with that version: a concurrent change fails the chunk, which is re-read and retried. An
 * assignment the command no longer applies to (already cancelled, completed) is skipped, which
 * makes a redelivery harmless.
 */
export async function commandAssignments(
  ids: readonly string[],
  commandFor: (state: Assignment) => AssignmentCommand | null,
  options: BatchOptions,
): Promise<number> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  let changed = 0;
  for (let start = 0; start < ids.length; start += chunkSize) {
    changed += await commandChunk(ids.slice(start, start + chunkSize), commandFor, options);
    await options.afterChunk?.(changed);
  }
  return changed;
}

async function commandChunk(
  ids: readonly string[],
  commandFor: (state: Assignment) => AssignmentCommand | null,
  options: BatchOptions,
  attempt = 0,
): Promise<number> {
  try {
    return await options.store.transaction(async ({ store, manager }) => {
      const rows: Array<{ id: string; version: number; state: StoredAssignment }> = await manager.query(
        `SELECT id, version, state FROM "${assertSchemaName(store.schema)}".assignments WHERE id = ANY($1::text[])`,
        [ids],
      );
      const batch: StreamAppend[] = [];
      for (const row of rows) {
        const state = fromStored(row.state);
        const command = commandFor(state);
        if (!command) continue;
        try {
          const events = assignmentDecider.decide(command, state);
          if (events.length) batch.push({ streamId: assignmentStreamId(row.id), expectedVersion: row.version, events: events as NewEvent[] });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
      if (batch.length === 0) return 0;
      const recorded = await store.appendMany(batch, options.metadata);
      await project(options.projections, recorded, manager);
      return batch.length;
    });
  } catch (error) {
    if (error instanceof WrongExpectedVersionError && attempt < 3) return commandChunk(ids, commandFor, options, attempt + 1);
    throw error;
  }
}
