import { DataSource, DataSourceOptions } from 'typeorm';
import { eventStoreMigrations, MigrationClass } from './migrations';

export interface ServiceDataSourceOptions {
  readonly url: string;
  /** The service's PostgreSQL schema: its events table, and by convention its read models. */
  readonly schema: string;
  /** The service's own migrations (read models, inbox, ...); they run after the events table's. */
  readonly migrations?: readonly MigrationClass[];
  readonly entities?: DataSourceOptions['entities'];
  readonly poolSize?: number;
  /** Shown in pg_stat_activity. */
  readonly applicationName?: string;
}

/** TypeORM options for one service: its event store and own migrations, never `synchronize`. */
export function serviceDataSourceOptions(options: ServiceDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
    migrations: [...eventStoreMigrations(options.schema), ...(options.migrations ?? [])],
    migrationsTableName: 'typeorm_migrations',
    migrationsRun: false,
    synchronize: false,
    logging: false,
    applicationName: options.applicationName ?? `reform-${options.schema}`,
    extra: { max: options.poolSize ?? 10 },
  };
}

/** Any fixed key: every service's migrations share this lock, whichever database they use. */
const MIGRATION_LOCK = 7_365_240_311;

/**
 * Initializes the DataSource when needed and runs its pending migrations, each in its own
 * transaction. A session advisory lock serialises services that start together on one database
 * (TypeORM's shared migrations table is created without one). Returns the names it ran.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}
