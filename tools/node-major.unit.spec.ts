import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { satisfies, valid } from 'semver';

const root = join(__dirname, '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json'));
const lock = JSON.parse(read('package-lock.json'));

interface LockedPackage {
  version?: string;
  optional?: boolean;
  engines?: { node?: string } | string[];
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
const packages: Record<string, LockedPackage> = lock.packages;

/**
 * One supported Node major everywhere (ADR 0027): the `node` dev dependency pins the version that
 * `npm test`, `npm start` and the benches run (npm puts node_modules/.bin first on their PATH);
 * `engines`, the image and CI name the same one.
 */
describe('one Node version: the pinned `node` dev dependency', () => {
  const pinned: string = pkg.devDependencies.node;
  const major = pinned.split('.')[0];

  it('is an exact version of an even (long-term support) major', () => {
    expect(valid(pinned)).toBe(pinned);
    expect(Number(major) % 2).toBe(0);
  });

  it('is what the lockfile holds, and its install script is approved (npm 11 holds unapproved ones)', () => {
    expect(packages['node_modules/node']?.version).toBe(pinned);
    expect(packages[''].devDependencies?.node).toBe(pinned);
    expect(pkg.allowScripts.node).toBe(true);
  });

  it('engines says the same major, in package.json and in the lockfile', () => {
    expect(pkg.engines).toEqual({ node: `${major}.x` });
    expect(packages[''].engines).toEqual(pkg.engines);
    expect(satisfies(pinned, pkg.engines.node)).toBe(true);
  });

  it("Node's type definitions are of the same major", () => {
    expect(packages['node_modules/@types/node']?.version?.split('.')[0]).toBe(major);
  });

  it('this test runs on it (npm test and npx jest put node_modules/.bin/node first)', () => {
    expect(process.version).toBe(`v${pinned}`);
  });

  it('the image builds and runs on the same version', () => {
    const dockerfile = read('infra/docker/Dockerfile');
    const arg = /^ARG NODE_VERSION=(\S+)$/m.exec(dockerfile)?.[1];
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map(([, image]) => image.replace('${NODE_VERSION}', arg ?? '?'));
    expect(arg).toBe(pinned);
    expect(froms.length).toBeGreaterThan(0);
    for (const image of froms) expect(image).toBe(`node:${pinned}-bookworm-slim`);
  });

  it('CI installs on it and then runs everything on it', () => {
    const ci = read('.ci/run');
    expect(ci).toContain(`pinned_node=$(node -p 'require("./package.json").devDependencies.node')`);
    expect(ci).toContain('npm exec --yes --package="node@$pinned_node" -- npm ci');
    expect(ci).not.toMatch(/^npm ci/m);
    const install = ci.indexOf('-- npm ci');
    const path = ci.indexOf('export PATH="$PWD/node_modules/.bin:$PATH"');
    expect(path).toBeGreaterThan(install);
    // Every later use of node (the JetStream probe) or of npm scripts comes after the PATH is set.
    for (const use of ['nats_up()', 'npm run lint', 'npm test']) expect(ci.lastIndexOf(use)).toBeGreaterThan(path);
  });

  it('the start scripts put the pinned Node first also when started directly', () => {
    for (const script of readdirSync(join(root, 'scripts')).filter((name) => name.endsWith('.sh'))) {
      const text = read(`scripts/${script}`);
      const path = text.indexOf('export PATH="$PWD/node_modules/.bin:$PATH"');
      expect({ script, path: path >= 0 }).toEqual({ script, path: true });
      const firstNode = text.search(/^[^#\n]*\bnode\b/m);
      if (firstNode >= 0) expect({ script, before: path < firstNode }).toEqual({ script, before: true });
    }
  });
});

/**
 * What `npm ci` checks, against the lockfile: run on the pinned Node, no package's `engines` is
 * unmet (EBADENGINE) and no peer dependency is left unmet (ERESOLVE), overrides counted as npm
 * counts them.
 */
describe('an install on the pinned Node warns of nothing', () => {
  const pinned: string = pkg.devDependencies.node;

  it('every locked package accepts the pinned Node', () => {
    const unmet = Object.entries(packages)
      .filter(([path, entry]) => path && !entry.optional && entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
      .filter(([, entry]) => !satisfies(pinned, (entry.engines as { node: string }).node, { includePrerelease: true }))
      .map(([path, entry]) => `${path}: ${(entry.engines as { node: string }).node}`);
    expect(unmet).toEqual([]);
  });

  /** The version Node's resolution finds for `name` from the package at `from` (nearest node_modules up). */
  function resolveFrom(from: string, name: string): string | undefined {
    let dir = from;
    for (;;) {
      const hit = packages[`${dir ? `${dir}/` : ''}node_modules/${name}`];
      if (hit) return hit.version;
      if (!dir) return undefined;
      const cut = dir.lastIndexOf('/node_modules/');
      dir = cut < 0 ? '' : dir.slice(0, cut);
    }
  }

  /** An `overrides` entry that replaces `peer` for package `name` ("$x" means the root's own range). */
  function overridden(name: string, peer: string): string | undefined {
    const scoped = pkg.overrides?.[name];
    const value = typeof scoped === 'object' ? scoped[peer] : pkg.overrides?.[peer];
    if (typeof value !== 'string') return undefined;
    return value.startsWith('$') ? { ...pkg.dependencies, ...pkg.devDependencies }[value.slice(1)] : value;
  }

  it('every non-optional peer dependency is met by what is installed', () => {
    const unmet: string[] = [];
    for (const [path, entry] of Object.entries(packages)) {
      if (!path) continue;
      const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      for (const [peer, range] of Object.entries(entry.peerDependencies ?? {})) {
        if (entry.peerDependenciesMeta?.[peer]?.optional) continue;
        const wanted = overridden(name, peer) ?? range;
        const found = resolveFrom(path, peer);
        if (!found || !satisfies(found, wanted, { includePrerelease: true })) unmet.push(`${path} wants ${peer}@${wanted}, finds ${found ?? 'nothing'}`);
      }
    }
    expect(unmet).toEqual([]);
  });

  it('the override for the Apollo playground plugin is still needed (remove it when it is not)', () => {
    const plugin = packages['node_modules/@apollo/server-plugin-landing-page-graphql-playground'];
    expect(plugin).toBeDefined(); // when @nestjs/apollo no longer brings it, the override goes
    expect(satisfies(resolveFrom('', '@apollo/server') ?? '', plugin?.peerDependencies?.['@apollo/server'] ?? '*')).toBe(false);
    expect(pkg.overrides['@apollo/server-plugin-landing-page-graphql-playground']).toEqual({ '@apollo/server': '$@apollo/server' });
  });
});
