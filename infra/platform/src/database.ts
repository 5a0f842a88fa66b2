import { Client } from 'pg';

/**
 * Creates the database named in `databaseUrl` when it is missing, connecting to the server's
 * `postgres` database to do so. Idempotent: both modes call it at every start.
 */
export async function ensureDatabase(databaseUrl: string): Promise<{ created: boolean }> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error(`DATABASE_URL ${redact(databaseUrl)} names no database`);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return { created: false };
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return { created: true };
  } catch (error) {
    // Two processes starting together may both try: the loser finds it made.
    if ((error as { code?: string }).code === '42P04') return { created: false };
    throw error;
  } finally {
    await client.end();
  }
}

/** The URL without its password, for logs. */
export function redact(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(malformed URL)';
  }
}
