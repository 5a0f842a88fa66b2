import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** The TypeScript entry points a deployment file starts: a renamed file must not leave it dangling. */
function entryPoints(file: string): string[] {
  return [...readFileSync(join(root, file), 'utf8').matchAll(/\b((?:services|gateway|infra|libs|scripts)\/[\w./-]+\.ts)\b/g)].map((match) => match[1]);
}

describe('entry points named by the deployment files exist', () => {
  it.each(['docker-compose.yml', 'scripts/start-distributed.sh', 'package.json'])('%s', (file) => {
    const entries = entryPoints(file);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((entry) => !existsSync(join(root, entry)))).toEqual([]);
  });

  it('docker-compose.yml mounts the infra files it names', () => {
    const mounts = [...readFileSync(join(root, 'docker-compose.yml'), 'utf8').matchAll(/- \.\/([\w./-]+):/g)].map((match) => match[1]);
    expect([...new Set(mounts)]).toEqual(['infra/postgres/init.sql', 'infra/nats/nats-cluster.conf']);
    expect(mounts.filter((mount) => !existsSync(join(root, mount)))).toEqual([]);
  });
});
