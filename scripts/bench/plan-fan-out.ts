/**
 * Plan fan-out benchmark, end to end through the gateway: prints figures, asserts nothing (speed
 * is not a test, ADR 0005).
 *   TS_NODE_PROJECT=tsconfig.base.json node -r ts-node/register/transpile-only -r tsconfig-paths/register scripts/bench/plan-fan-out.ts
 *   (npm run bench:plan-fan-out; BENCH_SCOPE=province for the quick half)
 *
 * The embedded composition (startPlatform: directory, plans, tasks and the gateway in this
 * process, one database, the in-process bus) on a fresh database of the local PostgreSQL
 * (TEST_POSTGRES_URL), with the national unit list imported and no demo data. A bench identity
 * holding PLATFORM_ADMIN (a token minted with the test signing keys) drafts and issues plans through
 * the gateway with GraphQL, as a user would; then the script polls `plan(id) { progress { total } }`
 * through the gateway until every assignment the issued plans call for is counted there.
 *
 * - province: a plan of BENCH_TASKS (default 50) tasks issued by BENCH_PROVINCE (default 49, Quảng
 *   Nam), each task implemented by "UBND các xã, phường, thị trấn" (every commune of the province)
 *   and led by "UBND tỉnh" (the province: one LEAD assignment per task).
 * - country: there is no national unit, so one such plan per province present today
 *   (`units(level: PROVINCE)`), drafted first, then issued back to back; t0 at the first issue.
 *
 * The platform runs on a fixed clock, BENCH_DAY (default 2025-06-16): before the 2025
 * reorganisation (2025-07-01) the country has 63 provinces and about 10,000 communes (the
 * issue's 505,500 assignments) and Quảng Nam (49) stands; on today's tree it is merged into Đà
 * Nẵng (48) and the country has 34 provinces and about 3,300 communes.
 *
 * The expected number of assignments is computed from the issuePlan responses (per task: the
 * resolved implementing units + the resolved lead units), never assumed. A plan whose total has
 * reached its expected count is not asked again (totals only grow). Peak RSS is this process's
 * (all services, the gateway and this client), sampled every 100 ms while waiting. Besides the
 * gateway's figure, the fan-out worker's own timeline is printed from tasks.jobs (queue tasks.plan-events)
 * (PostgreSQL's clock, same machine): when the first PlanIssued job was received and the last
 * one done, so the time of the fan-out and the lag of the gateway's view can be told apart.
 *
 * BENCH_SCOPE=province|country|both (default both); BENCH_POLL_MS (default 250 for the province,
 * 1000 for the country: 60-odd progress roll-ups per look compete with the fan-out for 2 cores);
 * BENCH_TIMEOUT_S (default 1800) bounds each wait. The database is dropped at the end, on failure
 * and on Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { Identity } from '@reform/access';
import { PlanIssuedV1 } from '@reform/contracts';
import { TokenService } from '@reform/auth';
import { FixedClock, todayOf } from '@reform/clock';
import { TASKS_SCHEMA } from '@reform/tasks';
import { GraphQLTestClient, TEST_SIGNING_KEYS } from '@reform/testing';
// The operators' way to the first platform administrator (npm run directory:bootstrap-admin).
import { bootstrapAdministrator } from '../../services/directory/src/write/bootstrap-admin/bootstrap-admin';
import { accountDecider, accountStreamId } from '../../services/directory/src/domain/account/account.decider';
import { accountsProjection } from '../../services/directory/src/read/accounts/accounts.projection';
import { DIRECTORY_SCHEMA } from '../../services/directory/src/schema';
import { handleCommand, PostgresEventStore, serviceDataSourceOptions, SYSTEM_ACTOR } from '@reform/event-store';
import { benchPlanInput, describeMachine, Gateway, loadAverage, runBench, startBenchPlatform } from './bench-platform';
import { CpuMeter, CpuReport, describeCpu } from './cpu-meter';

type Scope = 'province' | 'country' | 'both';
const SCOPE = (process.env.BENCH_SCOPE ?? 'both') as Scope;
const TASKS = Number(process.env.BENCH_TASKS ?? 50);
const PROVINCE = process.env.BENCH_PROVINCE ?? '49';
const POLL_MS = process.env.BENCH_POLL_MS ? Number(process.env.BENCH_POLL_MS) : null;
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 1800) * 1000;
const clock = new FixedClock(`${process.env.BENCH_DAY ?? '2025-06-16'}T03:00:00Z`);
const YEAR = Number(todayOf(clock).slice(0, 4));

const BENCH_USER = 'bench-fan-out';
const ALIASES_PER_LOOK = 25;
const IMPLEMENTING = 'UBND các xã, phường, thị trấn';
const LEAD = 'UBND tỉnh';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const int = (n: number) => Math.round(n).toLocaleString('en');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${int(bytes / 2 ** 20)} MiB`;

interface IssuedTask {
  id: string;
  lead: { units: Array<{ code: string }> } | null;
  implementing: { units: Array<{ code: string }> } | null;
}
interface IssuedPlan {
  id: string;
  status: string;
  sections: Array<{ tasks: IssuedTask[] }>;
}

/** A plan as issued: its id, the assignments it calls for, the communes it reaches. */
interface Issued {
  readonly planId: string;
  readonly issuerCode: string;
  readonly expected: number;
  readonly communes: ReadonlySet<string>;
  readonly taskIds: readonly string[];
  readonly issueMs: number;
}

const draftInput = (issuerCode: string, name: string, number: string) =>
  benchPlanInput({
    number,
    title: `Kế hoạch cải cách hành chính năm ${YEAR} (đo thời gian giao nhiệm vụ) — ${name}`,
    issuerCode,
    year: YEAR,
    tasks: TASKS,
    taskText: (i) => `Nhiệm vụ ${i + 1}: công khai, minh bạch thủ tục hành chính và kết quả giải quyết tại cấp xã`,
    target: '100% các xã, phường, thị trấn',
    lead: LEAD,
    implementing: IMPLEMENTING,
  });

const ISSUED_FIELDS = 'id status sections { tasks { id lead { units { code } } implementing { units { code } } } }';

/** Drafts the bench plan of `issuerCode`; `number` differs per scope (BENCH_SCOPE=both issues two plans of the province). */
async function draft(gateway: Gateway, issuerCode: string, name: string, number: string): Promise<string> {
  const { draftPlan } = await gateway.query<{ draftPlan: { id: string } }>('mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }', {
    input: draftInput(issuerCode, name, number),
  });
  return draftPlan.id;
}

async function issue(gateway: Gateway, planId: string, issuerCode: string): Promise<Issued> {
  const begun = performance.now();
  const { issuePlan } = await gateway.query<{ issuePlan: IssuedPlan }>(`mutation($id: ID!) { issuePlan(id: $id) { ${ISSUED_FIELDS} } }`, { id: planId });
  const issueMs = performance.now() - begun;
  if (issuePlan.status !== 'ISSUED') throw new Error(`plan ${planId} of ${issuerCode}: status ${issuePlan.status} after issuePlan`);
  let expected = 0;
  const communes = new Set<string>();
  const tasks = issuePlan.sections.flatMap((section) => section.tasks);
  for (const task of tasks) {
    const implementing = task.implementing?.units ?? [];
    expected += implementing.length + (task.lead?.units.length ?? 0);
    for (const unit of implementing) communes.add(unit.code);
  }
  return { planId, issuerCode, expected, communes, taskIds: tasks.map((task) => task.id), issueMs };
}

/** What waitUntilVisible saw: times in ms from t0 (just before the first issuePlan call). */
interface Waited {
  /** When the first assignment was seen (ms from t0); null when the first look already saw some. */
  readonly firstMs: number | null;
  /** The first look: when it returned (ms from t0) and what it counted. */
  readonly firstLook: { readonly atMs: number; readonly visible: number };
  readonly allMs: number;
  readonly peakRss: number;
  /** How long each progress request took (ms). */
  readonly looks: readonly number[];
}

/**
 * Polls the plans' progress through the gateway until every one has its expected total; returns
 * the time of the first assignment seen and of the last, from t0, and the peak RSS meanwhile.
 */
async function waitUntilVisible(gateway: Gateway, plans: readonly Issued[], t0: number, pollMs: number): Promise<Waited> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const expected = plans.reduce((sum, plan) => sum + plan.expected, 0);
  const totals = new Map(plans.map((plan) => [plan.planId, 0]));
  let firstMs: number | null = null;
  let firstLook: Waited['firstLook'] | null = null;
  const looks: number[] = [];
  let lastLine = performance.now();
  try {
    for (;;) {
      const open = plans.filter((plan) => (totals.get(plan.planId) ?? 0) < plan.expected);
      const asked = performance.now();
      // At most ALIASES_PER_LOOK plans a request: the query limits (ADR 0022) allow 30 aliases.
      for (let from = 0; from < open.length; from += ALIASES_PER_LOOK) {
        const some = open.slice(from, from + ALIASES_PER_LOOK);
        const query = `query(${some.map((_, i) => `$p${i}: ID!`).join(', ')}) { ${some.map((_, i) => `p${i}: plan(id: $p${i}) { progress { total } }`).join(' ')} }`;
        const data = await gateway.query<Record<string, { progress: { total: number } | null } | null>>(
          query,
          Object.fromEntries(some.map((plan, i) => [`p${i}`, plan.planId])),
        );
        some.forEach((plan, i) => totals.set(plan.planId, data[`p${i}`]?.progress?.total ?? 0));
      }
      looks.push(performance.now() - asked);
      const visible = [...totals.values()].reduce((sum, n) => sum + n, 0);
      const now = performance.now();
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (!firstLook) firstLook = { atMs: now - t0, visible };
      else if (firstMs === null && visible > 0 && firstLook.visible === 0) firstMs = now - t0;
      if (visible >= expected) return { firstMs, firstLook, allMs: now - t0, peakRss, looks };
      if (now - lastLine >= 10_000) {
        lastLine = now;
        console.log(
          `  ${int(visible)} / ${int(expected)} visible after ${seconds(now - t0)} (${open.length} plan(s) incomplete, rss ${mib(process.memoryUsage().rss)}, load ${loadAverage()})`,
        );
      }
      if (now - t0 > TIMEOUT_MS) throw new Error(`only ${int(visible)} of ${int(expected)} assignments visible after ${seconds(now - t0)} (BENCH_TIMEOUT_S)`);
      await sleep(pollMs);
    }
  } finally {
    clearInterval(sampler);
  }
}

/** The fan-out worker's own account: its jobs for these plans, in seconds from t0 (wall clock). */
interface WorkerTimeline {
  readonly jobs: number;
  readonly firstReceivedS: number;
  readonly lastDoneS: number;
}

async function workerTimeline(tasks: DataSource, plans: readonly Issued[], t0Wall: number): Promise<WorkerTimeline> {
  const [row]: Array<{ jobs: number; first_received: number; last_done: number }> = await tasks.query(
    `SELECT count(*)::int AS jobs, extract(epoch FROM min(enqueued_at))::float8 AS first_received, extract(epoch FROM max(done_at))::float8 AS last_done
       FROM "${TASKS_SCHEMA}".jobs WHERE queue = 'tasks.plan-events' AND name = $1 AND key = ANY($2::text[])`,
    [PlanIssuedV1.name, plans.map((plan) => plan.planId)],
  );
  return { jobs: row.jobs, firstReceivedS: row.first_received - t0Wall / 1000, lastDoneS: row.last_done - t0Wall / 1000 };
}

function printResult(label: string, plans: readonly Issued[], result: Waited, worker: WorkerTimeline, pollMs: number, issuedMs: number, cpu: CpuReport): void {
  const communes = plans.reduce((sum, plan) => sum + plan.communes.size, 0);
  const assignments = plans.reduce((sum, plan) => sum + plan.expected, 0);
  const issues = plans.map((plan) => plan.issueMs);
  console.log(`${label}:`);
  console.log(`  plans issued                   ${plans.length} (${TASKS} tasks each; implementing "${IMPLEMENTING}", lead "${LEAD}")`);
  console.log(`  communes                       ${int(communes)}`);
  console.log(`  assignments                    ${int(assignments)} (${TASKS} × communes + ${int(assignments - TASKS * communes)} lead)`);
  if (plans.length === 1) console.log(`  issuePlan took                 ${int(issues[0])} ms`);
  else
    console.log(
      `  issuePlan took                 ${int(Math.min(...issues))}–${int(Math.max(...issues))} ms each, ${seconds(issuedMs)} for all ${plans.length} back to back`,
    );
  if (result.firstLook.visible === 0)
    console.log(
      `  first assignment visible after ${result.firstMs === null ? '—' : seconds(result.firstMs)} from the (first) issue call (first look at ${seconds(result.firstLook.atMs)}: none)`,
    );
  else console.log(`  first look, ${seconds(result.firstLook.atMs)} after the (first) issue call: ${int(result.firstLook.visible)} already visible`);
  console.log(`  all visible through the gateway ${seconds(result.allMs)} after the (first) issue call`);
  console.log(
    `  fan-out worker                 ${worker.jobs} PlanIssued job(s): first received ${worker.firstReceivedS.toFixed(1)} s, last done ${worker.lastDoneS.toFixed(1)} s after the (first) issue call`,
  );
  console.log(`  rate                           ${int(assignments / (result.allMs / 1000))} assignments/s`);
  console.log(`  peak RSS while waiting         ${mib(result.peakRss)} (this process: all services, gateway, client)`);
  const looks = [...result.looks].sort((a, b) => a - b);
  console.log(
    `  progress looks                 ${looks.length}, ${pollMs} ms apart; each took median ${int(looks[Math.floor(looks.length / 2)])} ms, max ${int(looks[looks.length - 1])} ms`,
  );
  console.log(`  ${describeCpu(cpu)}`);
  const floor = Math.max(cpu.nodeS, (cpu.nodeS + cpu.postgresS) / cpu.cores);
  console.log(
    `  on an idle machine             ≥ ${seconds(floor * 1000)} (this work's CPU: the larger of this process's, single-threaded, and both over ${cpu.cores} cores)`,
  );
}

async function province(gateway: Gateway, tasks: DataSource): Promise<void> {
  const { unit } = await gateway.query<{ unit: { name: string } | null }>('query($c: ID!) { unit(code: $c) { name } }', { c: PROVINCE });
  if (!unit) throw new Error(`no unit ${PROVINCE} today`);
  console.log(`\nprovince: one plan of ${unit.name} (${PROVINCE})`);
  const planId = await draft(gateway, PROVINCE, unit.name, `1/KH-BENCH`);
  const meter = new CpuMeter(tasks);
  await meter.start();
  const t0Wall = Date.now();
  const t0 = performance.now();
  const issued = await issue(gateway, planId, PROVINCE);
  const pollMs = POLL_MS ?? 250;
  const result = await waitUntilVisible(gateway, [issued], t0, pollMs);
  const cpu = await meter.stop();
  printResult(`province ${unit.name} (${PROVINCE})`, [issued], result, await workerTimeline(tasks, [issued], t0Wall), pollMs, issued.issueMs, cpu);
  // Cross-check, not timed: the assignments themselves, counted through the gateway task by task
  // (each task's page tells its total; lists are paged, ADR 0029).
  let listed = 0;
  for (const taskId of issued.taskIds) {
    const { taskAssignmentPage } = await gateway.query<{ taskAssignmentPage: { total: number } }>(
      'query($p: ID!, $t: ID!) { taskAssignmentPage(planId: $p, taskId: $t, limit: 1) { total } }',
      { p: planId, t: taskId },
    );
    listed += taskAssignmentPage.total;
  }
  console.log(`  cross-check                    taskAssignmentPage(planId, taskId) over the ${issued.taskIds.length} tasks counts ${int(listed)} (not timed)`);
}

async function country(gateway: Gateway, tasks: DataSource, provinces: ReadonlyArray<{ code: string; name: string }>): Promise<void> {
  console.log(`\ncountry: one plan per province, ${provinces.length} provinces`);
  const begun = performance.now();
  const drafts: Array<{ planId: string; code: string }> = [];
  for (const p of provinces) drafts.push({ planId: await draft(gateway, p.code, p.name, `2/KH-BENCH`), code: p.code });
  console.log(`  ${drafts.length} drafts in ${seconds(performance.now() - begun)} (not timed below); issuing back to back`);
  const meter = new CpuMeter(tasks);
  await meter.start();
  const t0Wall = Date.now();
  const t0 = performance.now();
  const issued: Issued[] = [];
  for (const d of drafts) issued.push(await issue(gateway, d.planId, d.code));
  const issuedMs = performance.now() - t0;
  const pollMs = POLL_MS ?? 1000;
  const result = await waitUntilVisible(gateway, issued, t0, pollMs);
  const cpu = await meter.stop();
  printResult(`country (${provinces.length} provinces)`, issued, result, await workerTimeline(tasks, issued, t0Wall), pollMs, issuedMs, cpu);
}

/** PLATFORM_ADMIN at each of `unitCodes` for the bench account, by the directory's command handler (as bootstrapAdministrator does). */
async function grantPlatformAdmin(databaseUrl: string, accountId: string, unitCodes: readonly string[]): Promise<void> {
  const dataSource = new DataSource(
    serviceDataSourceOptions({ url: databaseUrl, schema: DIRECTORY_SCHEMA, migrations: [], applicationName: 'bench-fan-out-grants' }),
  );
  await dataSource.initialize();
  try {
    const store = new PostgresEventStore(dataSource, DIRECTORY_SCHEMA);
    const metadata = { actor: SYSTEM_ACTOR, tenant: 'platform', correlationId: `bench-fan-out-${accountId}`, causationId: null };
    for (const unitCode of unitCodes) {
      await handleCommand({
        store,
        decider: accountDecider,
        streamId: accountStreamId(accountId),
        command: { type: 'GrantRole', data: { role: 'PLATFORM_ADMIN', unitCode, unitExists: true } },
        metadata,
        projections: [accountsProjection],
      });
    }
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  if (!['province', 'country', 'both'].includes(SCOPE)) throw new Error(`BENCH_SCOPE must be province, country or both, not ${SCOPE}`);
  const startedAt = Date.now();
  console.log(describeMachine());

  const { database, platform, startMs, close } = await startBenchPlatform('bench_fan_out', {
    demo: false,
    logger: ['error', 'warn'],
    clock,
    report: (line) => console.log(`  ${line}`),
  });
  try {
    const ds = platform.tasks.get(DataSource);
    const [{ server_version: version }] = await ds.query('SHOW server_version');
    const [{ synchronous_commit: syncCommit }] = await ds.query('SHOW synchronous_commit');
    console.log(
      `node ${process.version}, PostgreSQL ${version} (synchronous_commit=${syncCommit}), database ${database.name}; platform started in ${seconds(startMs)}; the platform's day ${todayOf(clock)} (BENCH_DAY)`,
    );

    // The bench account: a platform administrator of the province, created as an operator
    // creates the first one (the subgraphs accept tokens of active accounts only). Tokens are
    // minted with the test keys for the roles each scenario needs.
    const accountId = await bootstrapAdministrator({
      databaseUrl: database.url,
      username: BENCH_USER,
      password: randomBytes(18).toString('base64url'),
      displayName: 'Đo thời gian giao nhiệm vụ (bench)',
      provinceCode: PROVINCE,
    });
    const client = new GraphQLTestClient(platform.gatewayUrl);
    const tokens = new TokenService(TEST_SIGNING_KEYS);
    const adminOf = async (provinceCodes: readonly string[]): Promise<Gateway> => {
      const identity: Identity = {
        accountId,
        username: BENCH_USER,
        unitCode: PROVINCE,
        roles: provinceCodes.map((code) => ({ role: 'PLATFORM_ADMIN', unitCode: code })),
      };
      return new Gateway(client, (await tokens.issue(identity)).token);
    };
    const provinceAdmin = await adminOf([PROVINCE]);

    if (SCOPE === 'province' || SCOPE === 'both') await province(provinceAdmin, ds);
    if (SCOPE === 'country' || SCOPE === 'both') {
      const { units } = await provinceAdmin.query<{ units: Array<{ code: string; name: string }> }>('{ units(level: PROVINCE) { code name } }');
      // The account's recorded roles follow the token's (the directory refuses a token claiming
      // roles its account does not hold): granted as the operator's bootstrap grants the first
      // one, by the directory's own command (not timed; no administrator of 49 may grant at 01).
      await grantPlatformAdmin(
        database.url,
        accountId,
        units.map((unit) => unit.code).filter((code) => code !== PROVINCE),
      );
      const nationalAdmin = await adminOf(units.map((unit) => unit.code));
      await country(nationalAdmin, ds, units);
    }
    const [{ size }] = await ds.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');
    console.log(`\ndatabase size at the end ${size}; measured in ${seconds(Date.now() - startedAt)}, load average at the end ${loadAverage()}`);
  } finally {
    await close();
  }
}

runBench(main);
