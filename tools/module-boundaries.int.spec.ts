import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
// eslint.config.js is CommonJS; its rule options are the source of truth for the boundaries.
type FlatConfig = Array<{ rules?: Record<string, [string, { depConstraints: Array<{ sourceTag: string; onlyDependOnLibsWithTags: string[] }> }]> }>;
const config: FlatConfig = require(join(root, 'eslint.config.js'));

function projectTags(): Map<string, string[]> {
  const under = (dir: string) => readdirSync(join(root, dir)).map((name) => join(dir, name, 'project.json'));
  const files = [...under('libs'), ...under('services'), ...under('infra'), 'gateway/project.json', 'tools/project.json', 'web/project.json'].filter((file) =>
    existsSync(join(root, file)),
  );
  return new Map(files.map((file) => [file, JSON.parse(readFileSync(join(root, file), 'utf8')).tags as string[]]));
}

describe('module boundaries', () => {
  const constraints = config.flatMap((entry) => entry.rules?.['@nx/enforce-module-boundaries']?.[1]?.depConstraints ?? []);
  const known = new Set(constraints.flatMap((c) => [c.sourceTag, ...c.onlyDependOnLibsWithTags]));

  it('knows every tag a project uses, and every project has a scope and a type', () => {
    const tags = projectTags();
    expect(tags.size).toBeGreaterThanOrEqual(10);
    for (const [file, projectTagList] of tags) {
      expect({ file, unknown: projectTagList.filter((tag) => !constraints.some((c) => c.sourceTag === tag)) }).toEqual({ file, unknown: [] });
      expect({
        file,
        scopes: projectTagList.filter((t) => t.startsWith('scope:')).length,
        types: projectTagList.filter((t) => t.startsWith('type:')).length,
      }).toEqual({ file, scopes: 1, types: 1 });
    }
    expect(constraints.some((c) => c.sourceTag === '*')).toBe(false);
    expect(known.has('*')).toBe(false);
  });

  // ESLint 9 loads its config with a dynamic import, which Jest's VM refuses: run the CLI.
  const lint = async (filePath: string, code: string, env: NodeJS.ProcessEnv = process.env): Promise<string[]> => {
    // The report goes to a file: on a first run Nx may print notices to stdout.
    const report = join(mkdtempSync(join(tmpdir(), 'eslint-')), 'report.json');
    try {
      execFileSync(
        process.execPath,
        [join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', join(root, filePath), '--format', 'json', '--output-file', report],
        { cwd: root, env, input: code, stdio: ['pipe', 'ignore', 'ignore'] },
      );
    } catch {
      // exit code 1 when problems were found
    }
    return (JSON.parse(readFileSync(report, 'utf8')) as Array<{ messages: Array<{ ruleId: string }> }>)[0].messages.map((m) => m.ruleId);
  };

  it('refuses a framework import in a domain library', async () => {
    expect(await lint('libs/decider/src/lib/bad.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n")).toContain(
      '@nx/enforce-module-boundaries',
    );
  });

  it('refuses a framework or database import in a service’s domain folder', async () => {
    expect(await lint('services/directory/src/domain/bad.ts', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await lint('services/directory/src/domain/good.ts', "import { DomainError } from '@reform/decider';\nexport const x = DomainError;\n")).toEqual([]);
  });

  // The rule reads Nx's cached project graph and used to skip itself silently without one (a
  // fresh clone, an editor's plain `eslint`): the config now computes the graph when it is missing.
  it('refuses a boundary violation with plain eslint and no cached project graph', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'nx-workspace-data-'));
    expect(
      await lint('libs/decider/src/lib/bad.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n", {
        ...process.env,
        NX_WORKSPACE_DATA_DIRECTORY: empty,
      }),
    ).toContain('@nx/enforce-module-boundaries');
  });

  it('refuses a service or the gateway importing a service', async () => {
    expect(await lint('services/plans/src/bad.ts', "import { DIRECTORY_SCHEMA } from '@reform/directory';\nexport const x = DIRECTORY_SCHEMA;\n")).toContain(
      '@nx/enforce-module-boundaries',
    );
    expect(await lint('gateway/src/bad.ts', "import { PLANS_SCHEMA } from '@reform/plans';\nexport const x = PLANS_SCHEMA;\n")).toContain(
      '@nx/enforce-module-boundaries',
    );
  });

  it('lets the composition root (infra/platform) import the services and the gateway', async () => {
    expect(
      await lint(
        'infra/platform/src/good.ts',
        "import { DIRECTORY_SCHEMA } from '@reform/directory';\nimport { composeSupergraph } from '@reform/gateway';\nexport const x = [DIRECTORY_SCHEMA, composeSupergraph];\n",
      ),
    ).toEqual([]);
  });

  it('refuses server code in the web app (a client of the gateway only)', async () => {
    expect(await lint('web/src/pages/bad.tsx', "import { PLANS_SCHEMA } from '@reform/plans';\nexport const x = PLANS_SCHEMA;\n")).toContain(
      '@nx/enforce-module-boundaries',
    );
  });

  it('refuses a shared library importing a service', async () => {
    expect(
      await lint('libs/messaging/src/lib/bad.ts', "import { DIRECTORY_SCHEMA } from '@reform/directory';\nexport const x = DIRECTORY_SCHEMA;\n"),
    ).toContain('@nx/enforce-module-boundaries');
  });
});
