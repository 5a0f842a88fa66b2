import { INestApplication, Logger } from '@nestjs/common';
import { parseSigningKeys, SigningKey } from '@reform/auth';
import { authConfig, ConfigError, databaseConfig, httpConfig, loadConfig, natsConfig, runProcess } from '@reform/config';
import { JetStreamBus, jetStreamOptionsFrom, MessageBus } from '@reform/messaging';
import { startTracing } from '@reform/observability';

export interface ServiceProcessOptions {
  readonly databaseUrl: string;
  readonly bus: MessageBus;
  readonly signingKeys: readonly SigningKey[];
  readonly port: number;
  readonly host: string;
}

/**
 * A service as its own process (distributed mode, ADR 0006): PostgreSQL at DATABASE_URL, NATS
 * JetStream at NATS_URL (required; a comma-separated list for a cluster; NATS_PREFIX namespaces
 * its streams; NATS_STREAM_* set replicas, storage and placement, libs/config), its subgraph on
 * HOST:PORT.
 * AUTH_SIGNING_KEYS (`kid:secret,...`) is required: the same keys as the gateway's. A bad
 * variable stops the process with a message naming it; SIGTERM closes the app, then the bus.
 * OTEL_EXPORTER_OTLP_ENDPOINT turns traces on (service name `reform-<name>`, ADR 0028).
 */
export function runServiceProcess(name: string, defaultPort: number, create: (options: ServiceProcessOptions) => Promise<INestApplication>): void {
  runProcess(name, async () => {
    const log = new Logger(name);
    const config = loadConfig({ ...databaseConfig, ...natsConfig, ...httpConfig(defaultPort), ...authConfig });
    const signingKeys = signingKeysOf(config.AUTH_SIGNING_KEYS);
    // Before the app exists: its request spans are added only when tracing is on.
    const tracing = await startTracing({ serviceName: `reform-${name}` });
    if (tracing) log.log(`Traces exported over OTLP/HTTP (${process.env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] ?? process.env['OTEL_EXPORTER_OTLP_ENDPOINT']})`);
    // A service started while NATS is down waits for it here (not serving yet, so not ready)
    // rather than exiting and being started again by its supervisor every few seconds.
    log.log(`Connecting to NATS at ${config.NATS_URL} (waiting until it answers)`);
    const bus = await JetStreamBus.connect({ ...jetStreamOptionsFrom(config, `reform-${name}`), waitForServer: true });
    try {
      const app = await create({ databaseUrl: config.DATABASE_URL, bus, signingKeys, port: config.PORT, host: config.HOST });
      log.log(
        `Subgraph at ${(await app.getUrl()).replace('[::1]', 'localhost')}/graphql (NATS ${config.NATS_URL}${config.NATS_PREFIX ? `, prefix ${config.NATS_PREFIX}` : ''})`,
      );
      return {
        async stop() {
          await app.close();
          await bus.close();
          await tracing?.shutdown();
        },
      };
    } catch (error) {
      await bus.close().catch(() => undefined);
      await tracing?.shutdown();
      throw error;
    }
  });
}

function signingKeysOf(value: string): SigningKey[] {
  try {
    return parseSigningKeys(value);
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  }
}
