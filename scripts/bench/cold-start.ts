/**
 * Embedded-mode start benchmark: prints figures, asserts nothing (speed is not a test).
 *   npm run bench:cold-start
 *
 * First start, as on a fresh clone after `npm ci`: no build output (dist/ and web/dist removed),
 * an empty Nx cache and project graph (NX_CACHE_DIRECTORY and NX_WORKSPACE_DATA_DIRECTORY point
 * into a temporary folder, so the working tree's own cache is left alone) and a fresh DATA_DIR;
 * then `npm run prepare`, which `npm ci` runs (the platform's Nx build target, SWC, ADR 0014, and
 * the web app's build), timed on its own as part of the install; then `npm start`, which finds
 * the builds up to date, starts embedded PostgreSQL (initdb, migrations) and the platform, timed
 * wall-clock from the spawn of `npm start` until the gateway answers `{ __typename }` at
 * http://localhost:PORT/graphql. The national list and the demo data load after that, in the
 * background: the time until the launcher says "Data ready" is printed too (BENCH_DATA_TIMEOUT_S,
 * default 300, bounds the wait), and the start is stopped only then.
 * Restart: a second `npm start` on the same data folder and build output (the build is found up
 * to date). The limits (issue 11): 30 s for the first start, 10 s for a restart; printed beside.
 * BENCH_TS_NODE=1 adds the same two starts the way `npm start` ran before ADR 0014 (ts-node
 * compiling the TypeScript at start-up), for comparison. PORT and EMBEDDED_PG_PORT are free ports
 * chosen here, so a running `npm start` on 4000/5433 is not disturbed.
 *
 * Stopping: SIGTERM to the launcher's node process only (it closes the platform, then stops its
 * PostgreSQL), then wait until its whole process group has gone; the group gets SIGKILL only if
 * it has not gone after BENCH_STOP_TIMEOUT_S (default 60). PostgreSQL must not get the signal
 * first: the launcher would then wait for a server that has already exited. The temporary folder
 * is removed at the end. BENCH_START_TIMEOUT_S (default 240) bounds each start.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(__dirname, '..', '..');
const START_TIMEOUT_MS = Number(process.env.BENCH_START_TIMEOUT_S ?? 240) * 1000;
const STOP_TIMEOUT_MS = Number(process.env.BENCH_STOP_TIMEOUT_S ?? 60) * 1000;
const DATA_TIMEOUT_MS = Number(process.env.BENCH_DATA_TIMEOUT_S ?? 300) * 1000;

/** A launcher's line as text: its message when it is a JSON log line (stdout is not a terminal here). */
function textOf(line: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
  if (!plain.startsWith('{')) return plain;
  try {
    const parsed = JSON.parse(plain) as { msg?: unknown };
    return typeof parsed.msg === 'string' ? parsed.msg : plain;
  } catch {
    return plain;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/** True while any process of the group is alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pids of the group's processes whose command line contains `needle`, with their argv. */
function groupProcesses(pgid: number): Array<{ pid: number; argv: string[] }> {
  const found: Array<{ pid: number; argv: string[] }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state ppid pgrp ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      found.push({ pid: Number(entry), argv: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean) });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/**
 * CPU time (user + system) used so far by a process group: each live process's own, plus what
 * its exited, waited-for children used (the build step's processes, PostgreSQL's initdb and
 * backends). On a loaded machine this, not the wall-clock time, is what the start costs.
 */
function groupCpuSeconds(pgid: number): number {
  const ticksPerSecond = 100; // USER_HZ on Linux
  let ticks = 0;
  for (const { pid } of groupProcesses(pgid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime stime cutime cstime are fields 14–17 of stat, 12–15 after the command name.
      ticks += fields.slice(11, 15).reduce((sum, value) => sum + Number(value), 0);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / ticksPerSecond;
}

interface Started {
  child: ChildProcess;
  output: string[];
  seconds: number;
  /** The launcher's own "Gateway ready ... after N s" figure (measured from inside node). */
  reported: string | null;
  /** `npm start`'s own "[start] build: …" line (what the build step did, and its time). */
  build: string | null;
  /** CPU seconds the start used until the gateway answered (npm, the build, node, PostgreSQL). */
  cpuSeconds: number;
  /** When it was spawned (performance.now()). */
  t0: number;
}

/** How a start is launched: today's `npm start`, or the ts-node launch it replaced (for comparison). */
const LAUNCHERS = {
  'npm start': { command: 'npm', args: ['start'], env: {} },
  'ts-node (before ADR 0014)': {
    command: process.execPath,
    args: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'infra/platform/src/start-embedded.ts'],
    env: { TS_NODE_PROJECT: 'tsconfig.base.json' },
  },
} as const;
type Launcher = keyof typeof LAUNCHERS;

async function start(launcher: Launcher, dataDir: string, port: number, pgPort: number, env: Record<string, string>): Promise<Started> {
  const output: string[] = [];
  const { command, args, env: launcherEnv } = LAUNCHERS[launcher];
  const t0 = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    detached: true, // its own process group, so nothing of it outlives the benchmark
    env: { ...process.env, ...launcherEnv, ...env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited: number | string | null = null;
  child.on('exit', (code, signal) => (exited = code ?? signal ?? 'exit'));
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean).map(textOf));
    output.splice(0, Math.max(0, output.length - 200));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://localhost:${port}/graphql`;
  for (;;) {
    if (exited !== null) {
      if (child.pid !== undefined && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL'); // an orphaned PostgreSQL
      throw new Error(`npm start exited (${exited}) before the gateway answered:\n${output.slice(-30).join('\n')}`);
    }
    if (performance.now() - t0 > START_TIMEOUT_MS) {
      const failed: Started = { child, output, seconds: NaN, reported: null, build: null, cpuSeconds: NaN, t0 };
      await stop(failed);
      throw new Error(`the gateway did not answer within ${START_TIMEOUT_MS / 1000} s:\n${output.slice(-30).join('\n')}`);
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
        signal: AbortSignal.timeout(2000),
      });
      const body = (await response.json()) as { data?: { __typename?: string } };
      if (body.data?.__typename) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = child.pid === undefined ? NaN : groupCpuSeconds(child.pid);
  // The launcher logs its own figure just after the gateway listens; give it a moment.
  let reported: string | null = null;
  for (let i = 0; i < 20 && !reported; i++) {
    reported = output.map((line) => /Gateway ready at .* after ([\d.]+ s)/.exec(line)?.[1]).find(Boolean) ?? null;
    if (!reported) await sleep(50);
  }
  const build = output.map((line) => /\[start\] build: (.*)/.exec(line)?.[1]).find(Boolean) ?? null;
  return { child, output, seconds, reported, build, cpuSeconds, t0 };
}

/** Waits for the launcher's "Data ready" line (the background loading done); the seconds from the spawn. */
async function dataReady(started: Started): Promise<number | undefined> {
  const deadline = performance.now() + DATA_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (started.output.some((line) => line.startsWith('Data ready'))) return (performance.now() - started.t0) / 1000;
    if (started.output.some((line) => line.startsWith('Loading the national list or the demo data failed'))) return undefined;
    await sleep(100);
  }
  return undefined;
}

/** `npm run prepare`, as `npm ci` runs it: the builds, timed wall-clock with the CPU they used. */
async function prepare(env: Record<string, string>): Promise<{ seconds: number; cpuSeconds: number; output: string[] }> {
  const t0 = performance.now();
  const cpuBefore = childrenCpuSeconds();
  const child = spawn('npm', ['run', 'prepare'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  child.stderr?.on('data', (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const code = await new Promise<number | null>((resolveExit) => child.on('exit', (exitCode) => resolveExit(exitCode)));
  if (code !== 0) throw new Error(`npm run prepare failed (${code}):\n${output.slice(-30).join('\n')}`);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: childrenCpuSeconds() - cpuBefore, output };
}

/** CPU seconds of this process's exited, waited-for children (cutime + cstime of /proc/self/stat). */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** SIGTERM to the launcher (not PostgreSQL), then wait for the whole group to exit. */
async function stop(started: Started): Promise<{ seconds: number; clean: boolean }> {
  const pgid = started.child.pid;
  if (pgid === undefined) return { seconds: 0, clean: true }; // never spawned
  const t0 = performance.now();
  const launcher = groupProcesses(pgid).find(({ argv }) => /(^|\/)node$/.test(argv[0] ?? '') && argv.some((arg) => /start-embedded\.(js|ts)$/.test(arg)));
  // Without a launcher (already gone, or not yet spawned), npm forwards SIGTERM to its child.
  process.kill(launcher?.pid ?? pgid, 'SIGTERM');
  while (groupAlive(pgid) && performance.now() - t0 < STOP_TIMEOUT_MS) await sleep(100);
  const clean = !groupAlive(pgid);
  if (!clean) {
    process.kill(-pgid, 'SIGKILL');
    while (groupAlive(pgid)) await sleep(100);
  }
  return { seconds: (performance.now() - t0) / 1000, clean };
}

const LIMITS = { first: 30, restart: 10 };

async function main() {
  const dir = mkdtempSync(join(os.tmpdir(), 'reform-cold-start-'));
  const lines: string[] = [];
  let running: Started | null = null;
  const launchers: Launcher[] = process.env.BENCH_TS_NODE === '1' ? ['npm start', 'ts-node (before ADR 0014)'] : ['npm start'];
  try {
    const [port, pgPort] = [await freePort(), await freePort()];
    // A fresh clone's Nx state, kept out of the working tree's own cache.
    const nxEnv = { NX_CACHE_DIRECTORY: join(dir, 'nx-cache'), NX_WORKSPACE_DATA_DIRECTORY: join(dir, 'nx-workspace-data'), NX_DAEMON: 'false' };
    lines.push(
      `machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}, node ${process.version}`,
      `PORT=${port} EMBEDDED_PG_PORT=${pgPort}; wall-clock from the spawn to the first answer of { __typename }; limits: first start ${LIMITS.first} s, restart ${LIMITS.restart} s`,
      '',
    );
    for (const launcher of launchers) {
      const dataDir = join(dir, `data-${launchers.indexOf(launcher)}`);
      // The first start of `npm start` finds what `git clone && npm ci` leaves: the builds of `prepare`.
      if (launcher === 'npm start') {
        for (const built of ['dist', 'web/dist']) rmSync(join(ROOT, built), { recursive: true, force: true });
        const load = os.loadavg()[0];
        const prepared = await prepare(nxEnv);
        lines.push(
          `${'npm run prepare (part of npm ci)'.padEnd(40)} ${prepared.seconds.toFixed(1).padStart(6)} s   (at install, not in the start's time)`,
          `${' '.repeat(42)}CPU used ${prepared.cpuSeconds.toFixed(1)} s; load average before ${load.toFixed(2)}`,
          ...prepared.output.filter((line) => line.startsWith('[prepare]')).map((line) => `${' '.repeat(42)}${line}`),
        );
      }
      for (const kind of ['first start', 'restart'] as const) {
        const load = os.loadavg()[0];
        running = await start(launcher, dataDir, port, pgPort, nxEnv);
        const started = running;
        // The data loads behind the answering gateway (npm start); stopped once it is in.
        const dataSeconds = launcher === 'npm start' ? await dataReady(started) : undefined;
        const loadAfter = os.loadavg()[0];
        running = null;
        const stopped = await stop(started);
        const limit = kind === 'first start' ? LIMITS.first : LIMITS.restart;
        lines.push(
          `${`${launcher}, ${kind}`.padEnd(40)} ${started.seconds.toFixed(1).padStart(6)} s   (limit ${limit} s: ${started.seconds <= limit ? 'within' : 'OVER'})`,
          `${' '.repeat(42)}CPU used until then ${started.cpuSeconds.toFixed(1)} s; build step: ${started.build ?? '—'}; launcher's own figure: ${started.reported ?? '?'}; load average before ${load.toFixed(2)}, after ${loadAfter.toFixed(2)}; stop took ${stopped.seconds.toFixed(1)} s${stopped.clean ? '' : ', NOT clean: SIGKILL'}`,
          ...(launcher === 'npm start'
            ? [
                `${' '.repeat(42)}national list and demo data in (background) after ${dataSeconds === undefined ? `— (not within ${DATA_TIMEOUT_MS / 1000} s, or failed)` : `${dataSeconds.toFixed(1)} s`}`,
              ]
            : []),
          // What the start did (the import's summary shows a first start loaded the list, a restart nothing).
          ...started.output
            // eslint-disable-next-line no-control-regex
            .map((line) => line.replace(/\x1b\[[0-9;]*m/g, ''))
            .map(
              (line) =>
                /(Embedded PostgreSQL ready|Building the web app|Web app built|Data ready|Services directory, plans, tasks, reporting and scoring started|National unit list:|Reorganisation 2025-07-01: [0-9]+ events correcting|Demo directory data:|Demo accounts:|Demo two-tier Đà Nẵng|Unit copies of plans, tasks, reporting and scoring|Frameworks published by scoring|Demo plans:|Demo assignments:|Demo reporting:|Demo target figures:|Demo scoring:|Gateway composed).*/.exec(
                  line,
                )?.[0],
            )
            .filter((line): line is string => Boolean(line))
            .map((line) => `${' '.repeat(42)}${line}`),
        );
      }
    }
    console.log(lines.join('\n'));
  } finally {
    if (running) await stop(running).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
