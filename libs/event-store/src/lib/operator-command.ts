import { parseArgs } from 'node:util';

/**
 * What the operators' commands over an event store (integrity, rebuild, republish) share: their
 * command line (one positional and `--name value` options), where they print, and how they end:
 * exit code 2 with the usage after a usage error, 2 after a failure, their resources closed.
 */

/** Where an operator command prints; both default to the console. */
export interface OperatorCommandOutput {
  /** Results (stdout). */
  print?(line: string): void;
  /** Progress and errors (stderr). */
  printError?(line: string): void;
}

/** A command line the command cannot run: answered with its usage. */
export class UsageError extends Error {}

/** What a command's body is given: where to print, and where to hand what must be closed at the end. */
export interface OperatorCommandContext {
  print(line: string): void;
  printError(line: string): void;
  /** Closed when the command ends, whatever the outcome, the last handed first; a failure to close is ignored. */
  closeAtEnd(close: () => Promise<unknown>): void;
}

/**
 * Runs the body of the operator command `name` and returns its exit code: the body's, or 2 when it
 * throws (`name: message`, then `usage` when the command line was at fault).
 */
export async function runOperatorCommand(
  name: string,
  usage: string,
  output: OperatorCommandOutput,
  body: (context: OperatorCommandContext) => Promise<number>,
): Promise<number> {
  const print = output.print ?? ((line: string) => console.log(line));
  const printError = output.printError ?? ((line: string) => console.error(line));
  const closers: Array<() => Promise<unknown>> = [];
  try {
    return await body({ print, printError, closeAtEnd: (close) => closers.push(close) });
  } catch (error) {
    printError(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) printError(usage);
    return 2;
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  }
}

/** `argv` as at most one positional and the named string options; anything else is a usage error. */
export function parseCommandLine<Name extends string>(
  argv: readonly string[],
  names: readonly Name[],
): { positional: string | undefined; options: Partial<Record<Name, string>> } {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
    });
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    return { positional: positionals[0], options: values as Partial<Record<Name, string>> };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}

/** The option `--name` as a positive integer, `fallback` when it is not given. */
export function positiveIntegerOption<Name extends string>(options: Partial<Record<Name, string>>, name: Name, fallback: number): number {
  const text = options[name];
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} "${text}" is not a positive integer`);
  return value;
}

/** The database to work on: `--database-url`, else $DATABASE_URL. */
export function databaseUrlOption(options: Partial<Record<'database-url', string>>, env: Record<string, string | undefined>): string {
  const url = options['database-url'] ?? env['DATABASE_URL'];
  if (!url) throw new UsageError('DATABASE_URL is not set (or pass --database-url)');
  return url;
}

/** The service named on the command line, among `services`; `verb` names what the command does to one. */
export function serviceArgument<T>(name: string | undefined, services: Readonly<Record<string, T>>, verb: string): T {
  const service = name === undefined ? undefined : services[name];
  if (service !== undefined) return service;
  if (name === undefined) throw new UsageError('a service is required');
  const names = Object.keys(services);
  throw new UsageError(`unknown service "${name}": ${verb} ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`);
}
