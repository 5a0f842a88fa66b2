module.exports = { ...require('../../jest.preset.js'), displayName: 'clock', rootDir: __dirname };
