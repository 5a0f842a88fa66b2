import { DomainEvent, fold } from '@reform/decider';
import { EventStore, RecordedEvent } from './event-store.port';

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
 * the same `evolve` the write side uses (any entity type, one mechanism).
 */
export function historyOf<E extends DomainEvent, S>(decider: { evolve(state: S, event: E): S; initialState: S }, events: readonly RecordedEvent[]): HistoryEntry<S>[] {
  let state = decider.initialState;
  return events.map((event) => {
    state = decider.evolve(state, event as unknown as E);
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
): Promise<S> {
  return fold(decider, (await store.readStream(streamId, { toInstant: instant })) as unknown as E[]);
}
