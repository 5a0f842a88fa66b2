import { Command, Decider, DomainEvent, fold } from '@reform/decider';
import { EventMetadata, RecordedEvent, StaleTransactionError, WrongExpectedVersionError } from './event-store.port';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { Projection, project } from './projection';
import { appliedIdempotencyStep, isIdempotencyKeyCollision, nextIdempotencyStep, recordIdempotencyStep } from './idempotency';

export interface HandleCommandOptions<C extends Command, E extends DomainEvent, S> {
  readonly store: PostgresEventStore;
  readonly decider: Decider<C, E, S>;
  readonly streamId: string;
  readonly command: C;
  /**
   * Who and why; a function gets the stream's events as read, for metadata that follows them
   * (e.g. the causation: the event the actor acted upon).
   */
  readonly metadata: EventMetadata | ((past: readonly RecordedEvent[]) => EventMetadata);
  /** The service's inline projections, run in the append's transaction. */
  readonly projections?: readonly Projection[];
  /** Re-reads and decides again on a concurrent write; safe because decide is pure. */
  readonly maxRetries?: number;
}

export interface HandledCommand<E extends DomainEvent, S> {
  readonly state: S;
  readonly events: RecordedEvent<E['type'], E['data']>[];
  readonly version: number;
  /** 1, plus one for each retry after a concurrent write. */
  readonly attempts: number;
  /** The stream the command was applied to (a replay's is the first request's). */
  readonly streamId: string;
  /** True when an idempotency key found this command already applied: nothing was decided or appended. */
  readonly replayed: boolean;
}

/**
 * The thin shell around a decider: load the stream, fold, decide, append with the version that
 * was read, project in the same transaction, commit. A DomainError from decide propagates as is.
 * With a store bound to the caller's transaction (`store.withManager(manager)`), each attempt
 * runs in a savepoint of it and the caller commits.
 */
export async function handleCommand<C extends Command, E extends DomainEvent, S>(options: HandleCommandOptions<C, E, S>): Promise<HandledCommand<E, S>> {
  const { store, decider, streamId, command, metadata, projections = [], maxRetries = 3 } = options;
  // The request's idempotency key, if any (idempotency.ts): claimed once, before the retries.
  const idempotency = nextIdempotencyStep();
  for (let attempt = 0; ; attempt++) {
    try {
      return await store.transaction(async ({ store: tx, manager }) => {
        const first = idempotency ? await appliedIdempotencyStep(manager, store.schema, idempotency) : null;
        if (first) {
          const past = await tx.readStream(first.streamId, { toVersion: first.toVersion });
          return {
            state: fold(decider, past as unknown as E[]),
            events: past.slice(first.fromVersion) as RecordedEvent<E['type'], E['data']>[],
            version: first.toVersion,
            attempts: attempt + 1,
            streamId: first.streamId,
            replayed: true,
          };
        }
        const past = await tx.readStream(streamId);
        const state = fold(decider, past as unknown as E[]);
        const decided = decider.decide(command, state);
        const remember = async (toVersion: number) => {
          if (idempotency) await recordIdempotencyStep(manager, store.schema, idempotency, streamId, past.length, toVersion);
        };
        if (decided.length === 0) {
          await remember(past.length);
          return { state, events: [], version: past.length, attempts: attempt + 1, streamId, replayed: false };
        }
        const { events, nextExpectedVersion } = await tx.append(streamId, past.length, decided, typeof metadata === 'function' ? metadata(past) : metadata);
        await project(projections, events, manager);
        await remember(nextExpectedVersion);
        return {
          state: fold(decider, decided, state),
          events: events as RecordedEvent<E['type'], E['data']>[],
          version: nextExpectedVersion,
          attempts: attempt + 1,
          streamId,
          replayed: false,
        };
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError && attempt < maxRetries && !(error instanceof StaleTransactionError && store.joinsCallerTransaction)) continue;
      // The same key sent twice at once: the second's row collided with the first's; its next
      // attempt finds the first's row and answers with its result.
      if (idempotency && isIdempotencyKeyCollision(error) && attempt < maxRetries && !store.joinsCallerTransaction) continue;
      throw error;
    }
  }
}
