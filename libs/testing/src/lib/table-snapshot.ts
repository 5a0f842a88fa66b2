import { DataSource, EntityManager } from 'typeorm';

/**
 * Every row of each table, ordered by its primary key, as PostgreSQL renders it in JSON
 * (`to_jsonb`: timestamps to the microsecond, numerics and jsonb exact): for comparing a rebuilt
 * read model with the live one column for column.
 */
export async function tableSnapshot(db: DataSource | EntityManager, schema: string, tables: readonly string[]): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of tables) {
    const relation = `"${schema}"."${table}"`;
    const keys: Array<{ column: string }> = await db.query(
      `SELECT a.attname AS column FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = to_regclass($1) AND i.indisprimary ORDER BY k.n`,
      [relation],
    );
    if (keys.length === 0) throw new Error(`tableSnapshot: ${schema}.${table} has no primary key to order by`);
    const rows: Array<{ row: unknown }> = await db.query(
      `SELECT to_jsonb(t) AS row FROM ${relation} t ORDER BY ${keys.map((k) => `"${k.column}"`).join(', ')}`,
    );
    snapshot[table] = rows.map((r) => r.row);
  }
  return snapshot;
}
