import { EntityManager } from 'typeorm';
import { RecordedEvent } from './event-store.port';

/**
 * A read model kept by a service from its own events. `name` is versioned (`units.v1`): a
 * changed projection gets a new name and is rebuilt beside the old one (`rebuildReadModels`,
 * ADR 0011). `apply` must be idempotent (the same event twice changes nothing), which is what
 * makes replays safe.
 */
export interface Projection {
  readonly name: string;
  /** Event types it reads; others are not given to it. */
  readonly eventTypes: readonly string[];
  /** The tables it writes and nothing else writes, in its schema (a rebuild replaces exactly these). */
  readonly tables: readonly string[];
  /**
   * Applies events to the projection's tables in `schema` (default: the service's own schema;
   * a rebuild passes its shadow schema, which holds tables of the same shape).
   */
  apply(events: readonly RecordedEvent[], manager: EntityManager, schema?: string): Promise<void>;
}

/** Runs projections over freshly appended events, inside the append's transaction. */
export async function project(projections: readonly Projection[], events: readonly RecordedEvent[], manager: EntityManager, schema?: string): Promise<void> {
  for (const projection of projections) {
    const relevant = events.filter((event) => projection.eventTypes.includes(event.type));
    if (relevant.length) await projection.apply(relevant, manager, schema);
  }
}
