import { INestApplication, Logger } from '@nestjs/common';
import { parseSigningKeys, SigningKey } from '@reform/auth';
import { authConfig, databaseConfig, httpConfig, loadConfig, natsConfig } from '@reform/config';
import { JetStreamBus } from '@reform/messaging';
import { createDirectoryApp } from './app';

/**
 * The directory service as its own process (distributed mode, ADR 0006): PostgreSQL at
 * DATABASE_URL, NATS JetStream at NATS_URL, its subgraph on HOST:PORT (default 0.0.0.0:4101).
 * AUTH_SIGNING_KEYS (`kid:secret,...`) is required: the same keys as the gateway's.
 * It imports no unit list by itself: an operator runs `write/import-units/cli.ts` for that.
 */
async function main(): Promise<void> {
  const log = new Logger('Directory');
  let config: ReturnType<typeof readConfig>;
  let signingKeys: SigningKey[];
  try {
    config = readConfig();
    signingKeys = parseSigningKeys(config.AUTH_SIGNING_KEYS);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }

  const bus = await JetStreamBus.connect({ servers: config.NATS_URL, prefix: config.NATS_PREFIX, name: 'reform-directory' });
  // createDirectoryApp enables Nest's shutdown hooks, which re-raise the signal once the app is
  // closed and would end the process before the bus is closed: this process owns its signals.
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  let app: INestApplication;
  try {
    app = await createDirectoryApp({ databaseUrl: config.DATABASE_URL, bus, signingKeys, port: config.PORT, host: config.HOST });
  } catch (error) {
    log.error(`Start failed: ${(error as Error).stack ?? error}`);
    await bus.close().catch(() => undefined);
    process.exit(1);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) if (!before[signal].includes(listener)) process.removeListener(signal, listener);
  }

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal}: stopping`);
    let code = 0;
    await app.close().catch((error) => ((code = 1), log.error(`Closing the app: ${error}`)));
    await bus.close().catch((error) => ((code = 1), log.error(`Closing the bus: ${error}`)));
    process.exit(code);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
  log.log(`Directory subgraph at ${(await app.getUrl()).replace('[::1]', 'localhost')}/graphql (NATS ${config.NATS_URL}${config.NATS_PREFIX ? `, prefix ${config.NATS_PREFIX}` : ''})`);
}

function readConfig() {
  return loadConfig({ ...databaseConfig, ...natsConfig, ...httpConfig(4101), ...authConfig });
}

void main();
