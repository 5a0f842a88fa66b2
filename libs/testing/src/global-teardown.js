module.exports = async function globalTeardown() {
  for (const container of globalThis.__REFORM_CONTAINERS__ ?? []) await container.stop();
};
