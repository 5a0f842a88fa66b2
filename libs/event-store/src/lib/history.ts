import { DomainEvent, fold, NO_UPCASTERS, Upcasters } from '@reform/decider';
import { EventStore, RecordedEvent } from './event-store.port';
import { domainEventOf, domainEventsOf, upcastRecorded } from './stored-events';

export interface HistoryEntry<S> {
  readonly version: number;
  readonly type: string;
  readonly recordedAt: Date;
  readonly actor: RecordedEvent['metadata']['actor'];
  readonly data: unknown;
  readonly state: S;
  readonly correlationId: string;
  readonly causationId: string | null;
}

/**
 * A stream's history: each event with who recorded it and the state right after it, folded with
 * the same `evolve` the write side uses (any entity type, one mechanism), each event's data in the
 * current shape of its type (`upcasters`).
 */
export function historyOf<E extends DomainEvent, S>(
  decider: { evolve(state: S, event: E): S; initialState: S },
  stored: readonly RecordedEvent[],
  upcasters: Upcasters = NO_UPCASTERS,
): HistoryEntry<S>[] {
  let state = decider.initialState;
  return stored.map((recorded) => {
    const event = upcastRecorded(recorded, upcasters);
    state = decider.evolve(state, domainEventOf<E>(event, upcasters));
    return {
      version: event.streamVersion,
      type: event.type,
      recordedAt: event.recordedAt,
      actor: event.metadata.actor,
      data: event.data,
      state,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
    };
  });
}

/**
 * An entity's state as recorded at an instant: its stream's events up to then, folded with the
 * same `evolve` the write side uses (what every `asOf` answers; read models are not used).
 */
export async function stateAsOf<E extends DomainEvent, S>(
  store: Pick<EventStore, 'readStream'>,
  decider: { evolve(state: S, event: E): S; initialState: S },
  streamId: string,
  instant: Date,
  upcasters: Upcasters = NO_UPCASTERS,
): Promise<S> {
  return fold(decider, domainEventsOf<E>(await store.readStream(streamId, { toInstant: instant }), upcasters));
}
