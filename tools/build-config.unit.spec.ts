import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

const APPS = { directory: 'services/directory', plans: 'services/plans', tasks: 'services/tasks', gateway: 'gateway', platform: 'infra/platform' };

/** The folders a project's build command hands to swc (its own or the default from nx.json). */
function compiledFolders(name: string, projectRoot: string): RegExp[] {
  const command: string =
    readJson(join(projectRoot, 'project.json')).targets.build?.options?.command ?? readJson('nx.json').targetDefaults.build.options.command;
  const args = command.replaceAll('{projectRoot}', projectRoot).replaceAll('{projectName}', name).split(/\s+/);
  const folders = args.slice(args.indexOf('swc') + 1, args.indexOf('-d'));
  return folders.map((folder) => new RegExp(`^${folder.replaceAll('*', '[^/]+')}/`));
}

/** Non-test TypeScript files under a folder. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

// The compiled output (ADR 0014): SWC rewrites the @reform/* aliases into relative requires, and
// each application's Nx build target compiles its own src/ and what it imports into dist/<app>/.
describe('the build (SWC through Nx build targets)', () => {
  const paths: Record<string, string[]> = readJson('tsconfig.base.json').compilerOptions.paths;

  // A library's alias is its folder's name, so .swcrc maps libraries with one pattern (a new
  // library needs no entry there) and names the rest; exact entries win over the pattern, as in TypeScript.
  it('.swcrc resolves every @reform/* alias of tsconfig.base.json to the same file', () => {
    const swcPaths: Record<string, string[]> = readJson('.swcrc').jsc.paths;
    const resolve = (alias: string): string | undefined => {
      if (swcPaths[alias]) return swcPaths[alias][0];
      const patterns = Object.keys(swcPaths).filter((key) => key.endsWith('*') && alias.startsWith(key.slice(0, -1)));
      const longest = patterns.sort((a, b) => b.length - a.length)[0];
      return longest && swcPaths[longest][0].replace('*', alias.slice(longest.length - 1));
    };
    expect(Object.fromEntries(Object.keys(paths).map((alias) => [alias, resolve(alias)]))).toEqual(
      Object.fromEntries(Object.entries(paths).map(([alias, [file]]) => [alias, file])),
    );
  });

  it.each(Object.entries(APPS))('%s: its build compiles every folder its code imports through @reform/*, transitively', (name, projectRoot) => {
    const compiled = compiledFolders(name, projectRoot);
    const seen = new Set<string>();
    const missing: string[] = [];
    const visit = (srcDir: string) => {
      if (seen.has(srcDir)) return;
      seen.add(srcDir);
      if (!compiled.some((folder) => folder.test(`${srcDir}/`))) missing.push(srcDir);
      for (const file of sources(srcDir)) {
        for (const [, alias] of readFileSync(join(root, file), 'utf8').matchAll(/from '(@reform\/[\w-]+)'/g)) {
          const target = paths[alias]?.[0];
          if (target) visit(target.slice(0, target.indexOf('/src/') + 4));
        }
      }
    };
    visit(`${projectRoot}/src`);
    expect(missing).toEqual([]);
    expect(seen.size).toBeGreaterThan(1);
  });

  it('services, the gateway and the platform are Nx applications with build and serve targets', () => {
    for (const dir of Object.values(APPS)) {
      const project = readJson(join(dir, 'project.json'));
      expect({ dir, type: project.projectType, build: 'build' in project.targets, serve: 'serve' in project.targets }).toEqual({
        dir,
        type: 'application',
        build: true,
        serve: true,
      });
    }
  });

  it('caches builds, tests and lint in Nx', () => {
    const { targetDefaults } = readJson('nx.json');
    expect({ build: targetDefaults.build.cache, test: targetDefaults.test.cache, lint: targetDefaults.lint.cache }).toEqual({
      build: true,
      test: true,
      lint: true,
    });
  });

  // Issue 11 "Start": `npm ci` builds, so a first `npm start` only finds the builds up to date.
  it('npm ci builds the platform and the web app, with the stamp npm start checks', () => {
    const read = (file: string) => readFileSync(join(root, file), 'utf8');
    expect(readJson('package.json').scripts.prepare).toBe('[ ! -f scripts/prepare.sh ] || scripts/prepare.sh');
    const prepare = read('scripts/prepare.sh');
    const start = read('scripts/start-embedded.sh');
    expect(prepare).toContain('nx run platform:build');
    expect(prepare).toContain('npm run --silent web:build');
    expect(start).toContain('stamp=dist/.platform-built');
    expect(prepare).toContain('touch dist/.platform-built');
    // The image's first `npm ci` has no sources yet, the runtime stage no build tools: both skip.
    expect(read('infra/docker/Dockerfile')).toMatch(/COPY package\.json package-lock\.json \.\/\nRUN npm ci/);
    expect(prepare).toMatch(/node_modules\/\.bin\/nx .*\n.*exit 0/s);
  });

  // Nx reads the imports only when told to (or when @nx/js is a declared dependency, which it no
  // longer is, ADR 0027): without the graph's edges the platform's cached build ignored edited
  // services, and `nx affected` saw nothing.
  it("Nx's project graph knows what the platform and the gateway import", () => {
    const graph = JSON.parse(
      execFileSync(join(root, 'node_modules/.bin/nx'), ['graph', '--print'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NX_DAEMON: 'false' },
        maxBuffer: 64 * 2 ** 20,
      }),
    );
    const targets = (project: string) => (graph.graph.dependencies[project] as Array<{ target: string }>).map((edge) => edge.target);
    expect(targets('platform')).toEqual(expect.arrayContaining(['directory', 'plans', 'tasks', 'reporting', 'scoring', 'gateway', 'event-store']));
    expect(targets('gateway')).toEqual(expect.arrayContaining(['auth', 'subgraph']));
  }, 120_000);
});
