import { readFile, writeFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { serviceDataSourceOptions } from '../postgres/data-source';
import { assertSchemaName } from '../postgres/migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { OperatorCommandOutput, parseCommandLine, runOperatorCommand, UsageError } from '../operator-command';
import { checkDigest, createDigest, parseDigest } from './digest';
import { verifyAllStreams } from './verify-all';

export type IntegrityCommandOutput = OperatorCommandOutput;

export const INTEGRITY_USAGE = [
  'usage:',
  '  integrity verify --database-url URL --schema S',
  "      walks every stream's hash chain; lists each broken stream and its first broken version",
  '  integrity digest --database-url URL --schema S [--service NAME] [--as-of ISO] --out FILE',
  "      writes each stream's head hash (as of an instant) to FILE, to be kept outside the database",
  '  integrity check-digest --database-url URL [--schema S] --digest FILE',
  '      checks that every stream in the digest still has its recorded hash at its recorded version',
  'The database URL defaults to $DATABASE_URL. Exit codes: 0 ok, 1 broken or mismatched, 2 usage or error.',
].join('\n');

/**
 * The operators' integrity command for one service's event store (issue 5, "Integrity").
 * `argv` is the arguments after the script (process.argv.slice(2)). Returns the exit code:
 * 0 when everything checks, 1 when a chain is broken or the store no longer matches the digest
 * (or the digest was altered), 2 on a usage error or a failure to run.
 */
export async function runIntegrityCommand(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  output: IntegrityCommandOutput = {},
): Promise<number> {
  return runOperatorCommand('integrity', INTEGRITY_USAGE, output, async ({ print, printError, closeAtEnd }) => {
    const { positional: command, options } = parseCommandLine(argv, ['database-url', 'schema', 'service', 'as-of', 'out', 'digest']);
    if (!command || !['verify', 'digest', 'check-digest'].includes(command))
      throw new UsageError(command ? `unknown command "${command}"` : 'a command is required');
    const url = options['database-url'] ?? env['DATABASE_URL'];
    if (!url) throw new UsageError('--database-url is required (or set DATABASE_URL)');

    if (command === 'check-digest') {
      const file = required(options, 'digest');
      const digest = parseDigest(await readFile(file, 'utf8'));
      const schema = assertSchemaName(options.schema ?? digest.schema);
      const dataSource = await connect(url, schema, closeAtEnd);
      const result = await checkDigest(new PostgresEventStore(dataSource, schema), digest);
      if (!result.digestIntact) print(`digest ${file}: its digest field does not match its content: the digest file was altered, do not trust it`);
      for (const m of result.mismatches) print(`stream ${m.streamId}: version ${m.expected.version}: ${m.reason}`);
      const asOf = digest.asOf ? `, as of ${digest.asOf}` : '';
      print(
        `checked ${result.checkedStreams} stream(s) of ${digest.service} (schema ${schema}) against the digest of ${digest.createdAt}${asOf}: ` +
          `${result.mismatches.length} mismatch(es), digest ${result.digestIntact ? 'intact' : 'ALTERED'}`,
      );
      return result.ok ? 0 : 1;
    }

    const schema = assertSchemaName(required(options, 'schema'));
    if (command === 'verify') {
      const dataSource = await connect(url, schema, closeAtEnd);
      let reported = -1;
      const result = await verifyAllStreams(new PostgresEventStore(dataSource, schema), {
        onProgress(done, total) {
          // One line per tenth, not per page: imports make ~50,000 events.
          const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
          if (tenth > reported) {
            reported = tenth;
            printError(`verified ${done}/${total} events`);
          }
        },
      });
      for (const report of result.broken) print(`stream ${report.streamId}: first broken version ${report.firstBrokenVersion}: ${report.reason}`);
      print(`checked ${result.checkedStreams} stream(s), ${result.checkedEvents} event(s) in schema ${schema}: ${result.broken.length} broken`);
      return result.broken.length ? 1 : 0;
    }

    if (command === 'digest') {
      const file = required(options, 'out');
      const asOf = options['as-of'] === undefined ? undefined : new Date(options['as-of']);
      if (asOf && Number.isNaN(asOf.getTime())) throw new UsageError(`--as-of "${options['as-of']}" is not an ISO date`);
      const dataSource = await connect(url, schema, closeAtEnd);
      const digest = await createDigest(new PostgresEventStore(dataSource, schema), { service: options.service ?? schema, asOf });
      // 'wx': an earlier digest is evidence; never overwrite one.
      await writeFile(file, `${JSON.stringify(digest, null, 2)}\n`, { flag: 'wx' });
      print(
        `wrote the digest of ${digest.streams.length} stream(s) of ${digest.service} (schema ${schema}${asOf ? `, as of ${digest.asOf}` : ''}) to ${file}: sha256 ${digest.digest}`,
      );
      return 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  });
}

type Options = Partial<Record<'database-url' | 'schema' | 'service' | 'as-of' | 'out' | 'digest', string>>;

function required(options: Options, name: keyof Options): string {
  const value = options[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

async function connect(url: string, schema: string, closeAtEnd: (close: () => Promise<unknown>) => void): Promise<DataSource> {
  const dataSource = new DataSource(serviceDataSourceOptions({ url, schema, poolSize: 2, applicationName: `reform-integrity-${schema}` }));
  closeAtEnd(() => dataSource.destroy());
  await dataSource.initialize();
  return dataSource;
}
