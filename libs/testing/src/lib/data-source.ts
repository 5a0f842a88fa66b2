import { DataSource, DataSourceOptions } from 'typeorm';

/** A TypeORM DataSource on a test database, with the given migrations run. */
export async function createTestDataSource(
  url: string,
  options: { migrations?: DataSourceOptions['migrations']; entities?: DataSourceOptions['entities']; poolSize?: number } = {},
): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    logging: false,
    extra: { max: options.poolSize ?? 10 },
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
