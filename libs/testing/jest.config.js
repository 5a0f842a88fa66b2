module.exports = { ...require('../../jest.preset.js'), displayName: 'testing', rootDir: __dirname, testTimeout: 60000 };
