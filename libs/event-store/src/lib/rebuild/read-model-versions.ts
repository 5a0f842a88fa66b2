import { DataSource, EntityManager } from 'typeorm';
import { GlobalPosition } from '../event-store.port';
import { assertSchemaName } from '../postgres/migrations';
import { Projection } from '../projection';
import type { ServiceReadModels } from './rebuild-read-models';

type Queryable = DataSource | EntityManager;

/** `assignments.v2` → `assignments`: the read model a projection version builds. */
export function readModelName(projection: Projection): string {
  const match = /^([a-z_][a-z0-9_]*)\.v(\d+)$/.exec(projection.name);
  if (!match) throw new Error(`Projection name "${projection.name}" is not versioned: name it <read model>.v<n> (e.g. assignments.v1)`);
  return match[1];
}

export interface ReadModelVersion {
  readonly readModel: string;
  /** The projection (name and version) whose replay built the tables now in place. */
  readonly projection: string;
  readonly tables: readonly string[];
  readonly rebuiltAt: Date;
  /** The last event applied before the swap. */
  readonly position: GlobalPosition;
  /** Events of its types the projection was given. */
  readonly events: number;
}

/**
 * `<schema>.read_model_versions`: one row per read model a rebuild has replaced, naming the
 * projection version that built its tables. Created by the first rebuild (in its swap
 * transaction), not by a migration: read models never rebuilt have no row, and nothing else
 * writes it.
 */
export async function recordReadModelVersions(manager: EntityManager, schema: string, versions: readonly ReadModelVersion[]): Promise<void> {
  const S = assertSchemaName(schema);
  await manager.query(
    `CREATE TABLE IF NOT EXISTS "${S}".read_model_versions (
      read_model text PRIMARY KEY, projection text NOT NULL, tables text[] NOT NULL, rebuilt_at timestamptz NOT NULL,
      transaction_id xid8 NOT NULL, global_position bigint NOT NULL, events bigint NOT NULL
    )`,
  );
  for (const version of versions) {
    await manager.query(
      `INSERT INTO "${S}".read_model_versions (read_model, projection, tables, rebuilt_at, transaction_id, global_position, events)
       VALUES ($1, $2, $3, $4, $5::xid8, $6, $7)
       ON CONFLICT (read_model) DO UPDATE SET projection = EXCLUDED.projection, tables = EXCLUDED.tables, rebuilt_at = EXCLUDED.rebuilt_at,
         transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, events = EXCLUDED.events`,
      [
        version.readModel,
        version.projection,
        [...version.tables],
        version.rebuiltAt.toISOString(),
        version.position.transactionId,
        version.position.position,
        version.events,
      ],
    );
  }
}

/** What `read_model_versions` holds (empty when no rebuild has run in the schema). */
export async function readModelVersions(db: Queryable, schema: string): Promise<ReadModelVersion[]> {
  const S = assertSchemaName(schema);
  const [{ exists }] = await db.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [`"${S}".read_model_versions`]);
  if (!exists) return [];
  const rows: Array<{
    read_model: string;
    projection: string;
    tables: string[];
    rebuilt_at: Date;
    transaction_id: string;
    global_position: string;
    events: string;
  }> = await db.query(
    `SELECT read_model, projection, tables, rebuilt_at, transaction_id::text AS transaction_id, global_position::text AS global_position, events::text AS events
       FROM "${S}".read_model_versions ORDER BY read_model`,
  );
  return rows.map((row) => ({
    readModel: row.read_model,
    projection: row.projection,
    tables: row.tables,
    rebuiltAt: new Date(row.rebuilt_at),
    position: { transactionId: row.transaction_id, position: row.global_position },
    events: Number(row.events),
  }));
}

/**
 * Start-up check (cheap: one catalog lookup and one small table): a read model whose tables a
 * rebuild filled with another version of its projection than the code's. Returns one English
 * line per mismatch, for the service's log; the service keeps running (the inline projection
 * writes on into the tables it finds).
 */
export async function readModelVersionWarnings(db: Queryable, schema: string, projections: readonly Projection[], service = schema): Promise<string[]> {
  const recorded = new Map((await readModelVersions(db, schema)).map((version) => [version.readModel, version]));
  const warnings: string[] = [];
  for (const projection of projections) {
    const version = recorded.get(readModelName(projection));
    if (version && version.projection !== projection.name) {
      warnings.push(
        `read model ${version.readModel} (${version.tables.map((t) => `${schema}.${t}`).join(', ')}) was built by projection ${version.projection} ` +
          `(rebuilt ${version.rebuiltAt.toISOString()}), but this code projects ${projection.name}: rebuild it with "npm run rebuild -- ${service}"`,
      );
    }
  }
  return warnings;
}

/** At a service's start: logs each `readModelVersionWarnings` line with `warn`. */
export async function warnOnReadModelVersions(db: Queryable, readModels: ServiceReadModels, warn: (line: string) => void): Promise<void> {
  for (const line of await readModelVersionWarnings(db, readModels.schema, readModels.projections, readModels.service)) warn(line);
}
