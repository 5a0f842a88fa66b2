import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');

/**
 * One service shape (README "How the pieces fit"; issue 14), kept by walking services/*\/src:
 * - src/ holds domain/ (pure deciders), write/<use-case>/, read/<read-model>/, automation/
 *   (consumers; their naming is checked by the job-processor branch's test), and demo/ or
 *   testing/ for seeds and test helpers, beside the service's wiring files;
 * - write/ has no file at its root: each use case's command handling, resolver and tests sit in
 *   its kebab-case folder, one mutation per folder; helpers shared by several use cases of one
 *   service in write/common/;
 * - read/ has one folder per read model, and at its root only read-models.ts (what a rebuild runs);
 * - domain/ does not reach into write/, read/ or automation/.
 */
const SERVICES = readdirSync(join(root, 'services')).filter((name) => statSync(join(root, 'services', name)).isDirectory());
const FOLDERS = ['domain', 'write', 'read', 'automation', 'demo', 'testing'];
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Use-case folders that still hold several mutations, with why. Not a place to add to: split the
 * folder (git mv the file, then move each mutation into write/<its-use-case>/).
 */
const SEVERAL_MUTATIONS: Record<string, string> = {};

const entries = (dir: string) => readdirSync(dir).map((name) => ({ name, path: join(dir, name), folder: statSync(join(dir, name)).isDirectory() }));
const filesUnder = (dir: string): string[] => entries(dir).flatMap((entry) => (entry.folder ? filesUnder(entry.path) : [entry.path]));
const rel = (path: string) => relative(root, path);

describe.each(SERVICES)('services/%s keeps the service shape', (service) => {
  const src = join(root, 'services', service, 'src');

  it('src/ has domain/, write/ and read/, and no folder outside the shape', () => {
    const folders = entries(src)
      .filter((entry) => entry.folder)
      .map((entry) => entry.name);
    expect(folders.filter((name) => !FOLDERS.includes(name))).toEqual([]);
    expect(['domain', 'write', 'read'].filter((name) => !folders.includes(name))).toEqual([]);
  });

  it('write/ holds one folder per use case (and shared/), no file at its root, one mutation per folder', () => {
    const write = join(src, 'write');
    expect(
      entries(write)
        .filter((entry) => !entry.folder)
        .map((entry) => rel(entry.path)),
    ).toEqual([]);
    const folders = entries(write).filter((entry) => entry.folder);
    expect(folders.map((entry) => entry.name).filter((name) => !KEBAB.test(name))).toEqual([]);
    const crowded = folders
      .filter((entry) => entry.name !== 'common')
      .map((entry) => ({
        folder: rel(entry.path),
        mutations: filesUnder(entry.path)
          .filter((file) => !file.endsWith('.spec.ts'))
          .reduce((n, file) => n + (readFileSync(file, 'utf8').match(/@Mutation\(/g)?.length ?? 0), 0),
      }))
      .filter(({ folder, mutations }) => mutations > 1 && !(folder in SEVERAL_MUTATIONS));
    expect(crowded).toEqual([]);
  });

  it('read/ holds one folder per read model, and only read-models.ts at its root', () => {
    const read = join(src, 'read');
    expect(
      entries(read)
        .filter((entry) => !entry.folder && entry.name !== 'read-models.ts')
        .map((entry) => rel(entry.path)),
    ).toEqual([]);
    expect(
      entries(read)
        .filter((entry) => entry.folder && !KEBAB.test(entry.name))
        .map((entry) => rel(entry.path)),
    ).toEqual([]);
  });

  it('domain/ does not import from write/, read/ or automation/', () => {
    const reaching = filesUnder(join(src, 'domain'))
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => /from '(\.\.\/)+(write|read|automation)\//.test(readFileSync(file, 'utf8')))
      .map(rel);
    expect(reaching).toEqual([]);
  });
});

describe('the shape test', () => {
  it('finds the services, and its exceptions name folders that exist and still hold several mutations', () => {
    expect(SERVICES).toEqual(expect.arrayContaining(['directory', 'plans', 'tasks']));
    for (const folder of Object.keys(SEVERAL_MUTATIONS)) {
      const mutations = filesUnder(join(root, folder)).reduce((n, file) => n + (readFileSync(file, 'utf8').match(/@Mutation\(/g)?.length ?? 0), 0);
      expect({ folder, several: mutations > 1 }).toEqual({ folder, several: true });
    }
  });
});
