import { InProcessBus } from '@reform/messaging';
import { createTestDatabase, GraphQLTestClient, TEST_SIGNING_KEYS, TestDatabase } from '@reform/testing';
import { RunningPlatform, startPlatform } from '../src/platform';
import { beforeReorganisation, PLATFORM_START_MS } from './test-platform';

/**
 * Issue 11 "Start": `npm start` answers before the national list and the demo data are in
 * (`dataInBackground`, the embedded launcher's choice), which then load behind the running
 * gateway; a stop while they load ends cleanly, and the next start completes them.
 */
describe('the platform answers first, then loads its data in the background', () => {
  let database: TestDatabase;
  const bus = new InProcessBus();
  let platform: RunningPlatform | undefined;
  const start = () =>
    startPlatform({
      databaseUrl: database.url,
      bus,
      signingKeys: TEST_SIGNING_KEYS,
      gatewayPort: 0,
      importUnits: true,
      demo: true,
      dataInBackground: true,
      logger: false,
      clock: beforeReorganisation(),
    });

  beforeAll(async () => {
    database = await createTestDatabase('e2e_background_data');
  });
  afterAll(async () => {
    await platform?.close();
    await bus.close();
    await database?.drop();
  });

  it(
    'answers while the data is loading; a stop then ends the loading cleanly',
    async () => {
      platform = await start();
      let settled = false;
      platform.dataLoaded.then(
        () => (settled = true),
        () => (settled = true),
      );
      const client = new GraphQLTestClient(platform.gatewayUrl);
      expect((await client.request('{ __typename }')).data).toEqual({ __typename: 'Query' });
      expect(settled).toBe(false); // the national list alone takes seconds
      const stopping = platform;
      platform = undefined;
      await stopping.close();
      await expect(stopping.dataLoaded).rejects.toThrow();
    },
    PLATFORM_START_MS,
  );

  it(
    'the next start completes the data, after which the demo accounts sign in',
    async () => {
      platform = await start();
      await platform.dataLoaded;
      const client = new GraphQLTestClient(platform.gatewayUrl);
      const token = await client.login('d513');
      const me = await client.request<{ me: { username: string } }>('{ me { username } }', undefined, token);
      expect(me.data?.me.username).toBe('d513');
    },
    PLATFORM_START_MS,
  );
});
