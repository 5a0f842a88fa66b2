// Finds the servers the integration tests talk to, once per `jest` run:
// 1. TEST_POSTGRES_URL / TEST_NATS_URL from the environment (CI sets them);
// 2. else, when a Docker engine answers, Testcontainers starts PostgreSQL and NATS (a laptop);
// 3. else the local defaults 127.0.0.1:5432 (user postgres) and 127.0.0.1:4222.
// The choice is passed to the test workers through environment variables.
const { execFileSync } = require('node:child_process');

function dockerAnswers() {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

module.exports = async function globalSetup() {
  if (process.env.TEST_POSTGRES_URL && process.env.TEST_NATS_URL) return;
  if (dockerAnswers()) {
    const { PostgreSqlContainer } = require('@testcontainers/postgresql');
    const { NatsContainer } = require('@testcontainers/nats');
    const [pg, nats] = await Promise.all([
      process.env.TEST_POSTGRES_URL ? null : new PostgreSqlContainer('postgres:16-alpine').start(),
      process.env.TEST_NATS_URL ? null : new NatsContainer('nats:2.10-alpine').withJetStream().start(),
    ]);
    if (pg) process.env.TEST_POSTGRES_URL = pg.getConnectionUri();
    if (nats) process.env.TEST_NATS_URL = `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`;
    globalThis.__REFORM_CONTAINERS__ = [pg, nats].filter(Boolean);
    return;
  }
  process.env.TEST_POSTGRES_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.TEST_NATS_URL ??= 'nats://127.0.0.1:4222';
};
