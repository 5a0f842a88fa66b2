import { Clock, FixedClock } from '@reform/clock';
import { InProcessBus } from '@reform/messaging';
import { createTestDatabase, GraphQLTestClient, TEST_SIGNING_KEYS } from '@reform/testing';
import { PlatformOptions, startPlatform, RunningPlatform } from '../src/platform';

export interface TestPlatform {
  readonly platform: RunningPlatform;
  readonly client: GraphQLTestClient;
  /** The platform's database: for a test that sets up what only another process would record. */
  readonly databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * How long a hook that starts the platform may take: the national list, the demo's ~9,100
 * directory events and their copies in plans and tasks took over 60 s at a load average of 24 on
 * two cores (issue 15 nearly doubled the demo's bodies; issue 16 added the 2025 reorganisation's
 * ~11,000 events).
 */
export const PLATFORM_START_MS = 240_000;

/**
 * A clock for the scenarios of 2020–2023 (Quảng Nam's districts and communes, the two-level
 * structure): a day before the 2025 reorganisation, when their units and accounts were in force.
 */
export const beforeReorganisation = () => new FixedClock('2025-06-16T03:00:00Z');

/**
 * The platform as `npm start` composes it (national list, demo data) but for what a test sets: the
 * test signing keys, a gateway on a free port, no log. The benches start it so too
 * (scripts/bench/bench-platform.ts).
 */
export const TEST_COMPOSITION = {
  signingKeys: TEST_SIGNING_KEYS,
  gatewayPort: 0,
  importUnits: true,
  demo: true,
  logger: false,
} as const satisfies Omit<PlatformOptions, 'databaseUrl' | 'bus'>;

/** The platform as `npm start` composes it (national list, demo data), on a database of its own. */
export async function startTestPlatform(
  name: string,
  options: { clock?: Clock; webRoot?: string; trustedProxies?: readonly string[]; corsOrigins?: readonly string[] } = {},
): Promise<TestPlatform> {
  const database = await createTestDatabase(name);
  const bus = new InProcessBus();
  const platform = await startPlatform({ databaseUrl: database.url, bus, ...TEST_COMPOSITION, ...options });
  return {
    platform,
    client: new GraphQLTestClient(platform.gatewayUrl),
    databaseUrl: database.url,
    async stop() {
      await platform.close();
      await bus.close();
      await database.drop();
    },
  };
}
