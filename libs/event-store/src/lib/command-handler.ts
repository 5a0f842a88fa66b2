import { Command, Decider, DomainEvent, fold, NO_UPCASTERS, Upcasters } from '@reform/decider';
import { activeSpan, inSpan } from '@reform/observability';
import { EventMetadata, EventStore, IdempotencyStep, NewEvent, RecordedEvent, StaleTransactionError, WrongExpectedVersionError } from './event-store.port';
import { isIdempotencyKeyCollision, nextIdempotencyStep } from './idempotency';
import { Projection } from './projection';
import { domainEventsOf } from './stored-events';

export interface HandleCommandOptions<C extends Command, E extends DomainEvent, S> {
  readonly store: EventStore;
  readonly decider: Decider<C, E, S>;
  readonly streamId: string;
  /**
   * The command, or how to build it from the state it will be decided against: the place for an
   * access check on that state and for what the command needs to look up (the units of a day).
   * The stream is read once per attempt; a function runs again on a retry after a concurrent write.
   */
  readonly command: C | ((state: S) => C | Promise<C>);
  /**
   * Who and why; a function gets the stream's events as read and the state, for metadata that
   * follows them (the causation: the event the actor acted upon; the tenant of the entity).
   */
  readonly metadata: EventMetadata | ((past: readonly RecordedEvent[], state: S) => EventMetadata | Promise<EventMetadata>);
  /** The service's inline projections, run in the append's transaction. */
  readonly projections?: readonly Projection[];
  /** Lift stored events of older schema versions before they are folded; new events get the current version. */
  readonly upcasters?: Upcasters;
  /** Re-reads and decides again on a concurrent write; safe because decide is pure. */
  readonly maxRetries?: number;
}

/** What every service's command shell (its writer) takes on the store's side, on PostgreSQL or in memory. */
export interface CommandShellDependencies {
  readonly store: EventStore;
  /** The read models kept in the append's transaction (none in a test on the in-memory store). */
  readonly projections: readonly Projection[];
  /** Called after events were appended (the relay publishes at once rather than at its next poll). */
  readonly appended: () => void;
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
 * The thin shell around a decider, on the `EventStore` port: read the stream once, fold, build and
 * decide the command against that state, then in one transaction append with the version that
 * was read (a concurrent write fails it, and the whole is tried again), project and record the
 * idempotency key. A DomainError from the command or decide propagates as is. With a store bound
 * to the caller's transaction (`withManager`), the append runs in a savepoint of it.
 */
export function handleCommand<C extends Command, E extends DomainEvent, S>(options: HandleCommandOptions<C, E, S>): Promise<HandledCommand<E, S>> {
  // One span per command (ADR 0028), named by the command once it is built: `command IssuePlan`.
  const named = typeof options.command === 'function' ? 'command' : `command ${options.command.type}`;
  return inSpan(named, { attributes: { 'reform.stream': options.streamId } }, () => handleCommandTraced(options));
}

async function handleCommandTraced<C extends Command, E extends DomainEvent, S>(options: HandleCommandOptions<C, E, S>): Promise<HandledCommand<E, S>> {
  const { store, maxRetries = 3 } = options;
  // The request's idempotency key, if any (idempotency.ts): claimed once, before the retries.
  const idempotency = nextIdempotencyStep();
  for (let attempt = 1; ; attempt++) {
    try {
      const first = idempotency ? await store.appliedStep(idempotency) : null;
      if (first) return await replay(options, first, attempt);
      return await decideAndAppend(options, idempotency, attempt);
    } catch (error) {
      if (!retryable(error, store, idempotency) || attempt > maxRetries) throw error;
    }
  }
}

function retryable(error: unknown, store: EventStore, idempotency: IdempotencyStep | null): boolean {
  if (error instanceof StaleTransactionError) return !store.joinsCallerTransaction;
  if (error instanceof WrongExpectedVersionError) return true;
  // The same key sent twice at once: the second's record collided with the first's; its next
  // attempt finds the first's and answers with its result.
  return !!idempotency && isIdempotencyKeyCollision(error) && !store.joinsCallerTransaction;
}

/** A retried request: the stream as the first one left it, nothing decided or appended. */
async function replay<C extends Command, E extends DomainEvent, S>(
  { store, decider, upcasters = NO_UPCASTERS }: HandleCommandOptions<C, E, S>,
  first: { streamId: string; fromVersion: number; toVersion: number },
  attempts: number,
): Promise<HandledCommand<E, S>> {
  const past = await store.readStream(first.streamId, { toVersion: first.toVersion });
  return {
    state: fold(decider, domainEventsOf<E>(past, upcasters)),
    events: past.slice(first.fromVersion) as RecordedEvent<E['type'], E['data']>[],
    version: first.toVersion,
    attempts,
    streamId: first.streamId,
    replayed: true,
  };
}

async function decideAndAppend<C extends Command, E extends DomainEvent, S>(
  options: HandleCommandOptions<C, E, S>,
  idempotency: IdempotencyStep | null,
  attempts: number,
): Promise<HandledCommand<E, S>> {
  const { store, decider, streamId, metadata, projections = [], upcasters = NO_UPCASTERS } = options;
  const past = await store.readStream(streamId);
  const state = fold(decider, domainEventsOf<E>(past, upcasters));
  const command = typeof options.command === 'function' ? await options.command(state) : options.command;
  activeSpan().updateName(`command ${command.type}`);
  const decided = decider.decide(command, state);
  const toAppend: NewEvent[] = decided.map((event) => ({ type: event.type, data: event.data, schemaVersion: upcasters.currentVersion(event.type) }));
  const meta = decided.length && typeof metadata === 'function' ? await metadata(past, state) : metadata;
  return store.transaction(async (tx) => {
    const remember = async (toVersion: number) => {
      if (idempotency) await tx.recordStep(idempotency, { streamId, fromVersion: past.length, toVersion });
    };
    if (decided.length === 0) {
      await remember(past.length);
      return { state, events: [], version: past.length, attempts, streamId, replayed: false };
    }
    const { events, nextExpectedVersion } = await tx.store.append(streamId, past.length, toAppend, meta as EventMetadata);
    await tx.project(projections, events);
    await remember(nextExpectedVersion);
    return {
      state: fold(decider, decided, state),
      events: events as RecordedEvent<E['type'], E['data']>[],
      version: nextExpectedVersion,
      attempts,
      streamId,
      replayed: false,
    };
  });
}
