import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TokenService } from '@reform/auth';
import { PostgresEventStore, verifyAllStreams } from '@reform/event-store';
import { eventually, freePort, OwnNats, OwnPostgres, startOwnNats, startOwnPostgres, tableSnapshot, TEST_SIGNING_KEYS, uniqueName } from '@reform/testing';
import { REBUILDABLE_SERVICES, runRebuildCommand } from '../src/rebuild/rebuild-command';

/**
 * The fault-injection suite (issue 13). The distributed mode as operators run it —
 * scripts/start-distributed.sh, one supervised process per service and the gateway — on a
 * PostgreSQL server and a NATS server of the suite's own (free ports, temporary folders; the
 * shared servers are never touched). In every scenario a province plan is drafted and issued
 * through the gateway (fanned out to every commune) while communes accept and report on earlier
 * assignments, all through the gateway with idempotency keys and retried until acknowledged, as a
 * client after a cut connection must. Then one fault: kill -9 of each service, NATS down 15 s,
 * PostgreSQL shut down in immediate mode for 10 s, the gateway killed mid-request. Nobody acts
 * but the fault and its end (the launcher restarts what died). After each: every acknowledged
 * command's event exists exactly once, every plan's assignments exist once and no job is pending,
 * the read models equal a replay (rebuild and compare), every stream's hash chain verifies.
 * It prints the time each scenario took to converge.
 */
const root = join(__dirname, '../../..');
const PROVINCE = '49';
const DISTRICTS = ['500', '501'];
const COMMUNES = DISTRICTS.flatMap((district, d) => Array.from({ length: 12 }, (_, i) => String(50000 + d * 100 + i + 1)));
const TASKS_PER_PLAN = 4;
const YEAR = new Date().getFullYear();

interface Launch {
  readonly child: ChildProcess;
  output(): string;
  pidOf(name: 'directory' | 'plans' | 'tasks' | 'gateway'): number;
}

function launch(env: Record<string, string>): Launch {
  const child = spawn('bash', [join(root, 'scripts/start-distributed.sh')], {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return {
    child,
    output: () => output,
    pidOf(name) {
      const dir = /\(process ids in (\S+)\)/.exec(output)?.[1];
      if (!dir) throw new Error('the launcher did not say where its process ids are');
      return Number(readFileSync(join(dir, `${name}.pid`), 'utf8'));
    },
  };
}

interface Acked {
  readonly key: string;
  readonly assignmentId: string;
  readonly kind: 'accept' | 'report';
}

describe('fault injection: the distributed platform heals itself; every retried command is applied once', () => {
  let pg: OwnPostgres;
  let nats: OwnNats & { remove(): void };
  let platform: Launch;
  let db: DataSource;
  let gatewayUrl: string;
  /** Each supervised service's own port: its readiness is asked there after a restart. */
  const servicePorts: Record<'directory' | 'plans' | 'tasks', number> = { directory: 0, plans: 0, tasks: 0 };
  let adminToken: string;
  const unitList = join(tmpdir(), `${uniqueName('units')}.csv`);
  const tokens = new TokenService([...TEST_SIGNING_KEYS]);
  const communeTokens = new Map<string, string>();
  const plans: Array<{ id: string; expected: number }> = [];
  const acked: Acked[] = [];
  const figures: string[] = [];
  let retries = 0;
  let keySeq = 0;

  /** A GraphQL request through the gateway, retried with the same idempotency key until it is answered. */
  async function command<Data>(query: string, variables: Record<string, unknown>, token: string, key: string): Promise<Data> {
    const deadline = Date.now() + 180_000;
    for (let attempt = 0; ; attempt++) {
      let failure: string;
      try {
        const response = await fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), 'idempotency-key': key },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await response.json()) as { data?: Data; errors?: Array<{ message: string; extensions?: { code?: string } }> };
        if (body.data && !body.errors?.length) return body.data;
        const codes = (body.errors ?? []).map((error) => error.extensions?.code);
        // A refusal of the command itself is a test failure, not a reason to retry.
        if (
          codes.some((code) => code === 'BAD_USER_INPUT' || code === 'CONFLICT' || code === 'FORBIDDEN' || code === 'NOT_FOUND' || code === 'UNAUTHENTICATED')
        )
          throw new Error(`refused: ${JSON.stringify(body.errors)}`);
        failure = JSON.stringify(body.errors ?? body).slice(0, 300);
      } catch (error) {
        if ((error as Error).message.startsWith('refused')) throw error;
        failure = (error as Error).message;
      }
      if (Date.now() > deadline) throw new Error(`${key}: no answer within 180 s: ${failure}`);
      retries++;
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 2_000)));
    }
  }

  const q = async (sql: string, parameters: unknown[] = []) => eventually(() => db.query(sql, parameters), { timeoutMs: 60_000, intervalMs: 250 });
  const n = async (sql: string, parameters: unknown[] = []) => Number(Object.values((await q(sql, parameters))[0])[0]);

  /** A province plan: every commune implements each task, the province leads it. */
  async function issuePlan(label: string): Promise<void> {
    const input = {
      number: `${plans.length + 1}/KH-UBND-${label}`,
      title: `Kế hoạch cải cách hành chính năm ${YEAR} (thử lỗi: ${label})`,
      issuerCode: PROVINCE,
      year: YEAR,
      frameworks: ['PAR_INDEX'],
      sections: [
        {
          code: 'I',
          title: 'Nhiệm vụ giao các xã',
          tasks: Array.from({ length: TASKS_PER_PLAN }, (_, i) => ({
            text: `Nhiệm vụ ${i + 1}: công khai thủ tục hành chính tại cấp xã`,
            lead: { text: 'UBND tỉnh' },
            implementing: { text: 'UBND các xã, phường, thị trấn' },
            timeframe: `Tháng 12/${YEAR}`,
          })),
        },
      ],
    };
    const { draftPlan } = await command<{ draftPlan: { id: string } }>(
      'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }',
      { input },
      adminToken,
      `draft-${label}`,
    );
    const { issuePlan } = await command<{
      issuePlan: { status: string; sections: Array<{ tasks: Array<{ lead: { units: unknown[] } | null; implementing: { units: unknown[] } | null }> }> };
    }>(
      'mutation($id: ID!) { issuePlan(id: $id) { status sections { tasks { lead { units { code } } implementing { units { code } } } } } }',
      { id: draftPlan.id },
      adminToken,
      `issue-${label}`,
    );
    expect(issuePlan.status).toBe('ISSUED');
    const expected = issuePlan.sections
      .flatMap((section) => section.tasks)
      .reduce((sum, task) => sum + (task.implementing?.units.length ?? 0) + (task.lead?.units.length ?? 0), 0);
    expect(expected).toBe(TASKS_PER_PLAN * (COMMUNES.length + 1));
    plans.push({ id: draftPlan.id, expected });
  }

  /** Communes accept (once) and report on their assignments of the first plan, concurrently. */
  async function communeUpdates(label: string, communes: readonly string[]): Promise<void> {
    const first = plans[0];
    await settled(
      communes.map(async (commune, i) => {
        const [{ id }] = await q(`SELECT id FROM tasks.assignments WHERE plan_id = $1 AND unit_code = $2 AND role = 'IMPLEMENTING' ORDER BY id LIMIT 1`, [
          first.id,
          commune,
        ]);
        const token = communeTokens.get(commune) as string;
        const [{ status }] = await q(`SELECT status FROM tasks.assignments WHERE id = $1`, [id]);
        if (status === 'ASSIGNED') {
          const key = `accept-${commune}`;
          await command('mutation($id: ID!) { acceptAssignment(id: $id) { status } }', { id }, token, key);
          acked.push({ key, assignmentId: id, kind: 'accept' });
        }
        for (let r = 0; r < 2; r++) {
          const key = `report-${label}-${commune}-${r}-${keySeq++}`;
          await command(
            'mutation($id: ID!, $input: ProgressInput!) { reportAssignmentProgress(id: $id, input: $input) { percent } }',
            { id, input: { percent: Math.min(90, 10 + i + r), note: key } },
            token,
            key,
          );
          acked.push({ key, assignmentId: id, kind: 'report' });
        }
      }),
    );
  }

  /** Waits until the platform has converged, checks every invariant, returns the time it took. */
  async function converged(label: string, since: number): Promise<void> {
    // Budgets (scaled by the load, libs/testing): far above what converging takes here (≤ 31 s at
    // load 20), so that a platform that does not heal fails in minutes, not hours.
    for (const plan of plans) {
      await eventually(async () => expect(await n(`SELECT count(*) FROM tasks.assignments WHERE plan_id = $1`, [plan.id])).toBe(plan.expected), {
        timeoutMs: 90_000,
        intervalMs: 250,
      });
    }
    await eventually(async () => expect(await n(`SELECT count(*) FROM tasks.jobs WHERE status = 'pending'`)).toBe(0), { timeoutMs: 60_000, intervalMs: 250 });
    const took = Date.now() - since;
    // Every acknowledged command's event exists exactly once.
    expect(await n(`SELECT count(*) FROM tasks.jobs`)).toBe(plans.length);
    expect(await n(`SELECT count(*) FROM plans.events WHERE event_type = 'PlanIssued'`)).toBe(plans.length);
    expect(await n(`SELECT count(*) FROM plans.events WHERE event_type = 'PlanDrafted'`)).toBe(plans.length);
    expect(await n(`SELECT count(*) FROM tasks.events WHERE event_type = 'AssignmentCreated'`)).toBe(plans.reduce((sum, plan) => sum + plan.expected, 0));
    expect(
      await n(`SELECT count(*) FROM (SELECT stream_id FROM tasks.events GROUP BY stream_id HAVING count(*) FILTER (WHERE stream_version = 1) <> 1) AS twice`),
    ).toBe(0);
    const reports = new Map<string, number>();
    for (const ack of acked.filter((a) => a.kind === 'report')) reports.set(ack.assignmentId, (reports.get(ack.assignmentId) ?? 0) + 1);
    const recorded: Array<{ stream_id: string; n: number }> = await q(
      `SELECT stream_id, count(*)::int AS n FROM tasks.events WHERE event_type = 'ProgressReported' GROUP BY stream_id`,
    );
    expect(Object.fromEntries(recorded.map((row) => [row.stream_id.replace(/^assignment-/, ''), row.n]))).toEqual(Object.fromEntries(reports));
    expect(await n(`SELECT count(*) FROM tasks.events WHERE event_type = 'AssignmentAccepted'`)).toBe(acked.filter((a) => a.kind === 'accept').length);
    expect(await n(`SELECT count(*) FROM tasks.idempotency_keys`)).toBe(acked.length);
    // The read models equal a replay of the events.
    for (const service of ['plans', 'tasks']) {
      const { readModels } = REBUILDABLE_SERVICES[service];
      const tables = readModels.projections.flatMap((projection) => projection.tables);
      const live = await tableSnapshot(db, readModels.schema, tables);
      expect(await runRebuildCommand([service], { DATABASE_URL: pg.urlOf('reform') }, { print: () => undefined, printError: () => undefined })).toBe(0);
      expect(await tableSnapshot(db, readModels.schema, tables)).toEqual(live);
    }
    // Every stream's hash chain verifies.
    for (const schema of ['directory', 'plans', 'tasks']) {
      const result = await verifyAllStreams(new PostgresEventStore(db, schema));
      expect(result.broken).toEqual([]);
    }
    figures.push(`${label}: converged ${(took / 1000).toFixed(1)} s after the fault ended`);
    process.stdout.write(
      `[faults] ${figures[figures.length - 1]} (plans ${plans.length}, acknowledged commune commands ${acked.length}, client retries so far ${retries})\n`,
    );
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Like Promise.all, but a failure is thrown only once every piece has ended (none keeps running into the next scenario). */
  async function settled(work: Array<Promise<unknown>>): Promise<void> {
    const results = await Promise.allSettled(work);
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  beforeAll(async () => {
    pg = await startOwnPostgres();
    nats = await startOwnNats();
    writeFileSync(
      unitList,
      [
        'code,name,type,level,parent_code',
        `${PROVINCE},Tỉnh Quảng Nam,Tỉnh,province,`,
        ...DISTRICTS.map((district) => `${district},Huyện Thử ${district},Huyện,district,${PROVINCE}`),
        ...COMMUNES.map((commune) => `${commune},Xã Thử ${commune},Xã,commune,${commune.startsWith('500') ? '500' : '501'}`),
      ].join('\n') + '\n',
    );
    const port = await freePort();
    platform = launch({
      DATABASE_URL: pg.urlOf('reform'),
      NATS_URL: nats.url,
      NATS_PREFIX: '',
      PORT: String(port),
      DIRECTORY_PORT: String((servicePorts.directory = await freePort())),
      PLANS_PORT: String((servicePorts.plans = await freePort())),
      TASKS_PORT: String((servicePorts.tasks = await freePort())),
      SCORING_PORT: String(await freePort()),
      AUTH_SIGNING_KEYS: TEST_SIGNING_KEYS.map((key) => `${key.kid}:${key.secret}`).join(','),
      UNIT_LIST: unitList,
      ADMIN_USERNAME: 'quantri49',
      ADMIN_PASSWORD: 'mat-khau-quan-tri-49-du-dai',
      ADMIN_PROVINCE: PROVINCE,
      RESTART_MAX_DELAY: '2',
      FAN_OUT_CHUNK_SIZE: '20',
    });
    gatewayUrl = `http://127.0.0.1:${port}/graphql`;
    await eventually(
      async () => {
        const response = await fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        expect(response.ok).toBe(true);
      },
      { timeoutMs: 240_000, intervalMs: 500 },
    ).catch((error) => {
      throw new Error(`${(error as Error).message}\n--- launcher ---\n${platform.output().slice(-5000)}`);
    });
    db = await new DataSource({ type: 'postgres', url: pg.urlOf('reform'), poolSize: 4 }).initialize();
    const login = await command<{ login: { token: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: 'quantri49', p: 'mat-khau-quan-tri-49-du-dai' },
      '',
      `login-${Date.now()}`,
    );
    adminToken = login.login.token;
    for (const commune of COMMUNES) {
      communeTokens.set(
        commune,
        (await tokens.issue({ accountId: `acc-c${commune}`, username: `c${commune}`, unitCode: commune, roles: [{ role: 'UNIT_OFFICER', unitCode: commune }] }))
          .token,
      );
    }
    await eventually(async () => expect(await n(`SELECT count(*) FROM tasks.units`)).toBe(1 + DISTRICTS.length + COMMUNES.length), {
      timeoutMs: 120_000,
      intervalMs: 250,
    });
    await eventually(async () => expect(await n(`SELECT count(*) FROM plans.units`)).toBeGreaterThanOrEqual(1 + DISTRICTS.length + COMMUNES.length), {
      timeoutMs: 120_000,
      intervalMs: 250,
    });
  }, 420_000);

  afterAll(async () => {
    process.stdout.write(`[faults] figures:\n${figures.map((line) => `  ${line}`).join('\n')}\n  client retries in all: ${retries}\n`);
    await db?.destroy().catch(() => undefined);
    if (platform?.child.pid) {
      try {
        process.kill(-platform.child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([new Promise((resolve) => platform.child.once('exit', resolve)), sleep(30_000)]);
      try {
        process.kill(-platform.child.pid, 'SIGKILL');
      } catch {
        // stopped in order
      }
    }
    await nats?.destroy();
    await pg?.destroy();
    rmSync(unitList, { force: true });
  }, 120_000);

  it('baseline: a province plan fanned out, communes accept and report', async () => {
    const started = Date.now();
    await issuePlan('baseline');
    await eventually(async () => expect(await n(`SELECT count(*) FROM tasks.assignments WHERE plan_id = $1`, [plans[0].id])).toBe(plans[0].expected), {
      timeoutMs: 240_000,
      intervalMs: 250,
    });
    await communeUpdates('baseline', COMMUNES.slice(0, 6));
    await converged('baseline', started);
  }, 600_000);

  it.each(['tasks', 'plans', 'directory', 'gateway'] as const)(
    'kill -9 of %s mid fan-out and mid updates: restarted by the launcher, nothing lost or doubled',
    async (service) => {
      const work = settled([issuePlan(`kill-${service}`), communeUpdates(`kill-${service}`, COMMUNES.slice(0, 8))]);
      await sleep(700);
      const killed = platform.pidOf(service);
      process.kill(killed, 'SIGKILL');
      const ended = Date.now();
      await work;
      await converged(`kill -9 ${service}`, ended);
      // The launcher has started it again (the next scenario counts on every process being up).
      await eventually(
        () => {
          const pid = platform.pidOf(service);
          expect(pid).not.toBe(killed);
          process.kill(pid, 0); // throws when no such process runs
        },
        { timeoutMs: 60_000, intervalMs: 200 },
      );
      // ... and it has finished starting: a process still starting when the next scenario stops
      // NATS fails its start and is started once more, which that scenario would count as a death.
      await eventually(
        async () => {
          const url = service === 'gateway' ? gatewayUrl.replace(/\/graphql$/, '/readiness') : `http://127.0.0.1:${servicePorts[service]}/health/ready`;
          expect((await fetch(url)).status).toBe(200);
        },
        { timeoutMs: 60_000, intervalMs: 200 },
      );
    },
    600_000,
  );

  const pids = () => (['directory', 'plans', 'tasks', 'gateway'] as const).map((name) => `${name} ${platform.pidOf(name)}`);
  /** Nothing died and was restarted; when something did, the launcher's last lines say why. */
  const healedInPlace = (before: string[]) => {
    const after = pids();
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      throw new Error(
        `processes were restarted: ${before.join(', ')} → ${after.join(', ')}\n--- launcher ---\n${platform
          .output()
          .split('\n')
          .filter((line) => !line.includes('"req":{'))
          .slice(-80)
          .join('\n')}`,
      );
    }
  };

  it('NATS down for 15 s mid fan-out and mid updates: no process ends', async () => {
    const before = pids();
    const work = settled([issuePlan('nats-down'), communeUpdates('nats-down', COMMUNES.slice(4, 12))]);
    await sleep(500);
    await nats.kill();
    await sleep(15_000);
    await nats.start();
    const ended = Date.now();
    await work;
    await converged('NATS down 15 s', ended);
    healedInPlace(before);
  }, 600_000);

  it('PostgreSQL shut down in immediate mode for 10 s mid fan-out and mid updates: no process ends', async () => {
    const before = pids();
    const work = settled([issuePlan('pg-down'), communeUpdates('pg-down', COMMUNES.slice(8, 16))]);
    await sleep(700);
    await pg.crash();
    await sleep(10_000);
    await pg.start();
    const ended = Date.now();
    await work;
    await converged('PostgreSQL immediate shutdown 10 s', ended);
    healedInPlace(before);
  }, 600_000);

  it('the gateway killed mid-request while clients retry with their idempotency keys', async () => {
    const work = communeUpdates('gateway-cut', COMMUNES.slice(0, 16));
    await sleep(150);
    process.kill(platform.pidOf('gateway'), 'SIGKILL');
    const ended = Date.now();
    await work;
    await converged('gateway killed mid-request', ended);
  }, 600_000);
});
