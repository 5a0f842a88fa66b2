import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL server URL chosen by the global setup (an admin database such as `postgres`). */
export function testPostgresUrl(): string {
  return process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function testNatsUrl(): string {
  return process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
}

/** A short random suffix for database, schema, stream and consumer names. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * Creates a fresh database for one test file. Its own database (not only a schema) so that a
 * test that holds transactions open does not hold back other files' `readAll` (the snapshot
 * xmin is per database for our purposes: the events table lives there).
 */
export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const admin = testPostgresUrl();
  const name = uniqueName(prefix).toLowerCase();
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Signing keys for tests (never used outside them). */
export const TEST_SIGNING_KEYS = [{ kid: 'test-key', secret: 'test-signing-secret-of-at-least-32-bytes' }] as const;
