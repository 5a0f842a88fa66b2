import { INestApplication } from '@nestjs/common';
import { InProcessBus } from '@reform/messaging';
import { createTestDatabase, GraphQLTestClient, TEST_SIGNING_KEYS, TestDatabase } from '@reform/testing';
import { createDirectoryApp, importNationalUnits, seedDemoAccounts, seedDirectoryDemo } from '../src';

export interface DirectoryWithDemo {
  readonly app: INestApplication;
  readonly client: GraphQLTestClient;
  stop(): Promise<void>;
}

/** The directory alone on a database of its own, with the national list and the demo units and accounts of today. */
export async function startDirectoryWithDemo(name: string): Promise<DirectoryWithDemo> {
  const database: TestDatabase = await createTestDatabase(name);
  const bus = new InProcessBus();
  const app = await createDirectoryApp({ databaseUrl: database.url, bus, signingKeys: TEST_SIGNING_KEYS, port: 0, logger: false });
  await importNationalUnits(app);
  const today = new Date().toISOString().slice(0, 10);
  await seedDirectoryDemo(app, today);
  await seedDemoAccounts(app, today);
  return {
    app,
    client: new GraphQLTestClient(`${await app.getUrl()}/graphql`),
    async stop() {
      await app.close();
      await bus.close();
      await database.drop();
    },
  };
}
