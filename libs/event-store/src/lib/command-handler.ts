import { Command, Decider, DomainEvent, fold } from '@reform/decider';
import { EventMetadata, RecordedEvent, StaleTransactionError, WrongExpectedVersionError } from './event-store.port';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { Projection, project } from './projection';

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
}

/**
 * The thin shell around a decider: load the stream, fold, decide, append with the version that
 * was read, project in the same transaction, commit. A DomainError from decide propagates as is.
 * With a store bound to the caller's transaction (`store.withManager(manager)`), each attempt
 * runs in a savepoint of it and the caller commits.
 */
export async function handleCommand<C extends Command, E extends DomainEvent, S>(options: HandleCommandOptions<C, E, S>): Promise<HandledCommand<E, S>> {
  const { store, decider, streamId, command, metadata, projections = [], maxRetries = 3 } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      return await store.transaction(async ({ store: tx, manager }) => {
        const past = await tx.readStream(streamId);
        const state = fold(decider, past as unknown as E[]);
        const decided = decider.decide(command, state);
        if (decided.length === 0) return { state, events: [], version: past.length, attempts: attempt + 1 };
        const { events, nextExpectedVersion } = await tx.append(streamId, past.length, decided, typeof metadata === 'function' ? metadata(past) : metadata);
        await project(projections, events, manager);
        return {
          state: fold(decider, decided, state),
          events: events as RecordedEvent<E['type'], E['data']>[],
          version: nextExpectedVersion,
          attempts: attempt + 1,
        };
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError && attempt < maxRetries && !(error instanceof StaleTransactionError && store.joinsCallerTransaction)) continue;
      throw error;
    }
  }
}
