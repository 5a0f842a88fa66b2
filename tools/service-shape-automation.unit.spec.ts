import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');

/** `when-<event>-then-<action>`, each part one or more lower-case words joined by hyphens. */
const REACTION_FOLDER = /^when-[a-z0-9]+(-[a-z0-9]+)*-then-[a-z0-9]+(-[a-z0-9]+)*$/;

/** A file that consumes other services' events: named so, or declaring a handler. */
const isConsumer = (path: string) =>
  path.endsWith('.consumer.ts') || (!path.endsWith('.spec.ts') && readFileSync(path, 'utf8').includes('@OnIntegrationEvent('));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * What breaks the service shape of the README in the services under `servicesDir`: a folder of
 * `src/automation/` not named `when-<event>-then-<action>`, a consumer outside such a folder.
 */
export function automationShapeProblems(servicesDir: string): string[] {
  const problems: string[] = [];
  for (const service of readdirSync(servicesDir)) {
    const src = join(servicesDir, service, 'src');
    if (!statSync(join(servicesDir, service)).isDirectory() || !exists(src)) continue;
    const automation = join(src, 'automation');
    if (exists(automation)) {
      for (const name of readdirSync(automation)) {
        if (statSync(join(automation, name)).isDirectory() && !REACTION_FOLDER.test(name)) {
          problems.push(`${service}/src/automation/${name}/: not named when-<event>-then-<action>`);
        }
      }
    }
    for (const file of files(src)) {
      const path = relative(src, file).split('\\').join('/');
      if (!isConsumer(file)) continue;
      const [top, folder, ...rest] = path.split('/');
      if (top !== 'automation' || !folder || rest.length === 0 || !REACTION_FOLDER.test(folder)) {
        problems.push(`${service}/src/${path}: a consumer outside automation/when-<event>-then-<action>/`);
      }
    }
  }
  return problems;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

describe('service shape: reactions live in automation/when-<event>-then-<action>/', () => {
  it('every service keeps it', () => {
    expect(automationShapeProblems(join(root, 'services'))).toEqual([]);
  });

  it('finds a misnamed automation folder and a consumer elsewhere', () => {
    const dir = mkdtempSync(join(tmpdir(), 'service-shape-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      };
      write('svc/src/automation/overdue/overdue-scheduler.ts', 'export class OverdueScheduler {}');
      write('svc/src/automation/when-plan-issued-then-create-assignments/create.consumer.ts', 'export class Good {}');
      write('svc/src/automation/stray.consumer.ts', 'export class AtTheRoot {}');
      write('svc/src/read/units/units.ts', 'class Units { @OnIntegrationEvent(UnitRenamedV1) renamed() {} }');
      write('svc/src/read/units/units.spec.ts', '// @OnIntegrationEvent( in a test is not a consumer');
      expect(automationShapeProblems(dir).sort()).toEqual([
        'svc/src/automation/overdue/: not named when-<event>-then-<action>',
        'svc/src/automation/stray.consumer.ts: a consumer outside automation/when-<event>-then-<action>/',
        'svc/src/read/units/units.ts: a consumer outside automation/when-<event>-then-<action>/',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
