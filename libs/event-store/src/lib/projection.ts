import { EntityManager } from 'typeorm';
import { GlobalPosition, RecordedEvent } from './event-store.port';

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
  /**
   * Optional set-based replay for a rebuild (ADR 0033): fills the empty tables of `window.schema`
   * with what `apply` would make of every event of its types committed up to `window.upTo`, with
   * statements that read the events table inside PostgreSQL (`INSERT ... SELECT`) instead of
   * paging every event through this process. The rebuild uses it when every projection it
   * rebuilds has one, and catches up from `upTo` with `apply` as before.
   */
  replay?(window: ReplayWindow): Promise<void>;
}

/** What a projection's set-based replay gets from `rebuildReadModels`. */
export interface ReplayWindow {
  /** The service's events table, schema-qualified and quoted (`"tasks".events`). */
  readonly events: string;
  /** The schema of the (empty) tables to fill: the rebuild's shadow schema. */
  readonly schema: string;
  /** The last event of the window, in commit order: every event committed up to here, none after. */
  readonly upTo: GlobalPosition;
  /** SQL condition: the row of the events table under `alias` lies within the window. */
  within(alias: string): string;
  /** The lowest and highest `global_position` of the window's events (null when it is empty): bounds for chunks. */
  readonly positions: { readonly first: string; readonly last: string } | null;
  /** How many positions one transaction of the replay should span (`rebuildReadModels`' `replayChunkPositions`). */
  readonly chunkPositions: number;
  /**
   * Runs `work` in a transaction of its own that does not wait for its WAL flush (the copies are
   * dropped if the rebuild fails). Keep each one short (seconds): a transaction that holds an id
   * holds back every `readAll` on the server (ADR 0003), so chunk the work.
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  /** The window's events whose rows match `condition` (alias `e`; parameters `$1`…), in commit order, as `apply` gets them. */
  read(manager: EntityManager, condition: string, parameters: readonly unknown[]): Promise<RecordedEvent[]>;
  /**
   * Runs `work` (its own transactions) on the copies `tables` stripped of their indexes and of the
   * constraints that own one (primary key, unique), then builds them again, same names and
   * definitions: a bulk load that inserts first and sorts each index once, instead of one random
   * B-tree insertion per row and index. `work` must not rely on them (no `ON CONFLICT`); a
   * duplicate fails the rebuild when the key is built again.
   */
  withoutIndexes<T>(tables: readonly string[], work: () => Promise<T>): Promise<T>;
  /** Runs the jobs at most `concurrency` (default 2: one per core here) at a time, each on a connection of its own. */
  concurrently(jobs: ReadonlyArray<() => Promise<void>>, concurrency?: number): Promise<void>;
  /**
   * ANALYZE a copy now (once it is loaded: on two cores, beside other work such as another
   * table's last statement); the rebuild then does not analyse it again unless the catch-up applied
   * events. Not while its indexes are built: ANALYZE and CREATE INDEX wait for each other.
   */
  analyze(table: string): Promise<void>;
  /** Reports progress: `events` more of the window's events replayed. */
  progress(events: number): Promise<void>;
}

/** Runs projections over freshly appended events, inside the append's transaction. */
export async function project(projections: readonly Projection[], events: readonly RecordedEvent[], manager: EntityManager, schema?: string): Promise<void> {
  for (const projection of projections) {
    const relevant = events.filter((event) => projection.eventTypes.includes(event.type));
    if (relevant.length) await projection.apply(relevant, manager, schema);
  }
}
