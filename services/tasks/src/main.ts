import { Logger } from '@nestjs/common';
import { parseSigningKeys, SigningKey } from '@reform/auth';
import { authConfig, ConfigError, databaseConfig, httpConfig, loadConfig, natsConfig, runProcess } from '@reform/config';
import { JetStreamBus } from '@reform/messaging';
import { createTasksApp } from './app';

/**
 * The tasks service as its own process (distributed mode): PostgreSQL at DATABASE_URL, NATS
 * JetStream at NATS_URL (NATS_PREFIX namespaces its streams), its subgraph on HOST:PORT
 * (default 0.0.0.0:4103). AUTH_SIGNING_KEYS (`kid:secret,...`) is required: the gateway's keys.
 */
runProcess('tasks', async () => {
  const log = new Logger('Tasks');
  const config = loadConfig({ ...databaseConfig, ...natsConfig, ...httpConfig(4103), ...authConfig });
  const signingKeys = signingKeysOf(config.AUTH_SIGNING_KEYS);
  const bus = await JetStreamBus.connect({ servers: config.NATS_URL, prefix: config.NATS_PREFIX, name: 'reform-tasks' });
  try {
    const app = await createTasksApp({ databaseUrl: config.DATABASE_URL, bus, signingKeys, port: config.PORT, host: config.HOST });
    log.log(`Subgraph at ${(await app.getUrl()).replace('[::1]', 'localhost')}/graphql (NATS ${config.NATS_URL}${config.NATS_PREFIX ? `, prefix ${config.NATS_PREFIX}` : ''})`);
    return {
      async stop() {
        await app.close();
        await bus.close();
      },
    };
  } catch (error) {
    await bus.close().catch(() => undefined);
    throw error;
  }
});

function signingKeysOf(value: string): SigningKey[] {
  try {
    return parseSigningKeys(value);
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  }
}
