import { DataSource } from 'typeorm';
import { createTestDatabase, createTestDataSource, eventually, TestDatabase } from '@reform/testing';
import { messagingMigrations } from '../migrations';
import { runDeadLettersCommand } from '../dead-letters.cli';
import { enqueueJob, Job, queueCounts, StoredDeadLetters } from './job-queue';
import { JobHandler, JobProcessor } from './job-processor';

const S = 'jobtest';

describe('JobProcessor: order per key, bounded attempts, dead letters, one leader', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const processors: JobProcessor[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('jobs');
    dataSource = await createTestDataSource(database.url, { migrations: messagingMigrations(S) });
  });

  afterEach(async () => {
    for (const processor of processors.splice(0)) await processor.stop();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const start = (queue: string, handle: JobHandler, options: { maxAttempts?: number; deadLetterHoldsKey?: boolean } = {}) => {
    const processor = new JobProcessor({
      dataSource,
      schema: S,
      queue,
      handle,
      pollMs: 20,
      retryDelayMs: 20,
      maxRetryDelayMs: 100,
      maxAttempts: options.maxAttempts ?? 3,
      deadLetterHoldsKey: options.deadLetterHoldsKey,
    });
    processors.push(processor);
    processor.start();
    return processor;
  };
  const enqueue = (queue: string, key: string, jobId: string, data: unknown = {}) => enqueueJob(dataSource, S, { queue, key, jobId, name: 'Step', data });
  const status = async (queue: string) =>
    Object.fromEntries(
      ((await dataSource.query(`SELECT job_id, status FROM ${S}.jobs WHERE queue = $1`, [queue])) as Array<{ job_id: string; status: string }>).map((row) => [
        row.job_id,
        row.status,
      ]),
    );

  it('a key whose job keeps failing holds back only its own later jobs; another key proceeds; within a key order is kept', async () => {
    const ran: string[] = [];
    let blockedWorks = false;
    start(
      'order',
      async (job: Job) => {
        if (job.jobId === 'a1' && !blockedWorks) throw new Error('a1 cannot run yet');
        ran.push(job.jobId);
      },
      { maxAttempts: 1_000 },
    );
    await enqueue('order', 'A', 'a1');
    await enqueue('order', 'A', 'a2');
    await enqueue('order', 'B', 'b1');
    await enqueue('order', 'B', 'b2');
    await enqueue('order', 'A', 'a3');
    await enqueue('order', 'B', 'b3');

    // B's jobs all run, in order, while A's head fails again and again.
    await eventually(() => expect(ran).toEqual(['b1', 'b2', 'b3']));
    await eventually(async () =>
      expect(Number((await dataSource.query(`SELECT attempts FROM ${S}.jobs WHERE job_id = 'a1'`))[0].attempts)).toBeGreaterThanOrEqual(2),
    );
    expect(ran).toEqual(['b1', 'b2', 'b3']);
    expect(await status('order')).toMatchObject({ a1: 'pending', a2: 'pending', a3: 'pending' });

    blockedWorks = true;
    await eventually(() => expect(ran).toEqual(['b1', 'b2', 'b3', 'a1', 'a2', 'a3']));
    // A job enqueued twice (a redelivered message) is one job.
    expect(await enqueue('order', 'A', 'a1')).toBe(false);
  });

  it('a job failing every attempt is dead-lettered with its error, attempts and failures; its key goes on; the operator retries it once fixed', async () => {
    const ran: string[] = [];
    let fixed = false;
    const processor = start('fanout', async (job: Job) => {
      if (job.jobId === 'poison' && !fixed) throw new Error('no such unit 99999');
      ran.push(job.jobId);
    });
    await enqueue('fanout', 'plan-1', 'poison', { n: 1 });
    await enqueue('fanout', 'plan-1', 'after-poison');
    await enqueue('fanout', 'plan-2', 'other');

    await eventually(() => expect(ran).toEqual(expect.arrayContaining(['after-poison', 'other'])));
    expect(ran).toHaveLength(2);
    expect(await status('fanout')).toEqual({ poison: 'dead', 'after-poison': 'done', other: 'done' });
    expect(processor.deadLetteredCount).toBe(1);
    const letters = new StoredDeadLetters(dataSource, S);
    const [letter] = await letters.list('fanout');
    expect(letter).toMatchObject({ source: 'job', queue: 'fanout', key: 'plan-1', name: 'Step', attempts: 3, error: 'no such unit 99999' });
    expect(letter.lastFailedAt.getTime()).toBeGreaterThan(letter.firstFailedAt.getTime());
    expect(await queueCounts(dataSource, S)).toContainEqual({ source: 'job', queue: 'fanout', pending: 0, deadLetters: 1 });

    // The operator's command, from another process's point of view (its own connection).
    const env = { DATABASE_URL: database.url };
    const lines: string[] = [];
    expect(await runDeadLettersCommand([S, 'list'], env, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(new RegExp(`^${letter.id}\\tjob\\tfanout\\tplan-1\\tStep \\d+\\t3 attempts\\t.*\\tno such unit 99999$`));
    lines.length = 0;
    expect(await runDeadLettersCommand([S, 'counts'], env, (l) => lines.push(l))).toBe(0);
    expect(lines).toContain('job\tfanout\t0 pending\t1 dead letter(s)');

    fixed = true;
    expect(await runDeadLettersCommand([S, 'retry', letter.id], env, () => undefined)).toBe(0);
    await eventually(() => expect(ran).toContain('poison'));
    expect(ran).toHaveLength(3);
    expect(await status('fanout')).toEqual({ poison: 'done', 'after-poison': 'done', other: 'done' });
    expect(await letters.list()).toEqual([]);
    expect(await runDeadLettersCommand([S, 'retry', letter.id], env, () => undefined)).toBe(1);
  });

  it('with deadLetterHoldsKey a dead job holds its key until the operator retries it; other keys go on', async () => {
    const ran: string[] = [];
    let fixed = false;
    start(
      'held',
      async (job: Job) => {
        if (job.jobId === 'issue' && !fixed) throw new Error('broken');
        ran.push(job.jobId);
      },
      { maxAttempts: 2, deadLetterHoldsKey: true },
    );
    await enqueue('held', 'plan-1', 'issue');
    await enqueue('held', 'plan-1', 'amend');
    await enqueue('held', 'plan-2', 'other');
    await eventually(async () => expect(await status('held')).toEqual({ issue: 'dead', amend: 'pending', other: 'done' }));
    // A job enqueued later on another key runs; the amendment, older and otherwise first, is held.
    await enqueue('held', 'plan-2', 'other-later');
    await eventually(() => expect(ran).toEqual(['other', 'other-later']));
    expect(await status('held')).toMatchObject({ amend: 'pending' });
    const [letter] = await new StoredDeadLetters(dataSource, S).list('held');
    fixed = true;
    expect(await runDeadLettersCommand([S, 'retry', letter.id], { DATABASE_URL: database.url }, () => undefined)).toBe(0);
    await eventually(() => expect(ran).toEqual(['other', 'other-later', 'issue', 'amend']));
  });

  it('a discarded dead letter is given up: the job is marked discarded and is not run again', async () => {
    let runs = 0;
    start(
      'discard',
      async () => {
        runs++;
        throw new Error('always');
      },
      { maxAttempts: 2 },
    );
    await enqueue('discard', 'k', 'doomed');
    const letters = new StoredDeadLetters(dataSource, S);
    const letter = await eventually(async () => {
      const [found] = await letters.list('discard');
      expect(found).toBeDefined();
      return found;
    });
    expect(await runDeadLettersCommand([S, 'discard', letter.id], { DATABASE_URL: database.url }, () => undefined)).toBe(0);
    expect(await status('discard')).toEqual({ doomed: 'discarded' });
    expect(await letters.list('discard')).toEqual([]);
    expect(runs).toBe(2);
    expect(await runDeadLettersCommand([S, 'bogus'], { DATABASE_URL: database.url }, () => undefined)).toBe(2);
  });

  it('two processors of one queue: one leads (its lock seen in pg_locks); when its lock session dies the other takes over and the work goes on', async () => {
    const ran: string[] = [];
    const first = start('lead', async (job) => void ran.push(job.jobId));
    const second = start('lead', async (job) => void ran.push(job.jobId));
    await eventually(() => expect([first, second].filter((p) => p.leading)).toHaveLength(1));
    const holders = async () =>
      (await dataSource.query(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      )) as Array<{
        pid: number;
      }>;
    const [{ pid }] = await holders();
    await dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
    await eventually(async () => {
      expect([first, second].filter((p) => p.leading)).toHaveLength(1);
      const now = await holders();
      expect(now).toHaveLength(1);
      expect(now[0].pid).not.toBe(pid);
    });
    await enqueue('lead', 'k', 'after-the-cut');
    await eventually(() => expect(ran).toEqual(['after-the-cut']));
  });

  it('the leader prunes done jobs older than the retention, in batches; recent done, pending, dead and discarded jobs and other queues stay', async () => {
    const kept = async (queue: string) =>
      ((await dataSource.query(`SELECT job_id FROM ${S}.jobs WHERE queue = $1 ORDER BY seq`, [queue])) as Array<{ job_id: string }>).map((row) => row.job_id);
    // Seven old done jobs (done two hours ago), one recent, one old of each other status, one old in another queue.
    for (const queue of ['retained', 'elsewhere']) {
      for (let i = 1; i <= (queue === 'retained' ? 7 : 1); i++) await enqueue(queue, `k${i}`, `old-${i}`);
    }
    await enqueue('retained', 'k', 'recent');
    await enqueue('retained', 'k', 'dead-old');
    await enqueue('retained', 'k', 'discarded-old');
    await dataSource.query(`UPDATE ${S}.jobs SET status = 'done', done_at = now() - interval '2 hours' WHERE job_id LIKE 'old-%'`);
    await dataSource.query(`UPDATE ${S}.jobs SET status = 'done', done_at = now() WHERE job_id = 'recent'`);
    await dataSource.query(`UPDATE ${S}.jobs SET status = 'dead', done_at = now() - interval '2 hours' WHERE job_id = 'dead-old'`);
    await dataSource.query(`UPDATE ${S}.jobs SET status = 'discarded', done_at = now() - interval '2 hours' WHERE job_id = 'discarded-old'`);
    await enqueue('retained', 'k', 'pending');
    const deletes: number[] = [];
    const query = dataSource.query.bind(dataSource);
    const spy = jest.spyOn(dataSource, 'query').mockImplementation(((sql: string, parameters?: unknown[]) => {
      if (/DELETE FROM "jobtest"\.jobs/.test(sql)) deletes.push(1);
      return query(sql, parameters);
    }) as typeof dataSource.query);
    try {
      const processor = new JobProcessor({
        dataSource,
        schema: S,
        queue: 'retained',
        handle: async () => undefined,
        pollMs: 20,
        doneRetentionMs: 3_600_000,
        pruneBatch: 3,
        pruneEveryMs: 60_000,
      });
      processors.push(processor);
      processor.start();
      await eventually(() => expect(processor.prunedCount).toBe(7));
      await eventually(async () => expect(await kept('retained')).toEqual(['recent', 'dead-old', 'discarded-old', 'pending']));
      // 7 in batches of 3: 3, 3, 1.
      expect(deletes).toHaveLength(3);
      expect(await kept('elsewhere')).toEqual(['old-1']);
    } finally {
      spy.mockRestore();
    }
  });
});
