import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { eventually, TEST_SIGNING_KEYS } from '@reform/testing';

const root = join(__dirname, '../../..');

export interface TasksProcess {
  readonly child: ChildProcess;
  output(): string;
  readonly exit: Promise<NodeJS.Signals | number | null>;
  /** Whether the process still runs. */
  alive(): boolean;
}

/** The distributed mode's tasks process (services/tasks/src/main.ts), as operators run it. */
export function spawnTasksProcess(env: Record<string, string>): TasksProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, 'services/tasks/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      TS_NODE_PROJECT: 'tsconfig.base.json',
      PORT: '0',
      HOST: '127.0.0.1',
      AUTH_SIGNING_KEYS: TEST_SIGNING_KEYS.map((key) => `${key.kid}:${key.secret}`).join(','),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return {
    child,
    output: () => output,
    exit: new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code))),
    alive: () => child.exitCode === null && child.signalCode === null,
  };
}

/** Spawns the process and waits until its subgraph listens (its log says so). */
export async function startTasksProcess(env: Record<string, string>): Promise<TasksProcess> {
  const proc = spawnTasksProcess(env);
  await eventually(async () => expect(proc.output()).toContain('Subgraph at'), { timeoutMs: 90_000, intervalMs: 100 }).catch((error) => {
    proc.child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${proc.output()}`);
  });
  return proc;
}

/** SIGKILL and wait for the exit (no-op when it already ended). */
export async function killTasksProcess(proc: TasksProcess | null): Promise<void> {
  if (!proc) return;
  if (proc.alive()) proc.child.kill('SIGKILL');
  await proc.exit;
}
