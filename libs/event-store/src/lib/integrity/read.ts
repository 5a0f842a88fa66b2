import { assertSchemaName } from '../postgres/migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';

/**
 * Runs one read on the store's events table through the store's public `transaction()`, so it
 * uses the same connection as the store (or the caller's transaction the store is bound to).
 * Each call is its own short read-only transaction: no xid is taken, so readers' xmin and the
 * relay are not held back, however long the whole walk takes.
 */
export function readEvents<Row>(store: PostgresEventStore, sql: (table: string) => string, parameters: unknown[] = []): Promise<Row[]> {
  const table = `"${assertSchemaName(store.schema)}".events`;
  return store.transaction(({ manager }) => manager.query(sql(table), parameters));
}
