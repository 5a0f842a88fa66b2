// The web app's pure code (appendix parsing, column mapping); the browser journeys are in infra/platform/test/web.e2e.spec.ts.
module.exports = { ...require('../jest.preset.js'), displayName: 'web', rootDir: __dirname, testMatch: ['**/*.unit.spec.ts'] };
