import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import {
  MigrationClass,
  PostgresEventStore,
  RebuildProgress,
  RebuildRefusedError,
  rebuildReadModels,
  serviceDataSourceOptions,
  ServiceReadModels,
} from '@reform/event-store';
import { directoryMigrations, directoryReadModels } from '@reform/directory';
import { plansMigrations, plansReadModels } from '@reform/plans';
import { tasksMigrations, tasksReadModels } from '@reform/tasks';
import { reportingMigrations, reportingReadModels } from '@reform/reporting';
import { scoringMigrations, scoringReadModels } from '@reform/scoring';

/** Each service's read models and the migrations its code expects (the rebuild copies the live tables' shape). */
export const REBUILDABLE_SERVICES: Readonly<Record<string, { readonly readModels: ServiceReadModels; readonly migrations: () => MigrationClass[] }>> = {
  directory: { readModels: directoryReadModels, migrations: directoryMigrations },
  plans: { readModels: plansReadModels, migrations: plansMigrations },
  tasks: { readModels: tasksReadModels, migrations: tasksMigrations },
  reporting: { readModels: reportingReadModels, migrations: reportingMigrations },
  scoring: { readModels: scoringReadModels, migrations: scoringMigrations },
};

export const REBUILD_USAGE = [
  'usage: npm run rebuild -- <directory|plans|tasks|reporting|scoring> [--page-size N] [--database-url URL]',
  "  rebuilds the service's read models from its event store beside the live ones, which keep serving,",
  "  then swaps them in (ADR 0011). Read models kept from other services' events over the bus are not rebuilt.",
  'The database URL defaults to $DATABASE_URL. Exit codes: 0 rebuilt, 2 usage error or failure.',
].join('\n');

export interface RebuildCommandOutput {
  /** The summary (stdout). */
  print?(line: string): void;
  /** Progress and errors (stderr). */
  printError?(line: string): void;
  /** Milliseconds between progress lines (default 1,000); phase changes are always shown. */
  readonly progressIntervalMs?: number;
}

class UsageError extends Error {}

const n = (value: number) => value.toLocaleString('en-US');

/**
 * `npm run rebuild -- <service>` (issue 5, "Rebuild"). `argv` is the arguments after the script.
 * Returns the exit code: 0 when the read models were rebuilt and swapped in, 2 on a usage error,
 * a refusal (pending migrations, another rebuild running, a table that cannot be copied) or a
 * failure (the live tables are then untouched).
 */
export async function runRebuildCommand(argv: readonly string[], env: Record<string, string | undefined>, output: RebuildCommandOutput = {}): Promise<number> {
  const print = output.print ?? ((line: string) => console.log(line));
  const printError = output.printError ?? ((line: string) => console.error(line));
  let dataSource: DataSource | undefined;
  try {
    const { service, options } = parseCommand(argv);
    const target = service === undefined ? undefined : REBUILDABLE_SERVICES[service];
    if (!target)
      throw new UsageError(
        service === undefined ? 'a service is required' : `unknown service "${service}": rebuild directory, plans, tasks, reporting or scoring`,
      );
    const url = options['database-url'] ?? env['DATABASE_URL'];
    if (!url) throw new UsageError('DATABASE_URL is not set (or pass --database-url)');
    const pageSize = options['page-size'] === undefined ? 1000 : Number(options['page-size']);
    if (!Number.isInteger(pageSize) || pageSize < 1) throw new UsageError(`--page-size "${options['page-size']}" is not a positive integer`);

    const { readModels } = target;
    const S = readModels.schema;
    dataSource = new DataSource(
      serviceDataSourceOptions({ url, schema: S, migrations: target.migrations(), poolSize: 3, applicationName: `reform-rebuild-${readModels.service}` }),
    );
    await dataSource.initialize();
    if (await dataSource.showMigrations()) {
      throw new RebuildRefusedError(
        `cannot rebuild: the database lacks migrations of this code's ${readModels.service} service; start the service once (it migrates), then rebuild`,
      );
    }

    const projections = readModels.projections.map((p) => `${p.name} (${p.tables.map((t) => `${S}.${t}`).join(', ')})`).join(', ');
    printError(`rebuilding the read models of ${readModels.service} from its event store (schema ${S}): ${projections}`);
    for (const skipped of readModels.notRebuilt) {
      printError(
        `not rebuilt: ${skipped.tables.map((t) => `${S}.${t}`).join(', ')}: ${skipped.why}; a replay of the ${readModels.service} event store cannot produce them`,
      );
    }

    const interval = output.progressIntervalMs ?? 1000;
    let lastLine = 0;
    let lastPhase = '';
    const onProgress = (p: RebuildProgress) => {
      const now = Date.now();
      if (p.phase === lastPhase && now - lastLine < interval && p.done < p.total) return;
      lastLine = now;
      lastPhase = p.phase;
      const percent = p.total === 0 ? 100 : Math.floor((p.done / p.total) * 100);
      const where =
        p.phase === 'swap'
          ? `live tables locked (attempt ${p.attempt}), swapping`
          : p.phase === 'replay'
            ? 'replay from position 0'
            : `catch-up pass ${p.pass - 1}`;
      printError(
        `${where}: ${n(p.done)}/${n(p.total)} events (${percent} %), position ${p.position.transactionId}/${p.position.position}, ${n(p.eventsPerSecond)} events/s`,
      );
    };

    const result = await rebuildReadModels({
      dataSource,
      store: new PostgresEventStore(dataSource, S),
      schema: S,
      projections: readModels.projections,
      pageSize,
      onProgress,
    });
    print(
      `rebuilt the read models of ${readModels.service} in ${result.seconds.toFixed(1)} s: ${n(result.events)} events replayed ` +
        `(${result.passes} pass${result.passes === 1 ? '' : 'es'}, ${n(result.swapEvents)} at the swap${result.swapAttempts > 1 ? `, swap attempt ${result.swapAttempts}` : ''})`,
    );
    for (const projection of result.projections) print(`  ${projection.name}: ${n(projection.events)} events of its types`);
    for (const table of result.tables) print(`  ${S}.${table.table}: ${n(table.rowsBefore)} rows before, ${n(table.rowsAfter)} after`);
    if (!result.previousDropped) print(`  the old tables are kept in ${S}__previous (a reader held them); the next rebuild drops them`);
    for (const skipped of readModels.notRebuilt) print(`  not rebuilt: ${skipped.tables.map((t) => `${S}.${t}`).join(', ')} (${skipped.why})`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      printError(`rebuild: ${error.message}`);
      printError(REBUILD_USAGE);
    } else {
      printError(`rebuild: ${error instanceof Error ? error.message : String(error)}`);
    }
    return 2;
  } finally {
    await dataSource?.destroy().catch(() => undefined);
  }
}

type Options = Partial<Record<'database-url' | 'page-size', string>>;

function parseCommand(argv: readonly string[]): { service: string | undefined; options: Options } {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { 'database-url': { type: 'string' }, 'page-size': { type: 'string' } },
    });
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    return { service: positionals[0], options: values as Options };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}
