import { DataSource } from 'typeorm';
import { handleCommand, PostgresEventStore, rebuildReadModels, runMigrations, serviceDataSourceOptions, SYSTEM_ACTOR } from '@reform/event-store';
import { createTestDatabase, tableSnapshot, TestDatabase } from '@reform/testing';
import { TASKS_SCHEMA, TASKS_PROJECTIONS, tasksMigrations, tasksReadModels } from '../src';
import { AssignmentCommand, AssignmentFacts, assignmentDecider, assignmentStreamId } from '../src/domain/assignment/assignment.decider';
import { Schedule } from '../src/domain/assignment/schedule';

/**
 * The set-based rebuild of `assignments` (ADR 0033) builds a stream that holds only its creation
 * inside PostgreSQL, in SQL, and folds every other stream with the decider. The SQL must say what
 * the decider's `evolve` and the projection's columns say, for every kind of schedule, role and
 * kind: here the live table (projected inline, by `apply`) and the rebuilt one are compared row
 * for row, state and derived columns (due day, codes, counts) included.
 */
describe('tasks: the set-based rebuild of assignments equals the inline projection', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const metadata = { actor: SYSTEM_ACTOR, tenant: '49', correlationId: 'replay-test', causationId: null };
  const tables = tasksReadModels.projections.flatMap((p) => p.tables);

  const schedules: Record<string, Schedule> = {
    once: { kind: 'once', dueOn: '2025-06-30' },
    quarterly: {
      kind: 'periodic',
      every: 'quarter',
      periods: [
        { from: '2024-12-15', to: '2025-03-14' },
        { from: '2025-03-15', to: '2025-06-14' },
      ],
    },
    continuing: { kind: 'periodic', every: 'year', periods: [{ from: '2024-12-15', to: '2025-12-14' }], continues: true },
    noPeriods: { kind: 'periodic', every: 'month', periods: [] },
    none: { kind: 'none' },
  };
  const facts = (id: string, schedule: Schedule, extra: Partial<AssignmentFacts> = {}): AssignmentFacts => ({
    id,
    planId: 'p1',
    taskId: `t-${id}`,
    planNumber: '12/KH-UBND',
    planTitle: 'Kế hoạch cải cách hành chính năm 2025',
    planYear: 2025,
    taskText: 'Công khai thủ tục hành chính "đúng hạn" — 100%',
    target: null,
    timeframeText: 'Trong năm 2025',
    unitCode: '20794',
    role: 'IMPLEMENTING',
    kind: 'TASK',
    assignerCode: '49',
    monitoringCodes: ['49.SNV', '49.VP'],
    leadCodes: [],
    schedule,
    assignedOn: '2025-03-01',
    ...extra,
  });
  const run = (id: string, command: AssignmentCommand) =>
    handleCommand({ store, decider: assignmentDecider, streamId: assignmentStreamId(id), command, metadata, projections: TASKS_PROJECTIONS });

  beforeAll(async () => {
    database = await createTestDatabase('tasks_replay');
    dataSource = new DataSource(serviceDataSourceOptions({ url: database.url, schema: TASKS_SCHEMA, migrations: tasksMigrations(), poolSize: 4 }));
    await runMigrations(dataSource);
    store = new PostgresEventStore(dataSource, TASKS_SCHEMA);
    for (const [name, schedule] of Object.entries(schedules)) {
      // Created only: built in SQL.
      await run(`${name}-fresh`, { type: 'CreateAssignment', data: facts(`${name}-fresh`, schedule) });
      await run(`${name}-lead`, {
        type: 'CreateAssignment',
        data: facts(`${name}-lead`, schedule, { role: 'LEAD', unitCode: '49.SNV', leadCodes: ['49.SNV'], target: '100% xã' }),
      });
      await run(`${name}-plan`, { type: 'CreateAssignment', data: facts(`${name}-plan`, schedule, { kind: 'IMPLEMENTING_PLAN', unitCode: '513' }) });
      // Created and carried on: folded by the decider.
      await run(`${name}-busy`, { type: 'CreateAssignment', data: facts(`${name}-busy`, schedule) });
      await run(`${name}-busy`, { type: 'AcceptAssignment', data: { on: '2025-03-05' } });
      await run(`${name}-busy`, { type: 'ReportProgress', data: { percent: 40, note: 'Đã niêm yết', on: '2025-03-10' } });
    }
    await run('quarterly-late', { type: 'CreateAssignment', data: facts('quarterly-late', schedules.quarterly) });
    await run('quarterly-late', { type: 'MarkOverdue', data: { dueDay: '2025-03-14', today: '2025-03-20' } });
    // Passed to the unit its commune merged into (2025): the count leaves the old unit, whose zero goes.
    await run('once-passed', { type: 'CreateAssignment', data: facts('once-passed', schedules.once, { unitCode: '20795' }) });
    await run('once-passed', {
      type: 'PassToSuccessor',
      data: { fromUnitCode: '20795', toUnitCode: '20794', source: 'NQ 1680/NQ-UBTVQH15', on: '2025-07-01' },
    });
    await run('once-cancelled', { type: 'CreateAssignment', data: facts('once-cancelled', schedules.once) });
    await run('once-cancelled', { type: 'CancelAssignment', data: { reason: 'Nhiệm vụ bị bãi bỏ', on: '2025-04-01' } });
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  // The copies' indexes and keys are dropped for the load and built again: same names, same definitions.
  const indexes = () =>
    dataSource.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = ANY($2::text[]) ORDER BY indexname`, [
      TASKS_SCHEMA,
      tables,
    ]);
  const constraints = () =>
    dataSource.query(
      `SELECT conname, pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = $1 AND t.relname = ANY($2::text[]) ORDER BY conname`,
      [TASKS_SCHEMA, tables],
    );

  it('rebuilds, set-based, the same rows and counts as the inline projection made, with the same indexes and keys', async () => {
    const live = await tableSnapshot(dataSource, TASKS_SCHEMA, tables);
    expect(live.assignments).toHaveLength(23);
    const [liveIndexes, liveConstraints] = [await indexes(), await constraints()];
    expect(liveIndexes.length).toBeGreaterThanOrEqual(5);
    const result = await rebuildReadModels({ dataSource, store, schema: TASKS_SCHEMA, projections: tasksReadModels.projections, pageSize: 4 });
    expect(result.replay).toBe('set-based');
    expect(await tableSnapshot(dataSource, TASKS_SCHEMA, tables)).toEqual(live);
    expect(await indexes()).toEqual(liveIndexes);
    expect(await constraints()).toEqual(liveConstraints);
    // Analysed before it serves (beside the counts' last statement), the whole state document left out.
    const analysed: Array<{ attname: string }> = await dataSource.query(
      `SELECT attname FROM pg_stats WHERE schemaname = $1 AND tablename = 'assignments' ORDER BY attname`,
      [TASKS_SCHEMA],
    );
    expect(analysed.map((row) => row.attname)).toEqual(expect.arrayContaining(['id', 'plan_id', 'status', 'unit_code']));
    expect(analysed.map((row) => row.attname)).not.toContain('state');
  });

  it('in chunks of a few positions, the chunks’ partial counts of one plan and unit add up to the same plan_progress', async () => {
    const live = await tableSnapshot(dataSource, TASKS_SCHEMA, tables);
    const result = await rebuildReadModels({
      dataSource,
      store,
      schema: TASKS_SCHEMA,
      projections: tasksReadModels.projections,
      replayChunkPositions: 2,
    });
    expect(result.replay).toBe('set-based');
    expect(await tableSnapshot(dataSource, TASKS_SCHEMA, tables)).toEqual(live);
  });

  it('an assignment the set-based pass built, carried on while the rebuild runs, ends as live', async () => {
    await run('once-later', { type: 'CreateAssignment', data: facts('once-later', schedules.once) });
    let acted = false;
    const result = await rebuildReadModels({
      dataSource,
      store,
      schema: TASKS_SCHEMA,
      projections: tasksReadModels.projections,
      async onProgress(progress) {
        if (acted || progress.phase !== 'replay') return;
        acted = true;
        // Committed after the replay's window: the catch-up folds it onto the row built in SQL.
        await run('once-later', { type: 'AcceptAssignment', data: { on: '2025-03-06' } });
        await run('once-fresh', { type: 'AcceptAssignment', data: { on: '2025-03-06' } });
      },
    });
    expect(acted).toBe(true);
    expect(result.replay).toBe('set-based');
    const rebuilt = await tableSnapshot(dataSource, TASKS_SCHEMA, tables);
    expect(
      (await dataSource.query(`SELECT status, version FROM tasks.assignments WHERE id IN ('once-later', 'once-fresh')`)).map(
        (r: { status: string; version: number }) => [r.status, r.version],
      ),
    ).toEqual([
      ['ACCEPTED', 2],
      ['ACCEPTED', 2],
    ]);
    // And a paged replay of the same store (the projection without `replay`) gives the same tables.
    const { replay: _setBased, ...paged } = TASKS_PROJECTIONS[0];
    void _setBased;
    const again = await rebuildReadModels({ dataSource, store, schema: TASKS_SCHEMA, projections: [paged], pageSize: 5 });
    expect(again.replay).toBe('paged');
    expect(await tableSnapshot(dataSource, TASKS_SCHEMA, tables)).toEqual(rebuilt);
  });
});
