import { createHash } from 'node:crypto';
import { InProcessBus } from '@reform/messaging';
import { createDirectoryApp } from '@reform/directory';
import { composeSupergraph, fetchSubgraphSdl } from '@reform/gateway';
import { createTestDatabase, TEST_SIGNING_KEYS } from '@reform/testing';

/**
 * CI's composition check: starts every subgraph on an empty database of its own, asks each for
 * its SDL and composes the supergraph; exits 1 naming the composition errors.
 */
async function main(): Promise<void> {
  const database = await createTestDatabase('composition');
  const bus = new InProcessBus();
  const apps = [{ name: 'directory', app: await createDirectoryApp({ databaseUrl: database.url, bus, signingKeys: TEST_SIGNING_KEYS, port: 0, logger: ['error'] }) }];
  try {
    const subgraphs = await Promise.all(apps.map(async ({ name, app }) => {
      const url = `${await app.getUrl()}/graphql`;
      return { name, url, sdl: await fetchSubgraphSdl({ name, url }) };
    }));
    const supergraph = composeSupergraph(subgraphs);
    const digest = createHash('sha256').update(supergraph).digest('hex').slice(0, 12);
    console.log(`Composition OK: ${subgraphs.map((s) => s.name).join(', ')} → supergraph ${supergraph.length} chars (sha256 ${digest})`);
  } finally {
    for (const { app } of apps) await app.close();
    await bus.close();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
