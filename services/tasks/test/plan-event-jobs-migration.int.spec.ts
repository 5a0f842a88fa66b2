import { DataSource } from 'typeorm';
import { runMigrations, serviceDataSourceOptions } from '@reform/event-store';
import { createTestDatabase, TestDatabase } from '@reform/testing';
import { tasksMigrations } from '../src';
import { TASKS_SCHEMA as S } from '../src/schema';

/**
 * A deployed tasks schema keeps its received plan events across ADR 0024: the rows of
 * `plan_event_jobs` become jobs of the queue `tasks.plan-events` keyed by plan, in their order,
 * a pending one still pending (it resumes under the job processor), and back on the way down.
 */
describe('tasks migration: plan_event_jobs into the job queue', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('tasks_jobs_migration');
    dataSource = new DataSource(serviceDataSourceOptions({ url: db.url, schema: S, migrations: tasksMigrations() }));
    await runMigrations(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  /** Undoes the migrations down to and including the move (the later ones first, newest first). */
  const undoThroughTheMove = async () => {
    for (;;) {
      const [last] = await dataSource.query(`SELECT name FROM typeorm_migrations ORDER BY timestamp DESC, id DESC LIMIT 1`);
      await dataSource.undoLastMigration({ transaction: 'each' });
      if (last.name === `MovePlanEventJobsToJobQueue_${S}1765400100000`) return;
    }
  };

  it('moves each received plan event with its state, and back', async () => {
    // The schema as it was before the move, with what a running service had received.
    await undoThroughTheMove();
    const message = (eventId: string) =>
      JSON.stringify({ eventId, name: 'plans.PlanIssued', metadata: { tenant: '600', correlationId: `c-${eventId}` }, data: null });
    await dataSource.query(
      `INSERT INTO ${S}.plan_event_jobs (event_id, name, data, message, done_at, attempts, last_error) VALUES
        ('e1', 'plans.PlanIssued', '{"planId":"p1"}', $1, now(), 1, NULL),
        ('e2', 'plans.PlanIssued', '{"planId":"p2"}', $2, NULL, 3, 'unit 60001 refused'),
        ('e3', 'plans.PlanAmended', '{"planId":"p1"}', $3, NULL, 0, NULL)`,
      [message('e1'), message('e2'), message('e3')],
    );

    await runMigrations(dataSource);
    expect(await dataSource.query(`SELECT to_regclass('${S}.plan_event_jobs') AS table`)).toEqual([{ table: null }]);
    const jobs = await dataSource.query(
      `SELECT queue, key, job_id, name, status, attempts, last_error, meta->>'eventId' AS event_id FROM ${S}.jobs ORDER BY seq`,
    );
    expect(jobs).toEqual([
      { queue: 'tasks.plan-events', key: 'p1', job_id: 'e1', name: 'plans.PlanIssued', status: 'done', attempts: 1, last_error: null, event_id: 'e1' },
      {
        queue: 'tasks.plan-events',
        key: 'p2',
        job_id: 'e2',
        name: 'plans.PlanIssued',
        status: 'pending',
        attempts: 3,
        last_error: 'unit 60001 refused',
        event_id: 'e2',
      },
      { queue: 'tasks.plan-events', key: 'p1', job_id: 'e3', name: 'plans.PlanAmended', status: 'pending', attempts: 0, last_error: null, event_id: 'e3' },
    ]);

    await undoThroughTheMove();
    expect(await dataSource.query(`SELECT event_id, done_at IS NOT NULL AS done, attempts FROM ${S}.plan_event_jobs ORDER BY seq`)).toEqual([
      { event_id: 'e1', done: true, attempts: 1 },
      { event_id: 'e2', done: false, attempts: 3 },
      { event_id: 'e3', done: false, attempts: 0 },
    ]);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM ${S}.jobs`)).toEqual([{ n: 0 }]);
  });
});
