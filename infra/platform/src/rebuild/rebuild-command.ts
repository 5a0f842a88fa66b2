import { DataSource } from 'typeorm';
import {
  databaseUrlOption,
  MigrationClass,
  OperatorCommandOutput,
  parseCommandLine,
  positiveIntegerOption,
  PostgresEventStore,
  RebuildProgress,
  RebuildRefusedError,
  rebuildReadModels,
  serviceDataSourceOptions,
  runOperatorCommand,
  ServiceReadModels,
  serviceArgument,
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

export interface RebuildCommandOutput extends OperatorCommandOutput {
  /** Milliseconds between progress lines (default 1,000); phase changes are always shown. */
  readonly progressIntervalMs?: number;
}

const n = (value: number) => value.toLocaleString('en-US');

/**
 * `npm run rebuild -- <service>` (issue 5, "Rebuild"). `argv` is the arguments after the script.
 * Returns the exit code: 0 when the read models were rebuilt and swapped in, 2 on a usage error,
 * a refusal (pending migrations, another rebuild running, a table that cannot be copied) or a
 * failure (the live tables are then untouched).
 */
export async function runRebuildCommand(argv: readonly string[], env: Record<string, string | undefined>, output: RebuildCommandOutput = {}): Promise<number> {
  return runOperatorCommand('rebuild', REBUILD_USAGE, output, async ({ print, printError, closeAtEnd }) => {
    const { positional: service, options } = parseCommandLine(argv, ['database-url', 'page-size']);
    const target = serviceArgument(service, REBUILDABLE_SERVICES, 'rebuild');
    const url = databaseUrlOption(options, env);
    const pageSize = positiveIntegerOption(options, 'page-size', 1000);

    const { readModels } = target;
    const S = readModels.schema;
    const dataSource = new DataSource(
      serviceDataSourceOptions({ url, schema: S, migrations: target.migrations(), poolSize: 3, applicationName: `reform-rebuild-${readModels.service}` }),
    );
    closeAtEnd(() => dataSource.destroy());
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
  });
}
