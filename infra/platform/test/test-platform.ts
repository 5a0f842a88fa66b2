import { Clock } from '@reform/clock';
import { InProcessBus } from '@reform/messaging';
import { createTestDatabase, GraphQLTestClient, TEST_SIGNING_KEYS } from '@reform/testing';
import { startPlatform, RunningPlatform } from '../src/platform';

export interface TestPlatform {
  readonly platform: RunningPlatform;
  readonly client: GraphQLTestClient;
  stop(): Promise<void>;
}

/**
 * How long a hook that starts the platform may take: the national list, the demo's ~9,100
 * directory events and their copies in plans and tasks took over 60 s at a load average of 24 on
 * two cores (issue 15 nearly doubled the demo's bodies).
 */
export const PLATFORM_START_MS = 180_000;

/** The platform as `npm start` composes it (national list, demo data), on a database of its own. */
export async function startTestPlatform(name: string, options: { clock?: Clock } = {}): Promise<TestPlatform> {
  const database = await createTestDatabase(name);
  const bus = new InProcessBus();
  const platform = await startPlatform({ databaseUrl: database.url, bus, signingKeys: TEST_SIGNING_KEYS, gatewayPort: 0, importUnits: true, demo: true, logger: false, clock: options.clock });
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
