import { parseSigningKeys } from '@reform/auth';
import { authConfig, booleanFlag, databaseConfig, httpConfig, loadConfig, natsConfig, runProcess } from '@reform/config';
import { createDirectoryApp, importNationalUnits } from '@reform/directory';
import { JetStreamBus } from '@reform/messaging';
import { ensureDatabase, redact } from '../database';

/**
 * The directory service as its own process (distributed mode, ADR 0006): PostgreSQL at
 * DATABASE_URL (created when missing), NATS JetStream at NATS_URL, subgraph on PORT (4101).
 * IMPORT_UNITS (true) loads the national unit list at start; a second run appends nothing.
 */
runProcess('directory', async () => {
  const config = loadConfig({ ...databaseConfig, ...natsConfig, ...httpConfig(4101), ...authConfig, IMPORT_UNITS: booleanFlag(true) });
  const signingKeys = parseSigningKeys(config.AUTH_SIGNING_KEYS);
  const log = (line: string) => console.log(`[directory] ${line}`);
  if ((await ensureDatabase(config.DATABASE_URL)).created) log(`created database ${redact(config.DATABASE_URL)}`);
  const bus = await JetStreamBus.connect({ servers: config.NATS_URL, prefix: config.NATS_PREFIX, name: 'reform-directory' });
  log(`connected to NATS JetStream at ${config.NATS_URL}`);
  try {
    const app = await createDirectoryApp({ databaseUrl: config.DATABASE_URL, bus, signingKeys, port: config.PORT, host: config.HOST, logger: ['error', 'warn'] });
    if (config.IMPORT_UNITS) {
      const started = Date.now();
      const summary = await importNationalUnits(app);
      log(`national unit list: ${summary.established} established, ${summary.renamed} renamed, ${summary.transferred} transferred, ${summary.unchanged} unchanged (${Date.now() - started} ms)`);
    }
    log(`subgraph ready at ${await app.getUrl()}/graphql`);
    return {
      async stop() {
        await app.close();
        await bus.close();
      },
    };
  } catch (error) {
    await bus.close();
    throw error;
  }
});
