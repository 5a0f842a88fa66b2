module.exports = { ...require('../../jest.preset.js'), displayName: 'unit-hierarchy', rootDir: __dirname };
