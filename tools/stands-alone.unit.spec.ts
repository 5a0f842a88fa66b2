import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

/**
 * The repository stands alone: a clone with nothing beside it must build, test and read. The
 * design notes and the seed plans it needs are copied into docs/ (they are public documents).
 */
describe('the repository reaches nothing outside itself', () => {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((file) => /\.(ts|js|json|md|sh|yml|yaml)$/.test(file) && file !== 'package-lock.json');

  // Built from parts so that this file does not name it itself. Any path into a folder named
  // "shared" one level up: no folder of the repository is named so (the services' helpers for
  // several use cases live in write/common/), so a relative import cannot be mistaken for it.
  const sharedFolder = new RegExp(['(\\.\\.|work)', 'shared\\b'].join('/'));

  it('no tracked file names the shared folder beside the repository', () => {
    const outside = tracked.filter((file) => sharedFolder.test(readFileSync(join(root, file), 'utf8')));
    expect(outside).toEqual([]);
  });

  it('every relative Markdown link points at a file of the repository', () => {
    const broken: string[] = [];
    for (const file of tracked.filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        try {
          readFileSync(join(root, file, '..', target));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EISDIR') continue;
          broken.push(`${file} → ${target}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
