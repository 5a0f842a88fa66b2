import { DataSource } from 'typeorm';
import { runMigrations, serviceDataSourceOptions } from '@reform/event-store';
import { createTestDatabase, TestDatabase } from '@reform/testing';
import { tasksMigrations } from '../src';
import { TASKS_SCHEMA as S } from '../src/schema';

/**
 * A deployed `assignments` table loses the columns nothing read (issue 11) and keeps its rows: the
 * state, which the GraphQL type reads, is untouched; on the way down the columns come back filled
 * from it.
 */
describe('tasks migration: assignments without the columns nothing reads', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const MIGRATION = `AssignmentsWithoutUnreadColumns_${S}1766700000000`;
  const columns = async () =>
    (
      await dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'assignments' ORDER BY column_name`, [
        S,
      ])
    ).map((row: { column_name: string }) => row.column_name);
  const state = {
    id: 'a1',
    planId: 'p1',
    taskId: 't1',
    planNumber: '12/KH-UBND',
    planTitle: 'Kế hoạch nâng cao chỉ số PAPI năm 2025',
    taskText: 'Niêm yết công khai thủ tục hành chính',
    unitCode: '20794',
    leadCodes: ['513.PTP'],
    monitoringCodes: ['513.PNV', '513.VP'],
    status: 'IN_PROGRESS',
    note: 'Đã niêm yết 40%',
  };

  beforeAll(async () => {
    db = await createTestDatabase('tasks_columns_migration');
    dataSource = new DataSource(serviceDataSourceOptions({ url: db.url, schema: S, migrations: tasksMigrations() }));
    await runMigrations(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('drops them with the rows kept, and brings them back filled from the state', async () => {
    const [last] = await dataSource.query(`SELECT name FROM typeorm_migrations ORDER BY timestamp DESC, id DESC LIMIT 1`);
    expect(last.name).toBe(MIGRATION);
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await columns()).toEqual(expect.arrayContaining(['lead_codes', 'monitoring_codes', 'plan_title', 'task_text', 'last_note']));
    await dataSource.query(
      `INSERT INTO ${S}.assignments (id, plan_id, task_id, unit_code, role, kind, status, percent, due_on, overdue, assigner_code, lead_codes, monitoring_codes,
         plan_number, plan_title, task_text, last_note, updated_at, version, state, origin_code)
       VALUES ('a1', 'p1', 't1', '20794', 'IMPLEMENTING', 'TASK', 'IN_PROGRESS', 40, '2025-06-30', false, '513', '{513.PTP}', '{513.PNV,513.VP}',
         '12/KH-UBND', $1, $2, $3, now(), 3, $4, '20794')`,
      [state.planTitle, state.taskText, state.note, JSON.stringify(state)],
    );

    await runMigrations(dataSource);
    const after = await columns();
    for (const gone of ['lead_codes', 'monitoring_codes', 'plan_title', 'task_text', 'last_note']) expect(after).not.toContain(gone);
    expect(await dataSource.query(`SELECT id, status, percent, state FROM ${S}.assignments`)).toEqual([
      { id: 'a1', status: 'IN_PROGRESS', percent: 40, state },
    ]);
    const [target] = await dataSource.query(`SELECT attstattarget::int AS target FROM pg_attribute WHERE attrelid = to_regclass($1) AND attname = 'state'`, [
      `${S}.assignments`,
    ]);
    expect(target.target).toBe(0);

    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await dataSource.query(`SELECT lead_codes, monitoring_codes, plan_title, task_text, last_note FROM ${S}.assignments`)).toEqual([
      { lead_codes: ['513.PTP'], monitoring_codes: ['513.PNV', '513.VP'], plan_title: state.planTitle, task_text: state.taskText, last_note: state.note },
    ]);
    await runMigrations(dataSource);
  });
});
