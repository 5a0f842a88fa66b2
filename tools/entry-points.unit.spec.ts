import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** The TypeScript entry points a deployment file starts: a renamed file must not leave it dangling. */
function entryPoints(file: string): string[] {
  return [...readFileSync(join(root, file), 'utf8').matchAll(/(?<!dist\/[\w-]+\/)\b((?:services|gateway|infra|libs|scripts)\/[\w./-]+\.ts)\b/g)].map(
    (match) => match[1],
  );
}

/** The compiled entry points (dist/<project>/<path>.js) a deployment file starts: the project and the source. */
function compiledEntryPoints(file: string): Array<{ project: string; source: string }> {
  return [...readFileSync(join(root, file), 'utf8').matchAll(/\bdist\/([\w-]+)\/([\w./-]+)\.js\b/g)].map((match) => ({
    project: match[1],
    source: `${match[2]}.ts`,
  }));
}

/** The Nx projects by name, with their root folder and target names. */
function projects(): Map<string, { root: string; targets: string[] }> {
  const found = new Map<string, { root: string; targets: string[] }>();
  const dirs = ['libs', 'services', 'infra'].flatMap((parent) => readdirSync(join(root, parent)).map((name) => `${parent}/${name}`));
  for (const dir of [...dirs, 'gateway', 'tools']) {
    const file = join(root, dir, 'project.json');
    if (!existsSync(file)) continue;
    const project = JSON.parse(readFileSync(file, 'utf8'));
    found.set(project.name, { root: dir, targets: Object.keys(project.targets ?? {}) });
  }
  return found;
}

describe('entry points named by the deployment files exist', () => {
  it.each(['package.json'])('%s', (file) => {
    const entries = entryPoints(file);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((entry) => !existsSync(join(root, entry)))).toEqual([]);
  });

  // dist/<project>/ is what the project's Nx build target compiles: its own src/ and the libraries (ADR 0014).
  it.each(['docker-compose.yml', 'scripts/start-distributed.sh', 'scripts/start-embedded.sh'])(
    "%s: compiled entries come from an application's own sources",
    (file) => {
      const entries = compiledEntryPoints(file);
      const known = projects();
      expect(entries.length).toBeGreaterThan(0);
      const wrong = entries.filter(({ project, source }) => {
        const built = known.get(project);
        return !built || !built.targets.includes('build') || !source.startsWith(`${built.root}/src/`) || !existsSync(join(root, source));
      });
      expect(wrong).toEqual([]);
    },
  );

  it('docker-compose.yml mounts the infra files it names', () => {
    const mounts = [...readFileSync(join(root, 'docker-compose.yml'), 'utf8').matchAll(/- \.\/([\w./-]+):/g)].map((match) => match[1]);
    expect([...new Set(mounts)]).toEqual([
      'infra/postgres/init.sql',
      'infra/nats/nats-cluster.conf',
      'infra/observability/prometheus.yml',
      'infra/observability/grafana/provisioning',
      'infra/observability/grafana/dashboards',
    ]);
    expect(mounts.filter((mount) => !existsSync(join(root, mount)))).toEqual([]);
  });
});
