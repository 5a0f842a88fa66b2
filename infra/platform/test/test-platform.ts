import { InProcessBus } from '@reform/messaging';
import { createTestDatabase, GraphQLTestClient, TEST_SIGNING_KEYS } from '@reform/testing';
import { startPlatform, RunningPlatform } from '../src/platform';

export interface TestPlatform {
  readonly platform: RunningPlatform;
  readonly client: GraphQLTestClient;
  stop(): Promise<void>;
}

/** The platform as `npm start` composes it (national list, demo data), on a database of its own. */
export async function startTestPlatform(name: string, options: { trustedProxies?: readonly string[]; corsOrigins?: readonly string[] } = {}): Promise<TestPlatform> {
  const database = await createTestDatabase(name);
  const bus = new InProcessBus();
  const platform = await startPlatform({ databaseUrl: database.url, bus, signingKeys: TEST_SIGNING_KEYS, gatewayPort: 0, importUnits: true, demo: true, logger: false, ...options });
  return {
    platform,
    client: new GraphQLTestClient(platform.gatewayUrl),
    async stop() {
      await platform.close();
      await bus.close();
      await database.drop();
    },
  };
}
