import { parseSigningKeys, TokenService } from '@reform/auth';
import { authConfig, httpConfig, loadConfig, subgraphsConfig } from '@reform/config';
import { z } from 'zod';
import { fetchSubgraphSdl, SubgraphEndpoint } from './compose';
import { startGateway } from './gateway';

/**
 * The gateway as its own process (distributed mode, ADR 0006). Environment:
 *   PORT, HOST          where it listens (default 0.0.0.0:4000)
 *   SUBGRAPHS           name=url,... (default directory=http://127.0.0.1:4101/graphql)
 *   SUBGRAPH_WAIT_SECONDS  how long to wait for every subgraph to answer at start (default 60)
 *   AUTH_SIGNING_KEYS   kid:secret,... the same keys as the services'
 */
const DEFAULT_SUBGRAPHS = 'directory=http://127.0.0.1:4101/graphql';

/** Asks each subgraph for its SDL until it answers; names the ones that never did. */
export async function waitForSubgraphs(subgraphs: readonly SubgraphEndpoint[], options: { timeoutMs: number; intervalMs?: number; report?: (line: string) => void }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const silent: string[] = [];
  await Promise.all(
    subgraphs.map(async (subgraph) => {
      let lastError = '';
      let reported = false;
      for (;;) {
        try {
          await fetchSubgraphSdl(subgraph);
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
  if (silent.length) throw new Error(`Subgraph${silent.length > 1 ? 's' : ''} never answered within ${Math.round(options.timeoutMs / 1000)} s: ${silent.join('; ')}`);
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[gateway] ${line}`);
  let config;
  let tokens: TokenService;
  try {
    config = loadConfig({
      ...httpConfig(4000),
      ...subgraphsConfig(DEFAULT_SUBGRAPHS),
      ...authConfig,
      SUBGRAPH_WAIT_SECONDS: z.coerce.number().int().min(0).default(60),
    });
    tokens = new TokenService(parseSigningKeys(config.AUTH_SIGNING_KEYS));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  try {
    await waitForSubgraphs(config.SUBGRAPHS, { timeoutMs: config.SUBGRAPH_WAIT_SECONDS * 1000, report: log });
  } catch (error) {
    console.error(`[gateway] ${(error as Error).message}`);
    process.exit(1);
  }
  const gateway = await startGateway({ port: config.PORT, host: config.HOST, subgraphs: config.SUBGRAPHS, tokens });
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await gateway.close().catch((error) => console.error(`[gateway] closing: ${error}`));
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
  log(`Gateway ready at ${gateway.url} over ${config.SUBGRAPHS.map((s) => `${s.name} (${s.url})`).join(', ')}`);
}

if (require.main === module) void main();
