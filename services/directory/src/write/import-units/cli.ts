import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { databaseConfig, loadConfig } from '@reform/config';
import { PostgresEventStore, runMigrations, serviceDataSourceOptions, SYSTEM_ACTOR } from '@reform/event-store';
import { NATIONAL_UNIT_LIST, NATIONAL_UNIT_LIST_DATE, REORGANISATION_2025 } from '../../app';
import { importReorganisation, ReorganisationSummary } from './import-reorganisation';
import { directoryMigrations } from '../../directory-migrations';
import { DIRECTORY_SCHEMA } from '../../schema';
import { importUnitList } from './import-units';
import { UnitListRejected } from './unit-list';

const USAGE =
  'usage: import-units [file.csv] [--date YYYY-MM-DD] [--lineage lineage.csv]   (default: the national list, as of its date)\n' +
  '       with --lineage: a change of the structure effective on --date (file.csv: the units valid from then; no file: lineage only)\n' +
  '       import-units --reorganisation-2025   (the corrections of the March list, then the 2025 reorganisation shipped with the platform)';

/**
 * Operators' command of the distributed mode: imports a unit list into the directory database
 * (DATABASE_URL), all or nothing. Without a file, the national list shipped with the platform.
 * `--date` is the day the list describes (renames and transfers take effect then); it defaults to
 * the national list's date for that list, and to today for another file. A second run of the
 * same file appends nothing. The directory process need not run: its relay publishes the new
 * events when it starts (the event store is its outbox).
 *
 * Returns the exit code: 0 imported, 1 file rejected (the Vietnamese message names the lines)
 * or unreadable, 2 bad usage or configuration.
 */
export async function runImportCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: { out: (line: string) => void; err: (line: string) => void } = { out: console.log, err: console.error },
): Promise<number> {
  let config: { DATABASE_URL: string };
  try {
    config = loadConfig(databaseConfig, env);
  } catch (error) {
    io.err((error as Error).message);
    return 2;
  }
  const args = parseArgs(argv);
  if ('error' in args) {
    io.err(`${args.error}\n${USAGE}`);
    return 2;
  }
  const cwd = env.INIT_CWD ?? process.cwd();
  if (args.reorganisation2025 || args.lineage) return runReorganisation(args, cwd, config.DATABASE_URL, io);
  const file = args.file ? resolve(cwd, args.file) : NATIONAL_UNIT_LIST;
  const listDate = args.date ?? (args.file ? new Date().toISOString().slice(0, 10) : NATIONAL_UNIT_LIST_DATE);
  let csv: string;
  try {
    csv = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`Không đọc được tệp ${file}: ${(error as Error).message}`);
    return 1;
  }

  return withDirectoryStore(config.DATABASE_URL, io, async (store) => {
    const started = Date.now();
    const summary = await importUnitList(store, csv, {
      listDate,
      metadata: { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: `import-units-${listDate}`, causationId: null },
    });
    io.out(
      `Unit list ${file} (as of ${listDate}): ${summary.rows} rows, ${summary.established} established, ${summary.renamed} renamed, ` +
        `${summary.transferred} transferred, ${summary.unchanged} unchanged (${Date.now() - started} ms)`,
    );
    return 0;
  });
}

interface Args {
  file?: string;
  date?: string;
  lineage?: string;
  reorganisation2025?: boolean;
}

/** A change of the structure (units valid from `--date` and the lineage of the old ones), with progress. */
async function runReorganisation(args: Args, cwd: string, url: string, io: { out: (line: string) => void; err: (line: string) => void }): Promise<number> {
  const steps: Array<{ units: string | null; lineage: string; date: string }> = args.reorganisation2025
    ? [
        { units: null, lineage: REORGANISATION_2025.corrections, date: NATIONAL_UNIT_LIST_DATE },
        { units: REORGANISATION_2025.units, lineage: REORGANISATION_2025.lineage, date: REORGANISATION_2025.effectiveOn },
      ]
    : [
        {
          units: args.file ? resolve(cwd, args.file) : null,
          lineage: resolve(cwd, args.lineage as string),
          date: args.date ?? new Date().toISOString().slice(0, 10),
        },
      ];
  return withDirectoryStore(url, io, async (store) => {
    for (const step of steps) {
      let units: string | null;
      let lineage: string;
      try {
        units = step.units ? await readFile(step.units, 'utf8') : null;
        lineage = await readFile(step.lineage, 'utf8');
      } catch (error) {
        io.err(`Không đọc được tệp: ${(error as Error).message}`);
        return 1;
      }
      const started = Date.now();
      const summary: ReorganisationSummary = await importReorganisation(store, units, lineage, {
        effectiveOn: step.date,
        metadata: { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: `import-lineage-${step.date}`, causationId: null },
        progress: (done, total) => io.out(`${step.lineage}: ${done}/${total} events`),
      });
      io.out(
        `Change of ${step.date} (${step.lineage}): ${summary.established} established, ${summary.reorganised} reorganised, ${summary.merged} merged, ` +
          `${summary.split} split, ${summary.dissolved} dissolved, ${summary.events} events in ${summary.batches} batches (${Date.now() - started} ms)`,
      );
    }
    return 0;
  });
}

/** The directory's store on a short-lived pool, migrated first; a rejected list is told in Vietnamese (exit 1). */
async function withDirectoryStore(url: string, io: { err: (line: string) => void }, work: (store: PostgresEventStore) => Promise<number>): Promise<number> {
  const dataSource = new DataSource(
    serviceDataSourceOptions({ url, schema: DIRECTORY_SCHEMA, migrations: directoryMigrations(), poolSize: 2, applicationName: 'reform-directory-import' }),
  );
  try {
    await runMigrations(dataSource);
    return await work(new PostgresEventStore(dataSource, DIRECTORY_SCHEMA));
  } catch (error) {
    if (!(error instanceof UnitListRejected)) throw error;
    io.err(error.vietnamese);
    return 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

function parseArgs(argv: readonly string[]): Args | { error: string } {
  let file: string | undefined;
  let date: string | undefined;
  let lineage: string | undefined;
  let reorganisation2025 = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--reorganisation-2025') {
      reorganisation2025 = true;
    } else if (arg === '--lineage' || arg.startsWith('--lineage=')) {
      lineage = arg === '--lineage' ? argv[++i] : arg.slice('--lineage='.length);
      if (!lineage) return { error: '--lineage needs a file' };
    } else if (arg === '--date' || arg.startsWith('--date=')) {
      date = arg === '--date' ? argv[++i] : arg.slice('--date='.length);
      if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
        return { error: `--date must be a day such as 2025-03-01, got "${date ?? ''}"` };
    } else if (arg.startsWith('-')) {
      return { error: `unknown option ${arg}` };
    } else if (file === undefined) {
      file = arg;
    } else {
      return { error: `one file only, got "${file}" and "${arg}"` };
    }
  }
  if (reorganisation2025 && (file || lineage)) return { error: '--reorganisation-2025 takes no file' };
  return { file, date, lineage, reorganisation2025 };
}

if (require.main === module) {
  runImportCli(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
