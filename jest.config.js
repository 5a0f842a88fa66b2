// The whole suite: `npm test`. Unit (*.unit.spec.ts), integration (*.int.spec.ts) and
// end-to-end (*.e2e.spec.ts) tests of every project. The global setup finds PostgreSQL and
// NATS (environment, else Testcontainers when a Docker engine answers, else the local defaults).
module.exports = {
  projects: [
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/services/*/jest.config.js',
    '<rootDir>/gateway/jest.config.js',
    '<rootDir>/infra/*/jest.config.js',
    '<rootDir>/tools/jest.config.js',
    '<rootDir>/web/jest.config.js',
  ],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.js',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.js',
  // Per test and per hook. Generous on purpose: on a 2-core runner shared with other suites,
  // booting a platform took over 60 s (issue 13); a test that passes ends long before it.
  testTimeout: 180000,
};
