import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');

function run(env: Record<string, string>): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'process.fixture.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output, exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

describe('runProcess', () => {
  it('stops in order on SIGTERM although a library registered its own handler', async () => {
    const fixture = run({ FIXTURE_DELAY_MS: '300' });
    const deadline = Date.now() + 20_000;
    while (!fixture.output().includes('ready') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    fixture.child.kill('SIGTERM');
    expect(await fixture.exit).toBe(0);
    expect(fixture.output()).toMatch(/ready\n\[fixture\] SIGTERM: stopping\nresources released\n\[fixture\] stopped\n/);
  });

  it('keeps running after an unhandled rejection, logs it and records a fault (readiness fails)', async () => {
    const fixture = run({ FIXTURE_DELAY_MS: '0', FIXTURE_REJECT: '1' });
    const deadline = Date.now() + 30_000;
    while (!fixture.output().includes('still running') && fixture.child.exitCode === null && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fixture.output()).toContain('[fixture] unhandled rejection (the process goes on; readiness now fails): Error: connect ECONNREFUSED 127.0.0.1:5432');
    expect(fixture.output()).toContain('still running, 1 fault(s)');
    fixture.child.kill('SIGTERM');
    expect(await fixture.exit).toBe(0);
  });

  it('exits 1 naming the missing variable, without a stack', async () => {
    const fixture = run({});
    expect(await fixture.exit).toBe(1);
    expect(fixture.output()).toContain('[fixture] Invalid configuration:\n- FIXTURE_DELAY_MS: ');
    expect(fixture.output()).not.toMatch(/\n\s+at /);
  });
});
