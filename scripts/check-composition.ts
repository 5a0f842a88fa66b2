import { createHash } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { InProcessBus } from '@reform/messaging';
import { createDirectoryApp } from '@reform/directory';
import { createPlansApp } from '@reform/plans';
import { createTasksApp } from '@reform/tasks';
import { composeSupergraph, fetchSubgraphSdl } from '@reform/gateway';
import { createTestDatabase, TEST_SIGNING_KEYS } from '@reform/testing';
import { TokenService } from '@reform/auth';
import { FORWARDED_HEADER } from '@reform/subgraph';

/**
 * CI's composition check: starts every subgraph on an empty database of its own, asks each for
 * its SDL and composes the supergraph; exits 1 naming the composition errors.
 */
async function main(): Promise<void> {
  const database = await createTestDatabase('composition');
  const bus = new InProcessBus();
  const options = { databaseUrl: database.url, bus, signingKeys: TEST_SIGNING_KEYS, port: 0, logger: ['error' as const] };
  const apps: Array<{ name: string; app: INestApplication }> = [];
  try {
    // One process, as the embedded mode runs them: each subgraph's schema holds only its own types.
    apps.push({ name: 'directory', app: await createDirectoryApp(options) });
    apps.push({ name: 'plans', app: await createPlansApp(options) });
    apps.push({ name: 'tasks', app: await createTasksApp(options) });
    const subgraphs = await Promise.all(apps.map(async ({ name, app }) => {
      const url = `${await app.getUrl()}/graphql`;
      return { name, url, sdl: await fetchSubgraphSdl({ name, url }, { [FORWARDED_HEADER]: new TokenService(TEST_SIGNING_KEYS).sealForwarded('composition-check') }) };
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
