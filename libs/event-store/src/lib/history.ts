import { DomainEvent } from '@reform/decider';
import { RecordedEvent } from './event-store.port';

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
