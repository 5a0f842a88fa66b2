import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSigningKeys, SigningKey } from '@reform/auth';
import { loadConfig, httpConfig, portConfig, runProcess } from '@reform/config';
import { InProcessBus } from '@reform/messaging';
import { progressLogger, startTracing } from '@reform/observability';
import { evidenceStorageFromEnv } from '@reform/scoring';
import { z } from 'zod';
import { startEmbeddedPostgres } from './embedded-postgres';
import { startPlatform } from './platform';
import { ensureWebBuiltInBackground } from './web-build';

/** `npm start`: the whole platform in one process with demo data (ADR 0006). */
runProcess('embedded', async () => {
  const started = Date.now();
  // Its own logger: the services log at warn here, and these lines are the start's profile.
  const progress = progressLogger('Embedded');
  const log = { log: (line: string) => progress.info(line) };
  const config = loadConfig({
    ...httpConfig(4000),
    ...portConfig('EMBEDDED_PG_PORT', 5433),
    DATA_DIR: z.string().default(join(process.cwd(), '.data')),
  });
  // The web app the gateway serves at `/`: built at install (`prepare`); built again, meanwhile,
  // when older than its sources (an edited checkout). The gateway waits for it, nothing else does.
  const webRoot = ensureWebBuiltInBackground((line) => log.log(line));
  webRoot.catch(() => undefined); // awaited by the gateway's start

  log.log(`Starting embedded PostgreSQL on port ${config.EMBEDDED_PG_PORT} (data in ${config.DATA_DIR}/postgres)`);
  const database = await startEmbeddedPostgres({ dataDir: join(config.DATA_DIR, 'postgres'), port: config.EMBEDDED_PG_PORT, database: 'reform' });
  log.log(`Embedded PostgreSQL ready (${Date.now() - started} ms)`);
  const bus = new InProcessBus();
  // OTEL_EXPORTER_OTLP_ENDPOINT: one trace per request across the services of this one process (ADR 0028).
  const tracing = await startTracing({ serviceName: 'reform-platform' });
  if (tracing) log.log(`Traces exported over OTLP/HTTP (${process.env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] ?? process.env['OTEL_EXPORTER_OTLP_ENDPOINT']})`);
  let stopping = false;
  const stopServers = async () => {
    await bus.close();
    await database.stop();
    log.log('Embedded PostgreSQL stopped');
    await tracing?.shutdown();
  };
  try {
    const signingKeys = embeddedSigningKeys(config.DATA_DIR);
    const platform = await startPlatform({
      databaseUrl: database.url,
      bus,
      signingKeys,
      gatewayPort: config.PORT,
      host: config.HOST,
      importUnits: true,
      demo: true,
      dataInBackground: true,
      logger: ['error', 'warn'],
      report: (line) => log.log(line),
      trustedProxies: listOf(process.env.TRUSTED_PROXIES),
      corsOrigins: listOf(process.env.CORS_ORIGINS),
      webRoot,
      evidence: evidenceStorageFromEnv(process.env),
    });
    log.log(`Web app at ${platform.gatewayUrl.replace(/graphql$/, '')} (public page: ${platform.gatewayUrl.replace(/graphql$/, 'cong-khai')})`);
    log.log(
      `Gateway ready at ${platform.gatewayUrl} after ${((Date.now() - started) / 1000).toFixed(1)} s; the national list and the demo data load in the background`,
    );
    platform.dataLoaded.then(
      () => {
        log.log(`Data ready: the national list and the demo data are in, ${((Date.now() - started) / 1000).toFixed(1)} s after the start`);
        log.log(
          `Try: curl -s ${platform.gatewayUrl} -H 'content-type: application/json' -d '{"query":"mutation { login(username: \\"d513\\", password: \\"demo\\") { token } }"}'`,
        );
      },
      (error: Error) => {
        if (!stopping) progress.error(`Loading the national list or the demo data failed; the platform runs without the rest: ${error.stack ?? error}`);
      },
    );
    return {
      async stop() {
        stopping = true;
        await platform.close();
        await stopServers();
      },
    };
  } catch (error) {
    await stopServers();
    throw error;
  }
});

/**
 * The embedded mode's token key: AUTH_SIGNING_KEYS when given, else one generated on first start
 * and kept in the data folder, so sessions survive a restart and no secret lives in the code.
 */
function embeddedSigningKeys(dataDir: string): SigningKey[] {
  if (process.env.AUTH_SIGNING_KEYS) return parseSigningKeys(process.env.AUTH_SIGNING_KEYS);
  const file = join(dataDir, 'auth-signing-key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `embedded-${Date.now()}:${randomBytes(32).toString('base64url')}`, { mode: 0o600 });
  }
  return parseSigningKeys(readFileSync(file, 'utf8').trim(), file);
}

/** `a, b` → ['a', 'b'] (TRUSTED_PROXIES, CORS_ORIGINS: as for the distributed gateway). */
function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}
