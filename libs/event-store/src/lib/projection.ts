import { EntityManager } from 'typeorm';
import { RecordedEvent } from './event-store.port';

/**
 * A read model kept by a service from its own events. `name` is versioned (`units.v1`): a
 * changed projection gets a new name and is rebuilt beside the old one. `apply` must be
 * idempotent (the same event twice changes nothing), which is what makes replays safe.
 */
export interface Projection {
  readonly name: string;
  /** Event types it reads; others are not given to it. */
  readonly eventTypes: readonly string[];
  apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void>;
}

/** Runs projections over freshly appended events, inside the append's transaction. */
export async function project(projections: readonly Projection[], events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
  for (const projection of projections) {
    const relevant = events.filter((event) => projection.eventTypes.includes(event.type));
    if (relevant.length) await projection.apply(relevant, manager);
  }
}
