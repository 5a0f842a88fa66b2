/**
 * Roll-ups under many readers: a province's plan progress (province → its districts → their
 * communes) asked by 50 people at once, at the tasks subgraph and through the gateway, with
 * autocannon (ADR: autocannon for load benchmarks). Prints figures, asserts nothing (speed is not
 * a test, ADR 0005); the answers are checked before and after the load (totals equal the
 * assignments).
 *   npm run bench:plan-progress
 *
 * The embedded composition (startPlatform: directory, plans, tasks and the gateway in this
 * process, one database on the local PostgreSQL (TEST_POSTGRES_URL), the in-process bus) with the
 * national unit list and the demo data. As `doha` (the demo's platform administrator of Quảng
 * Nam) the script issues BENCH_PLANS (default 2) plans of BENCH_TASKS (default 50) tasks to every
 * commune of the province (11,750 assignments each), creates BENCH_USERS (default 50) accounts
 * with VIEWER at the province and logs each in. Then each autocannon connection (autocannon runs in a
 * process of its own, scripts/bench/load-client.js, not on the platform's thread) is one of those
 * users, with its own token and its own query (its operation name, and plans taken in turn
 * among the bench plans and the demo's provincial plan): the plan's `progress` at the province
 * with every count, its districts' and their communes' — no two in-flight requests are the same,
 * so nothing is merged on the way. The platform runs on a fixed clock, BENCH_DAY (default 2025-06-16,
 * before the 2025 reorganisation merged the province away). BENCH_DURATION_S (default 20) per target. BENCH_CPU_PROFILE=<dir>
 * writes a V8 CPU profile of each load phase there (for Chrome DevTools), without the start-up.
 * BENCH_OWN_GATEWAY=1 adds a third target: the gateway in a process of its own over the same services.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { GraphQLTestClient, TEST_SIGNING_KEYS } from '@reform/testing';
import { UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { FixedClock, todayOf } from '@reform/clock';
import { benchPlanInput, describeMachine, Gateway, loadAverage, runBench, startBenchPlatform } from './bench-platform';
import { CpuMeter, describeCpu } from './cpu-meter';

const PROVINCE = '49';
const PLANS = Number(process.env.BENCH_PLANS ?? 2);
const TASKS = Number(process.env.BENCH_TASKS ?? 50);
const USERS = Number(process.env.BENCH_USERS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const LIMIT_P95_MS = 150;
// A day before the 2025 reorganisation (2025-07-01), when Quảng Nam (49) and its districts still
// stand and the demo's \`doha\` acts for the province: on today's tree they are merged away.
const clock = new FixedClock(`${process.env.BENCH_DAY ?? '2025-06-16'}T03:00:00Z`);
const YEAR = Number(todayOf(clock).slice(0, 4));

const int = (n: number) => Math.round(n).toLocaleString('en');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const COUNTS = 'unitCode assigned accepted inProgress completed cancelled overdue total percentComplete';
const TREE = `progress { ${COUNTS} children { ${COUNTS} children { ${COUNTS} } } }`;

interface Node {
  unitCode: string;
  total: number;
  children?: Node[];
}

/** Each user's request: its own operation, its plan, its token; for the gateway or the subgraph. */
type Target = 'subgraph' | 'gateway' | 'gateway-own-process';
type App = { getUrl(): Promise<string> };

function requestOf(user: number, planId: string, token: string, target: Target): { headers: Record<string, string>; body: string } {
  const name = `Progress${user}`;
  const query =
    target !== 'subgraph'
      ? `query ${name}($id: ID!) { plan(id: $id) { id ${TREE} } }`
      : `query ${name}($r: [_Any!]!) { _entities(representations: $r) { ... on Plan { id ${TREE} } } }`;
  const variables = target !== 'subgraph' ? { id: planId } : { r: [{ __typename: 'Plan', id: planId }] };
  return { headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) };
}

async function answer(url: string, request: { headers: Record<string, string>; body: string }, target: Target): Promise<Node> {
  const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body });
  const json = (await response.json()) as { data?: { plan?: { progress: Node }; _entities?: Array<{ progress: Node }> }; errors?: unknown };
  const progress = target !== 'subgraph' ? json.data?.plan?.progress : json.data?._entities?.[0]?.progress;
  if (!progress) throw new Error(`${target}: ${JSON.stringify(json.errors ?? json)}`);
  return progress;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function hammer(
  target: Target,
  url: string,
  requests: ReadonlyArray<{ headers: Record<string, string>; body: string }>,
  tasks: DataSource,
): Promise<void> {
  const times: number[] = [];
  // What the platform commits with nobody asking (each service's outbox relay and job workers
  // polling), so that the transactions per answer below count the answers' own.
  const transactionsNow = async () =>
    Number((await tasks.query('SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()'))[0].n);
  const idleFrom = await transactionsNow();
  await sleep(5_000);
  const idlePerSecond = ((await transactionsNow()) - idleFrom) / 5;
  const meter = new CpuMeter(tasks);
  await meter.start();
  const loadAtStart = loadAverage();
  const profiling = process.env.BENCH_CPU_PROFILE ? new Session() : null;
  if (profiling) {
    profiling.connect();
    await profiling.post('Profiler.enable');
    await profiling.post('Profiler.start');
  }
  // The load generator runs in a process of its own (load-client.js): in this one it would share
  // the node thread that serves the answers, and its own work would count in their latency.
  const result = await loadFromOwnProcess(url, requests);
  times.push(...result.times);
  const cpu = await meter.stop();
  if (profiling) {
    const { profile } = await profiling.post('Profiler.stop');
    writeFileSync(`${process.env.BENCH_CPU_PROFILE}/plan-progress-${target}.cpuprofile`, JSON.stringify(profile));
    profiling.disconnect();
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(`${target} (${url}):`);
  console.log(
    `  ${requests.length} users at once for ${DURATION_S} s: ${int(result.total)} answers, ${(result.total / DURATION_S).toFixed(1)}/s; non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
  );
  console.log(
    `  latency p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (limit ${LIMIT_P95_MS} ms: ${p95 < LIMIT_P95_MS ? 'met' : 'NOT met'}), p99 ${percentile(times, 99).toFixed(0)} ms, max ${times[times.length - 1]?.toFixed(0)} ms`,
  );
  console.log(`  ${describeCpu(cpu)}`);
  const per = (seconds: number) => ((1000 * seconds) / Math.max(1, result.total)).toFixed(2);
  console.log(
    `  per answer: this process ${per(cpu.nodeS)} ms of CPU (user ${per(cpu.nodeS - cpu.nodeSystemS)}, kernel ${per(cpu.nodeSystemS)}), PostgreSQL ${per(cpu.postgresS)} ms, ` +
      `${(Math.max(0, cpu.transactions - idlePerSecond * cpu.wallS) / Math.max(1, result.total)).toFixed(2)} transactions (${int(cpu.transactions)} in all, less ${idlePerSecond.toFixed(0)}/s committed with nobody asking)`,
  );
  console.log(`  load average ${loadAtStart} → ${loadAverage()}`);
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  console.log(describeMachine());
  let ownGateway: { url: string; stop(): void } | null = null;
  const { database, platform, startMs, close } = await startBenchPlatform('bench_progress', {
    logger: ['error', 'warn'],
    clock,
    report: (line) => console.log(`  ${line}`),
  });
  try {
    const tasks = platform.tasks.get(DataSource);
    console.log(`platform started with the demo data in ${(startMs / 1000).toFixed(1)} s, database ${database.name}`);
    const gateway = new Gateway(new GraphQLTestClient(platform.gatewayUrl));
    const login = async (username: string, password: string) =>
      (
        await gateway.query<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
          u: username,
          p: password,
        })
      ).login.token;
    const doha = await login('doha', 'demo');

    // The plans: issued to every commune of the province, each task led by the province.
    const planIds: string[] = [];
    for (let p = 0; p < PLANS; p++) {
      const input = benchPlanInput({
        number: `${p + 1}/KH-BENCH-PROGRESS`,
        title: `Kế hoạch cải cách hành chính năm ${YEAR} (đo tiến độ) số ${p + 1}`,
        issuerCode: PROVINCE,
        year: YEAR,
        tasks: TASKS,
        taskText: (i) => `Nhiệm vụ ${i + 1}: công khai thủ tục hành chính tại cấp xã`,
        target: '100% các xã',
        lead: 'UBND tỉnh',
        implementing: 'UBND các xã, phường, thị trấn',
      });
      const { draftPlan } = await gateway.query<{ draftPlan: { id: string } }>(
        'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }',
        { input },
        doha,
      );
      await gateway.query('mutation($id: ID!) { issuePlan(id: $id) { id } }', { id: draftPlan.id }, doha);
      planIds.push(draftPlan.id);
    }
    // The demo's provincial plans (issued by the province) join the mix.
    const { plans } = await gateway.query<{ plans: Array<{ id: string; status: string }> }>(
      'query($c: ID!) { plans(issuerCode: $c) { id status } }',
      { c: PROVINCE },
      doha,
    );
    const demoPlans = plans.filter((plan) => plan.status === 'ISSUED' && !planIds.includes(plan.id)).map((plan) => plan.id);
    const expected = new Map<string, number>();
    const fanOutBegun = performance.now();
    // Each bench plan's PlanIssued job done by the fan-out worker (received over the bus, then worked off).
    for (;;) {
      const [{ done }] = await tasks.query(
        `SELECT count(*)::int AS done FROM tasks.jobs WHERE queue = 'tasks.plan-events' AND key = ANY($1::text[]) AND status = 'done'`,
        [planIds],
      );
      if (done === planIds.length) break;
      await sleep(250);
    }
    // What the answers must say, counted here the way the roll-up was computed before its read
    // model: the plan's task assignments of the province and every unit under it on today's tree
    // (units that ended before today, like Nông Sơn in the demo, are not under it).
    const own = new Map<string, number>();
    const subtree = [PROVINCE, ...(await platform.tasks.get<UnitHierarchy>(UNIT_HIERARCHY).descendants(PROVINCE, todayOf(clock))).map((unit) => unit.code)];
    for (const planId of [...planIds, ...demoPlans]) {
      const [{ n, mine }] = await tasks.query(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE unit_code = $2)::int AS mine FROM tasks.assignments WHERE plan_id = $1 AND kind = 'TASK' AND unit_code = ANY($3::text[])`,
        [planId, PROVINCE, subtree],
      );
      expected.set(planId, n);
      own.set(planId, mine);
    }
    console.log(
      `plans: ${planIds.length} bench plans (${int(expected.get(planIds[0]) ?? 0)} task assignments each, fanned out in ${((performance.now() - fanOutBegun) / 1000).toFixed(1)} s) + ${demoPlans.length} demo plan(s) of the province (${demoPlans.map((id) => int(expected.get(id) ?? 0)).join(', ')} task assignments)`,
    );

    // The readers: distinct accounts, VIEWER at the province.
    const tokens: string[] = [];
    for (let i = 0; i < USERS; i++) {
      const username = `bench-viewer-${i + 1}`;
      const password = randomBytes(12).toString('base64url');
      await gateway.query(
        'mutation($input: CreateAccountInput!) { createAccount(input: $input) { username } }',
        { input: { username, displayName: `Người xem ${i + 1}`, unitCode: `${PROVINCE}.SNV`, password } },
        doha,
      );
      await gateway.query(
        'mutation($u: String!, $c: ID!) { grantRole(username: $u, role: VIEWER, unitCode: $c) { username } }',
        { u: username, c: PROVINCE },
        doha,
      );
      tokens.push(await login(username, password));
    }
    const mix = [...planIds, ...demoPlans];
    const planOf = (user: number) => mix[user % mix.length];
    console.log(`readers: ${USERS} accounts (VIEWER at ${PROVINCE}), each with its own query over ${mix.length} plans`);

    ownGateway = process.env.BENCH_OWN_GATEWAY ? await gatewayInOwnProcess(platform) : null;
    const targets: Record<Target, string> = {
      subgraph: `${await platform.tasks.getUrl()}/graphql`,
      gateway: platform.gatewayUrl,
      'gateway-own-process': ownGateway?.url ?? '',
    };
    const order: Target[] = ownGateway ? ['subgraph', 'gateway', 'gateway-own-process'] : ['subgraph', 'gateway'];
    for (const target of order) {
      const requests = tokens.map((token, user) => requestOf(user, planOf(user), token, target));
      // The answers are right before and after the load: the province's total is every task
      // assignment of the plan, and its children's totals with its own assignments add up to it.
      const check = async () => {
        for (const [user, request] of requests.entries()) {
          const progress = await answer(targets[target], request, target);
          const want = expected.get(planOf(user));
          const below = (progress.children ?? []).reduce((sum, child) => sum + child.total, 0) + (own.get(planOf(user)) ?? 0);
          if (progress.unitCode !== PROVINCE || progress.total !== want || below !== want) {
            throw new Error(
              `${target}: user ${user} got total ${progress.total} (its children's and its own ${below}) for plan ${planOf(user)}, expected ${want}`,
            );
          }
        }
      };
      await check();
      await hammer(target, targets[target], requests, tasks);
      await check();
      console.log(
        `  answers checked before and after: every user's province total equals the plan's task assignments, its children's (districts, agencies) and its own add up to it`,
      );
    }
    console.log(`\nmeasured in ${((Date.now() - startedAt) / 1000).toFixed(1)} s, load average at the end ${loadAverage()}`);
  } finally {
    ownGateway?.stop();
    await close();
  }
}

/**
 * BENCH_OWN_GATEWAY=1: a third target, the gateway in a process of its own (the distributed mode's
 * gateway/src/main.ts) over the same services, so that the gateway's work and the services' each
 * have a JavaScript thread, as in the distributed mode; in the embedded mode they share one.
 */
async function gatewayInOwnProcess(platform: { directory: App; plans: App; tasks: App; reporting: App; scoring: App }): Promise<{ url: string; stop(): void }> {
  const subgraphs = await Promise.all(
    (['directory', 'plans', 'tasks', 'reporting', 'scoring'] as const).map(async (name) => `${name}=${await platform[name].getUrl()}/graphql`),
  );
  const port = 40_000 + Math.floor(Math.random() * 10_000);
  const child = spawn(process.execPath, [...process.execArgv, join(__dirname, '../../gateway/src/main.ts')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SUBGRAPHS: subgraphs.join(','),
      AUTH_SIGNING_KEYS: TEST_SIGNING_KEYS.map((key) => `${key.kid}:${key.secret}`).join(','),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let waited = 0; ; waited += 250) {
    if (child.exitCode !== null) throw new Error(`the gateway's own process exited with ${child.exitCode}`);
    if (
      await fetch(url.replace(/graphql$/, 'readiness')).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    if (waited > 60_000) throw new Error('the gateway in its own process did not become ready within 60 s');
    await sleep(250);
  }
  return { url, stop: () => child.kill('SIGTERM') };
}

runBench(main);

/** Runs scripts/bench/load-client.js (autocannon) in a child process with these users' requests; resolves with its counts and latencies. */
async function loadFromOwnProcess(
  url: string,
  requests: ReadonlyArray<{ headers: Record<string, string>; body: string }>,
): Promise<{ total: number; non2xx: number; errors: number; timeouts: number; times: number[] }> {
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-load-'));
  const file = join(dir, 'requests.json');
  writeFileSync(file, JSON.stringify({ url, duration: DURATION_S, requests }));
  try {
    const child = spawn(process.execPath, [join(__dirname, 'load-client.js'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) throw new Error(`load client exited with ${code}`);
    return JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
