import { DataSource, EntityManager } from 'typeorm';

type Queryable = DataSource | EntityManager;

/** A rebuild that cannot go ahead safely (a table it may not copy, another rebuild running). */
export class RebuildRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RebuildRefusedError';
  }
}

const quoted = (schema: string, table: string) => `"${schema}"."${table}"`;

/**
 * Refuses tables that `CREATE TABLE ... (LIKE ... INCLUDING ALL)` followed by `SET SCHEMA` would
 * not reproduce faithfully: a column fed by a sequence (LIKE copies `nextval('old_seq')`, a
 * sequence owned by the old table and dropped with it; an identity column gets a new sequence
 * that starts again at 1), foreign keys (LIKE copies none, and a key pointing at the old table
 * would follow it out of the schema), triggers (not copied) and views (they follow the old
 * table's OID). None of the services' read models has any of these (ADR 0011).
 */
export async function assertRebuildableTables(db: Queryable, schema: string, tables: readonly string[]): Promise<void> {
  const problems: string[] = [];
  for (const table of tables) {
    const [{ oid }] = await db.query(`SELECT to_regclass($1)::oid AS oid`, [quoted(schema, table)]);
    if (!oid) {
      problems.push(`${schema}.${table} does not exist (has the service run its migrations?)`);
      continue;
    }
    const sequenced: Array<{ column: string }> = await db.query(
      `SELECT a.attname AS column FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped AND (a.attidentity <> '' OR pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%')`,
      [oid],
    );
    for (const { column } of sequenced) problems.push(`${schema}.${table}.${column} takes its values from a sequence, which a copied table would not own`);
    const keys: Array<{ name: string }> = await db.query(
      `SELECT conname AS name FROM pg_constraint WHERE contype = 'f' AND (conrelid = $1 OR confrelid = $1)`,
      [oid],
    );
    for (const { name } of keys) problems.push(`${schema}.${table} has the foreign key ${name}, which a copied table would not keep`);
    const triggers: Array<{ name: string }> = await db.query(`SELECT tgname AS name FROM pg_trigger WHERE tgrelid = $1 AND NOT tgisinternal`, [oid]);
    for (const { name } of triggers) problems.push(`${schema}.${table} has the trigger ${name}, which a copied table would not keep`);
    const views: Array<{ name: string }> = await db.query(
      `SELECT DISTINCT v.oid::regclass::text AS name FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class
        WHERE d.classid = 'pg_rewrite'::regclass AND d.refobjid = $1 AND v.oid <> $1`,
      [oid],
    );
    for (const { name } of views) problems.push(`the view ${name} reads ${schema}.${table} and would keep reading the old table`);
  }
  if (problems.length) throw new RebuildRefusedError(`cannot rebuild: ${problems.join('; ')}`);
}

interface IndexRow {
  name: string;
  definition: string;
}

/** `CREATE INDEX units_parent ON directory.units USING btree (parent_code)` without its name and table. */
const indexShape = (definition: string) => definition.replace(/^CREATE (UNIQUE )?INDEX (?:"[^"]+"|\S+) ON (?:ONLY )?(?:"[^"]+"|\S+) /, 'CREATE $1INDEX ON ');

const indexesOf = (db: Queryable, schema: string, table: string): Promise<IndexRow[]> =>
  db.query(
    `SELECT c.relname AS name, pg_get_indexdef(c.oid) AS definition FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = to_regclass($1) ORDER BY c.relname`,
    [quoted(schema, table)],
  );

/** Columns, constraints and indexes, names included: what must be equal for a swap to change nothing but the rows. */
async function tableShape(db: Queryable, schema: string, table: string): Promise<string[]> {
  const columns: Array<{ line: string }> = await db.query(
    `SELECT format('column %s %s%s%s%s', a.attname, format_type(a.atttypid, a.atttypmod), CASE WHEN a.attnotnull THEN ' not null' ELSE '' END,
              COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), ''),
              CASE WHEN COALESCE(a.attstattarget, -1) >= 0 THEN ' statistics ' || a.attstattarget ELSE '' END) AS line
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [quoted(schema, table)],
  );
  const constraints: Array<{ line: string }> = await db.query(
    `SELECT format('constraint %s %s', conname, pg_get_constraintdef(oid)) AS line FROM pg_constraint WHERE conrelid = to_regclass($1) ORDER BY conname`,
    [quoted(schema, table)],
  );
  const indexes = await indexesOf(db, schema, table);
  return [...columns.map((c) => c.line), ...constraints.map((c) => c.line), ...indexes.map((i) => `index ${i.name} ${indexShape(i.definition)}`)];
}

/**
 * Creates `<shadow>.<table>` for each table as `LIKE` the live one (columns, defaults, NOT NULL
 * and CHECK constraints, primary and unique keys, indexes, storage, comments) with the columns'
 * statistics targets, then gives its
 * indexes, and with them its key constraints, the live names: after the swap the table is the
 * one the migrations created, down to the names a later migration may drop or an error names.
 */
export async function createShadowTables(db: Queryable, schema: string, shadow: string, tables: readonly string[]): Promise<void> {
  await db.query(`CREATE SCHEMA "${shadow}"`);
  for (const table of tables) {
    await db.query(`CREATE TABLE ${quoted(shadow, table)} (LIKE ${quoted(schema, table)} INCLUDING ALL)`);
    // LIKE leaves out a column's own statistics target (ALTER COLUMN … SET STATISTICS).
    const targets: Array<{ column: string; target: number }> = await db.query(
      `SELECT attname AS column, attstattarget AS target FROM pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped AND COALESCE(attstattarget, -1) >= 0`,
      [quoted(schema, table)],
    );
    for (const { column, target } of targets)
      await db.query(`ALTER TABLE ${quoted(shadow, table)} ALTER COLUMN "${column.replace(/"/g, '""')}" SET STATISTICS ${Number(target)}`);
    const live = await indexesOf(db, schema, table);
    const copied = await indexesOf(db, shadow, table);
    // Two steps, so that a generated name equal to another index's live name cannot collide.
    const temporary = copied.map((index, n) => ({ ...index, temporary: `rebuild_index_${n}` }));
    for (const index of temporary) await db.query(`ALTER INDEX "${shadow}"."${index.name}" RENAME TO "${index.temporary}"`);
    const unmatched = [...temporary];
    for (const index of live) {
      const at = unmatched.findIndex((candidate) => indexShape(candidate.definition) === indexShape(index.definition));
      if (at < 0) throw new RebuildRefusedError(`cannot rebuild: the copy of ${schema}.${table} lacks the index ${index.name}`);
      const [match] = unmatched.splice(at, 1);
      await db.query(`ALTER INDEX "${shadow}"."${match.temporary}" RENAME TO "${index.name}"`);
    }
    const [liveShape, shadowShape] = [await tableShape(db, schema, table), await tableShape(db, shadow, table)];
    if (JSON.stringify(liveShape) !== JSON.stringify(shadowShape)) {
      const differences = [...shadowShape.filter((line) => !liveShape.includes(line)), ...liveShape.filter((line) => !shadowShape.includes(line))];
      throw new RebuildRefusedError(`cannot rebuild: the copy of ${schema}.${table} differs from it: ${differences.join('; ')}`);
    }
  }
}

/** Rows of each table, by name (`SELECT count(*)`). */
export async function countRows(db: Queryable, schema: string, tables: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of tables) {
    const [{ n }] = await db.query(`SELECT count(*)::bigint AS n FROM ${quoted(schema, table)}`);
    counts.set(table, Number(n));
  }
  return counts;
}
