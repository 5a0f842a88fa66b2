// Shared Jest settings for every project. ts-jest in isolatedModules mode transpiles only:
// type-checking is done once by `npm run typecheck`, which keeps the test run fast on 2 cores.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: require('path').join(__dirname, 'tsconfig.spec.json'), diagnostics: false }],
    // The one package whose import() Jest cannot run (tools/jest/require-for-import.js).
    '/node_modules/@graphql-hive/router-runtime/dist/index\\.cjs$': require('path').join(__dirname, 'tools/jest/require-for-import.js'),
  },
  transformIgnorePatterns: ['/node_modules/(?!@graphql-hive/router-runtime/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: __dirname + '/' }),
  testMatch: ['**/*.spec.ts'],
  setupFiles: ['reflect-metadata'],
  // As the root config (jest.config.js): a project run alone (`nx test <project>`, `nx affected`)
  // gives its integration tests the same time as `npm test` does.
  testTimeout: 180000,
};
