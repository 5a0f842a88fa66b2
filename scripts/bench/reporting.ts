/**
 * Reporting benchmark (issue 18): prints figures, asserts nothing (speed is not a test, ADR 0005).
 *   npm run bench:reporting
 * The embedded composition (startPlatform: every service and the gateway in this process, one
 * database on the local PostgreSQL (TEST_POSTGRES_URL), the in-process bus) with the national unit
 * list and the demo data, on a clock before the 2025 reorganisation (BENCH_DAY, default
 * 2025-06-16: 63 provinces and their communes in force).
 *
 * 1. Opening one quarterly period for every commune of the country: there is no national unit, so
 *    one regime per province over its communes (selector COMMUNE), defined, then each period
 *    (BENCH_PERIOD, default 2025-Q2) opened back to back through the service's PeriodOpening
 *    (the mutation's work without the HTTP hop); the expected reports are counted from what each
 *    opening returns, never assumed.
 * 2. The province completeness query under BENCH_USERS (default 50) concurrent users through the
 *    gateway with autocannon: as `doha`, the script creates the users with VIEWER at Quảng Nam (49)
 *    and logs each in; each connection is one user with its own token, operation name and page of
 *    the missing list, asking `unit(code: "49") { reportingCompleteness(...) { … children { … }
 *    missingUnitPage(offset: <user>, limit: 20) { … } } }` for BENCH_DURATION_S (default 20)
 *    seconds. Every user's answer is checked before the load (expected = the province's opened
 *    reports, its page of the missing list the right codes).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { FixedClock, todayOf } from '@reform/clock';
import { DEMO_FORM, PeriodOpening, REPORTING_SCHEMA } from '@reform/reporting';
import { GraphQLTestClient } from '@reform/testing';
import { UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { loadAverage, runBench, startBenchPlatform } from './bench-platform';

const DAY = process.env.BENCH_DAY ?? '2025-06-16';
const PERIOD = process.env.BENCH_PERIOD ?? '2025-Q2';
const USERS = Number(process.env.BENCH_USERS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const int = (n: number) => Math.round(n).toLocaleString('en');

async function main(): Promise<void> {
  const clock = new FixedClock(`${DAY}T03:00:00Z`);
  const { platform, startMs, close } = await startBenchPlatform('bench_reporting', { clock });
  try {
    console.log(`Platform started with the national list and the demo in ${int(startMs / 1000)} s (load ${loadAverage()}, ${os.cpus().length} cores)`);
    const reporting = platform.reporting;
    const units = reporting.get<UnitHierarchy>(UNIT_HIERARCHY);
    const opening = reporting.get(PeriodOpening);
    const provinces = await provincesOn(reporting.get(DataSource), todayOf(clock), units);
    const actor = { accountId: 'bench', username: 'bench', unitCode: null };
    // 1. One regime per province, each period opened back to back.
    let expected = 0;
    const perProvince: Array<{ code: string; n: number; ms: number }> = [];
    const t0 = performance.now();
    for (const province of provinces) {
      const regime = {
        id: `bench-${province.code}`,
        ownerCode: province.code,
        name: 'Báo cáo cải cách hành chính hằng quý (đo hiệu năng)',
        kind: 'PERIODIC' as const,
        periodTypes: ['QUARTER' as const],
        cutOff: { rule: 'DECREE_09' as const },
        deadlines: [
          { level: 'COMMUNE' as const, rule: 'WORKING_DAYS_AFTER_CUT_OFF' as const, days: 2 },
          { level: 'PROVINCE' as const, rule: 'WORKING_DAYS_AFTER_CUT_OFF' as const, days: 5 },
        ],
        lockAfterDays: 5,
        selector: { text: 'UBND các xã, phường, thị trấn', levels: ['COMMUNE' as const], unitCodes: [] },
        form: DEMO_FORM,
        planIds: [],
        source: null,
      };
      const started = performance.now();
      const opened = await opening.openAs(actor, regime, PERIOD);
      perProvince.push({ code: province.code, n: opened.expected, ms: performance.now() - started });
      expected += opened.expected;
    }
    const seconds = (performance.now() - t0) / 1000;
    const largest = [...perProvince].sort((a, b) => b.n - a.n)[0];
    const [stored] = await reporting
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM "${REPORTING_SCHEMA}".reports WHERE regime_id LIKE 'bench-%' AND role = 'UNIT'`);
    console.log(
      `Opened ${PERIOD} for ${provinces.length} provinces: ${int(expected)} expected reports (${int(stored.n)} in the read model) in ${seconds.toFixed(1)} s = ${int(expected / seconds)} reports/s (load ${loadAverage()})`,
    );
    console.log(`  largest province ${largest.code}: ${int(largest.n)} reports in ${int(largest.ms)} ms`);

    // 2. The province completeness query under concurrent users, through the gateway.
    const client = new GraphQLTestClient(platform.gatewayUrl);
    const doha = await client.login('doha');
    const tokens: string[] = [];
    for (let i = 0; i < USERS; i++) {
      const username = `bench-rc-${i + 1}-${randomBytes(3).toString('hex')}`;
      const password = randomBytes(12).toString('hex');
      const ask = async (query: string, variables: Record<string, unknown>, token: string) => {
        const result = await client.request(query, variables, token);
        if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
        return result.data;
      };
      await ask(
        'mutation($input: CreateAccountInput!) { createAccount(input: $input) { username } }',
        { input: { username, displayName: `Người xem ${i + 1}`, unitCode: '49.SNV', password } },
        doha,
      );
      await ask('mutation($u: String!) { grantRole(username: $u, role: VIEWER, unitCode: "49") { username } }', { u: username }, doha);
      tokens.push(await client.login(username, password));
    }
    const fields = 'expected submitted onTime late missing accepted submittedRate';
    const request = (user: number) => ({
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[user]}` },
      body: JSON.stringify({
        query: `query Completeness${user}($r: ID!, $p: String!, $o: Int!) { unit(code: "49") { reportingCompleteness(regimeId: $r, period: $p) { ${fields} children { unitCode ${fields} } missingUnitPage(offset: $o, limit: 20) { total items { code } } } } }`,
        variables: { r: 'bench-49', p: PERIOD, o: user },
      }),
    });
    type Answer = {
      data?: { unit: { reportingCompleteness: { expected: number; children: unknown[]; missingUnitPage: { total: number; items: Array<{ code: string }> } } } };
      errors?: unknown[];
    };
    const opened = perProvince.find((p) => p.code === '49')?.n;
    const [{ codes }]: Array<{ codes: string[] }> = await reporting
      .get(DataSource)
      .query(
        `SELECT array_agg(unit_code ORDER BY unit_code COLLATE "C") AS codes FROM "${REPORTING_SCHEMA}".reports WHERE regime_id = 'bench-49' AND period = $1 AND role = 'UNIT'`,
        [PERIOD],
      );
    let districts = 0;
    for (let user = 0; user < USERS; user++) {
      const answer = await fetch(platform.gatewayUrl, { method: 'POST', ...request(user) }).then((r) => r.json() as Promise<Answer>);
      const c = answer.data?.unit.reportingCompleteness;
      const page = c?.missingUnitPage.items.map((item) => item.code).join(',');
      if (!c || c.expected !== opened || c.missingUnitPage.total !== opened || page !== codes.slice(user, user + 20).join(','))
        throw new Error(`user ${user + 1}: ${JSON.stringify(answer)} but ${opened} opened`);
      districts = c.children.length;
    }
    console.log(
      `Quảng Nam's completeness answers ${opened} expected (as opened) in ${districts} districts; each of the ${USERS} users' answers checked (its page of the missing list included)`,
    );
    // One user alone first: what the query costs without the crowd (20 in a row).
    const alone: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await fetch(platform.gatewayUrl, { method: 'POST', ...request(i % USERS) }).then((r) => r.json());
      alone.push(performance.now() - started);
    }
    alone.sort((a, b) => a - b);
    console.log(`Province completeness, one user, 20 requests in a row: p50 ${int(alone[9])} ms, max ${int(alone[19])} ms (load ${loadAverage()})`);
    let next = 0;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      autocannon(
        {
          url: platform!.gatewayUrl,
          method: 'POST',
          connections: USERS,
          duration: DURATION_S,
          setupClient: (c) => {
            const r = request(next++ % USERS);
            c.setHeadersAndBody(r.headers, r.body);
          },
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      );
    });
    console.log(
      `Province completeness, ${USERS} users for ${DURATION_S} s through the gateway: ${int(result.requests.total)} requests, ${result.requests.average.toFixed(1)} req/s, ` +
        `latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ${result.non2xx} non-2xx, ${result.errors} errors (load ${loadAverage()})`,
    );
  } finally {
    await close();
  }
}

/** The provinces in force on `day`, from the reporting service's copy of the units. */
async function provincesOn(dataSource: DataSource, day: string, units: UnitHierarchy) {
  const rows: Array<{ code: string }> = await dataSource.query(
    `SELECT DISTINCT code FROM "${REPORTING_SCHEMA}".unit_periods WHERE level = 'PROVINCE' ORDER BY code`,
  );
  const out = [];
  for (const row of rows) {
    const unit = await units.unit(row.code, day);
    if (unit && unit.level === 'PROVINCE') out.push(unit);
  }
  return out;
}

runBench(main);
