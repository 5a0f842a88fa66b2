import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root: the nearest folder above that holds nx.json (this file runs from its
 * source under ts-node and Jest, and compiled from dist/platform/… under `npm start`).
 */
function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}

const ROOT = repositoryRoot(__dirname);
export const WEB_DIST = join(ROOT, 'web', 'dist');

/** What the built app is made of: when any is newer than web/dist/index.html, the build is out of date. */
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.mts', 'web/schema.graphql', 'package-lock.json'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** A build made with NODE_ENV other than production carries React's development runtime. */
export function isDevelopmentBuild(): boolean {
  const assets = join(WEB_DIST, 'assets');
  return existsSync(assets) && readdirSync(assets).some((name) => name.startsWith('jsx-dev-runtime'));
}

/** Whether web/dist is missing or older than its sources (and why, for the log). */
export function webBuildOutdated(): string | null {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return 'web/dist is missing';
  if (isDevelopmentBuild()) return 'web/dist is a development build';
  const built = statSync(index).mtimeMs;
  const changed = SOURCES.filter((source) => existsSync(join(ROOT, source)) && newest(join(ROOT, source)) > built);
  return changed.length ? `changed since the last build: ${changed.join(', ')}` : null;
}

/**
 * Builds the web app (`npm run web:build`: codegen, then Vite) when missing or out of date; returns
 * the folder the gateway serves. Called by `npm start` and the browser tests.
 */
export function ensureWebBuilt(report: (line: string) => void = () => undefined): string {
  const why = webBuildOutdated();
  if (why) {
    const begun = Date.now();
    report(`Building the web app (${why})…`);
    // Always the production build: under Jest (NODE_ENV=test) Vite would bundle React's development
    // runtime, several times slower, and `npm start` would then serve it as up to date.
    execFileSync('npm', ['run', '--silent', 'web:build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    report(`Web app built in ${((Date.now() - begun) / 1000).toFixed(1)} s`);
  }
  return WEB_DIST;
}

/**
 * As `ensureWebBuilt`, without blocking: the embedded start builds the web app (when out of
 * date) while PostgreSQL and the services start, and waits for it only before the gateway.
 */
export async function ensureWebBuiltInBackground(report: (line: string) => void = () => undefined): Promise<string> {
  const why = webBuildOutdated();
  if (why) {
    const begun = Date.now();
    report(`Building the web app (${why}), meanwhile starting the rest…`);
    await new Promise<void>((resolve, reject) => {
      const child = spawn('npm', ['run', '--silent', 'web:build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      child.once('error', reject);
      child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`npm run web:build failed (${signal ?? `exit ${code}`})`))));
    });
    report(`Web app built in ${((Date.now() - begun) / 1000).toFixed(1)} s`);
  }
  return WEB_DIST;
}
