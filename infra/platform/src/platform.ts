import { INestApplication, LogLevel } from '@nestjs/common';
import { MessageBus } from '@reform/messaging';
import { SigningKey, TokenService } from '@reform/auth';
import { createDirectoryApp, DEMO_PASSWORD, importNationalUnits, seedDemoAccounts, seedDirectoryDemo } from '@reform/directory';
import { startGateway, RunningGateway } from '@reform/gateway';

/**
 * The composition root: every service and the gateway in one process, on one PostgreSQL database
 * (a schema per service) and one bus. The embedded mode and the end-to-end tests start it; the
 * distributed mode runs the same services one per process instead (ADR 0006).
 */
export interface PlatformOptions {
  readonly databaseUrl: string;
  readonly bus: MessageBus;
  /** Keys that sign and verify session tokens (first signs). */
  readonly signingKeys: readonly SigningKey[];
  readonly gatewayPort: number;
  /** The gateway's interface (default all); subgraphs listen on 127.0.0.1 only. */
  readonly host?: string;
  /** Internal subgraph ports (0 = any free port). */
  readonly directoryPort?: number;
  /** Import the national unit list (idempotent: a second run appends nothing). */
  readonly importUnits?: boolean;
  /** Demo data of the embedded mode. */
  readonly demo?: boolean;
  readonly logger?: LogLevel[] | false;
  /** Progress lines for the operator (Nest's logger is kept quiet at `logger` levels). */
  readonly report?: (line: string) => void;
}

export interface RunningPlatform {
  readonly gatewayUrl: string;
  readonly directory: INestApplication;
  readonly gateway: RunningGateway;
  close(): Promise<void>;
}

export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const report = options.report ?? (() => undefined);
  const logger = options.logger ?? ['error', 'warn'];
  const directory = await createDirectoryApp({ databaseUrl: options.databaseUrl, bus: options.bus, signingKeys: options.signingKeys, port: options.directoryPort ?? 0, logger });
  if (options.importUnits) {
    const started = Date.now();
    const summary = await importNationalUnits(directory);
    report(`National unit list: ${summary.established} established, ${summary.renamed} renamed, ${summary.transferred} transferred, ${summary.unchanged} unchanged (${Date.now() - started} ms)`);
  }
  if (options.demo) {
    const { events } = await seedDirectoryDemo(directory, new Date().toISOString().slice(0, 10));
    report(`Demo directory data: ${events} events appended`);
    const { accounts } = await seedDemoAccounts(directory, new Date().toISOString().slice(0, 10));
    report(`Demo accounts: ${accounts} created (doha, auditor, d<district>, c<commune>; password "${DEMO_PASSWORD}")`);
  }
  const gateway = await startGateway({ port: options.gatewayPort, host: options.host, tokens: new TokenService(options.signingKeys), subgraphs: [{ name: 'directory', url: `${await directory.getUrl()}/graphql` }] });
  return {
    gatewayUrl: gateway.url,
    directory,
    gateway,
    async close() {
      await gateway.close();
      await directory.close();
    },
  };
}
