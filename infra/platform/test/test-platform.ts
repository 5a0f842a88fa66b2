import { Clock, FixedClock } from '@reform/clock';
import { InProcessBus } from '@reform/messaging';
import { createTestDatabase, GraphQLTestClient, TEST_SIGNING_KEYS } from '@reform/testing';
import { startPlatform, RunningPlatform } from '../src/platform';

export interface TestPlatform {
  readonly platform: RunningPlatform;
  readonly client: GraphQLTestClient;
  stop(): Promise<void>;
}

/**
 * A clock for the scenarios of 2020–2023 (Quảng Nam's districts and communes, the two-level
 * structure): a day before the 2025 reorganisation, when their units and accounts were in force.
 */
export const beforeReorganisation = () => new FixedClock('2025-06-16T03:00:00Z');

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
