module.exports = { ...require('../../jest.preset.js'), displayName: 'unit-periods', rootDir: __dirname };
