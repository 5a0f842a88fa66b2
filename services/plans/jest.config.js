module.exports = { ...require('../../jest.preset.js'), displayName: 'plans', rootDir: __dirname };
