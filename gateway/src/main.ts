import { parseSigningKeys, TokenService } from '@reform/auth';
import { authConfig, ConfigError, httpConfig, loadConfig, runProcess, subgraphsConfig } from '@reform/config';
import { join } from 'node:path';
import { z } from 'zod';
import { FORWARDED_HEADER } from '@reform/subgraph';
import { startTracing } from '@reform/observability';
import { fetchSubgraphSdl, SubgraphEndpoint } from './compose';
import { startGateway } from './gateway';

/**
 * The gateway as its own process (distributed mode, ADR 0006). Environment:
 *   PORT, HOST          where it listens (default 0.0.0.0:4000)
 *   SUBGRAPHS           name=url,... (default directory :4101, plans :4102, tasks :4103, reporting :4104, scoring :4105 on 127.0.0.1)
 *   SUBGRAPH_WAIT_SECONDS  how long to wait for every subgraph to answer at start (default 60)
 *   AUTH_SIGNING_KEYS   kid:secret,... the same keys as the services'
 *   WEB_ROOT            the built web app served at / (default web/dist of the working folder, when built)
 *   CORS_ORIGINS        origins whose browsers may call the API (comma-separated, default none)
 *   NODE_ENV            development: the schema answers without a token
 *   TRUSTED_PROXIES     addresses of the reverse proxies in front (comma-separated, default none):
 *                       only their X-Forwarded-For is believed for the client's address
 *   OTEL_EXPORTER_OTLP_ENDPOINT  traces on, exported there over OTLP/HTTP (default off, ADR 0028)
 */
const DEFAULT_SUBGRAPHS =
  'directory=http://127.0.0.1:4101/graphql,plans=http://127.0.0.1:4102/graphql,tasks=http://127.0.0.1:4103/graphql,reporting=http://127.0.0.1:4104/graphql,scoring=http://127.0.0.1:4105/graphql';

/** Asks each subgraph for its SDL until it answers; names the ones that never did. */
export async function waitForSubgraphs(
  subgraphs: readonly SubgraphEndpoint[],
  options: { timeoutMs: number; intervalMs?: number; report?: (line: string) => void; headers?: () => Record<string, string> },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const silent: string[] = [];
  await Promise.all(
    subgraphs.map(async (subgraph) => {
      let lastError = '';
      let reported = false;
      for (;;) {
        try {
          await fetchSubgraphSdl(subgraph, options.headers?.());
          if (reported) options.report?.(`Subgraph ${subgraph.name} answers`);
          return;
        } catch (error) {
          lastError = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
        }
        if (Date.now() >= deadline) {
          silent.push(`${subgraph.name} at ${subgraph.url} (${lastError})`);
          return;
        }
        if (!reported) options.report?.(`Waiting for subgraph ${subgraph.name} at ${subgraph.url} (${lastError})`);
        reported = true;
        await new Promise((resolve) => setTimeout(resolve, Math.min(options.intervalMs ?? 1000, Math.max(0, deadline - Date.now()))));
      }
    }),
  );
  if (silent.length)
    throw new Error(`Subgraph${silent.length > 1 ? 's' : ''} never answered within ${Math.round(options.timeoutMs / 1000)} s: ${silent.join('; ')}`);
}

/** A comma-separated list in one variable ("a, b"), empty by default. */
const commaList = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  );

function main(): void {
  runProcess('gateway', async () => {
    const log = (line: string) => console.log(`[gateway] ${line}`);
    const config = loadConfig({
      ...httpConfig(4000),
      ...subgraphsConfig(DEFAULT_SUBGRAPHS),
      ...authConfig,
      SUBGRAPH_WAIT_SECONDS: z.coerce.number().int().min(0).default(60),
      WEB_ROOT: z.string().default(join(process.cwd(), 'web', 'dist')),
      CORS_ORIGINS: commaList,
      TRUSTED_PROXIES: commaList,
    });
    let tokens: TokenService;
    try {
      tokens = new TokenService(parseSigningKeys(config.AUTH_SIGNING_KEYS));
    } catch (error) {
      throw new ConfigError([(error as Error).message]);
    }
    const tracing = await startTracing({ serviceName: 'reform-gateway' });
    await waitForSubgraphs(config.SUBGRAPHS, {
      timeoutMs: config.SUBGRAPH_WAIT_SECONDS * 1000,
      report: log,
      headers: () => ({ [FORWARDED_HEADER]: tokens.sealForwarded('gateway') }),
    });
    const gateway = await startGateway({
      port: config.PORT,
      host: config.HOST,
      subgraphs: config.SUBGRAPHS,
      tokens,
      trustedProxies: config.TRUSTED_PROXIES,
      corsOrigins: config.CORS_ORIGINS,
      development: process.env['NODE_ENV'] === 'development',
      webRoot: config.WEB_ROOT,
    });
    log(`Ready at ${gateway.url} over ${config.SUBGRAPHS.map((s) => `${s.name} (${s.url})`).join(', ')}`);
    return {
      async stop() {
        await gateway.close();
        await tracing?.shutdown();
      },
    };
  });
}

if (require.main === module) main();
