import { DataSource } from 'typeorm';
import { GraphQLTestClient, schemaFuzzCases } from '@reform/testing';
import { RunningPlatform } from '../src/platform';
import { beforeReorganisation, PLATFORM_START_MS, startTestPlatform, TestPlatform } from './test-platform';

/**
 * Issue 12, tried as an attacker would, end to end: through the gateway and straight at each
 * subgraph (they are reachable inside the network and verify tokens themselves).
 */
describe('security: hostile callers, end to end', () => {
  let test: TestPlatform;
  let platform: RunningPlatform;
  let client: GraphQLTestClient;
  /** Each subgraph's own endpoint, with the same sessions. */
  const subgraph = async (service: 'directory' | 'plans' | 'tasks') => client.at(`${(await platform[service].getUrl()).replace('[::1]', '127.0.0.1')}/graphql`);

  beforeAll(async () => {
    // The tests are the gateway's reverse proxy: their X-Forwarded-For is believed (finding 5).
    test = await startTestPlatform('e2e_security', {
      clock: beforeReorganisation(),
      trustedProxies: ['127.0.0.1', '::1'],
      corsOrigins: ['https://cchc.quangnam.gov.vn'],
    });
    ({ platform, client } = test);
  }, PLATFORM_START_MS);
  afterAll(() => test?.stop());

  describe('finding 1: timelines are read by the plan, not by a unit named in the query', () => {
    const TIMELINE = 'query($p: ID!, $t: ID!, $u: ID) { taskTimeline(planId: $p, taskId: $t, unitCode: $u) { type unit { code } } }';
    const EXPORT = 'query($p: ID!, $t: ID!, $u: ID) { taskTimelineExport(planId: $p, taskId: $t, unitCode: $u, format: JSON) { entries } }';
    let viXuyen: { planId: string; taskId: string };

    beforeAll(async () => {
      // A task of Vị Xuyên's 154/KH-UBND (Hà Giang) and of no Quảng Nam or Huế unit.
      const [row] = await platform.tasks
        .get(DataSource)
        .query(
          `SELECT a.plan_id AS "planId", a.task_id AS "taskId" FROM tasks.assignments a JOIN tasks.known_plans p ON p.plan_id = a.plan_id WHERE p.number = '154/KH-UBND' AND a.kind = 'TASK' ORDER BY a.id LIMIT 1`,
        );
      viXuyen = row;
    });

    it.each([
      ['d513', '513'],
      ['c20794', '20794'],
      ['auditor', '49'],
    ])('%s naming its own unit %s reads nothing of Vị Xuyên’s plan, through the gateway and at the tasks subgraph', async (username, unitCode) => {
      await client.login(username);
      const tasks = await subgraph('tasks');
      for (const target of [client, tasks]) {
        expect(await target.outcome(username, TIMELINE, { p: viXuyen.planId, t: viXuyen.taskId, u: unitCode })).toBe('FORBIDDEN');
        expect(await target.outcome(username, EXPORT, { p: viXuyen.planId, t: viXuyen.taskId, u: unitCode })).toBe('FORBIDDEN');
        expect(await target.outcome(username, TIMELINE, { p: viXuyen.planId, t: viXuyen.taskId })).toBe('FORBIDDEN');
      }
    });
  });

  describe('findings 2 and 3: a disabled account and a revoked role are refused by every service within 5 s', () => {
    /** Every service's operations, as the old token's holder would try them (d513's scope). */
    const operations = (
      planId: () => string,
      assignmentId: () => string,
    ): Array<{ service: 'directory' | 'plans' | 'tasks'; query: string; variables?: Record<string, unknown> }> => [
      { service: 'directory', query: '{ me { username } }' },
      { service: 'directory', query: '{ unit(code: "513") { accounts { username } } }' },
      { service: 'plans', query: '{ plans(issuerCode: "513") { id } }' },
      { service: 'plans', query: 'query($id: ID!) { plan(id: $id) { id history { version } } }', variables: { id: planId() } },
      {
        service: 'plans',
        query: 'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }',
        variables: {
          input: {
            number: '99/KH-UBND',
            title: 'Thử thu hồi',
            issuerCode: '513',
            year: 2026,
            frameworks: ['PAR_INDEX'],
            sections: [{ title: 'Mục', tasks: [{ text: 'Việc', implementing: { text: 'Văn phòng' } }] }],
          },
        },
      },
      { service: 'tasks', query: '{ assignments(unitCode: "20794") { id } }' },
      { service: 'tasks', query: 'query($id: ID!) { assignment(id: $id) { id history { version } } }', variables: { id: assignmentId() } },
      {
        service: 'tasks',
        query: 'mutation($id: ID!) { reportAssignmentProgress(id: $id, input: { percent: 5, note: "thử" }) { id } }',
        variables: { id: assignmentId() },
      },
    ];
    let planId = '';
    let assignmentId = '';

    beforeAll(async () => {
      planId = (await client.as('d513', '{ plans(issuerCode: "513") { id } }')).plans[0].id;
      const [row] = await platform.tasks
        .get(DataSource)
        .query(`SELECT id FROM tasks.assignments WHERE unit_code = '20794' AND status IN ('ACCEPTED', 'IN_PROGRESS') ORDER BY id LIMIT 1`);
      assignmentId = row.id;
    });

    /** Tries every operation with `token` at the gateway and at each service; the outcomes by operation. */
    const tryAll = async (token: string) => {
      const outcomes: string[] = [];
      for (const operation of operations(
        () => planId,
        () => assignmentId,
      )) {
        for (const [where, target] of [
          ['gateway', client],
          [operation.service, await subgraph(operation.service)],
        ] as const) {
          const result = await target.request(operation.query, operation.variables, token);
          outcomes.push(`${where} ${operation.query.slice(0, 40)}: ${result.errors?.[0]?.extensions?.code ?? 'OK'}`);
        }
      }
      return outcomes;
    };
    /**
     * For each operation at each place, how long after the change (ms) the first request that was
     * refused had been sent: propagation, not the request's own latency on a loaded machine.
     * Then every operation must stay refused.
     */
    const refusedWithin = async (token: string, changedAt: number, limitMs: number) => {
      const targets = await Promise.all(
        operations(
          () => planId,
          () => assignmentId,
        ).map(async (operation) => [operation, await subgraph(operation.service)] as const),
      );
      let slowest = 0;
      for (const [operation, direct] of targets) {
        for (const [where, target] of [
          ['gateway', client],
          [operation.service, direct],
        ] as const) {
          for (;;) {
            const sentAt = Date.now();
            const code = (await target.request(operation.query, operation.variables, token)).errors?.[0]?.extensions?.code;
            if (code === 'UNAUTHENTICATED') {
              slowest = Math.max(slowest, sentAt - changedAt);
              break;
            }
            if (sentAt - changedAt > limitMs)
              throw new Error(`${where} ${operation.query.slice(0, 50)} still answers ${code ?? 'OK'} ${limitMs} ms after the change`);
          }
        }
      }
      expect((await tryAll(token)).filter((line) => !line.endsWith('UNAUTHENTICATED'))).toEqual([]);
      return slowest;
    };

    const newManager = async (username: string): Promise<string> => {
      await client.as(
        'doha',
        `mutation { createAccount(input: { username: "${username}", displayName: "Cán bộ thử", unitCode: "513.PNV", password: "mat-khau-dai-1" }) { id } }`,
      );
      await client.as('doha', `mutation { grantRole(username: "${username}", role: UNIT_MANAGER, unitCode: "513") { id } }`);
      await client.as('doha', `mutation { grantRole(username: "${username}", role: UNIT_OFFICER, unitCode: "20794") { id } }`);
      const token = await client.login(username, 'mat-khau-dai-1');
      // Before the change every operation answers.
      expect((await tryAll(token)).filter((line) => !line.endsWith('OK'))).toEqual([]);
      return token;
    };

    it('after disableAccount, the old token is refused by the directory, plans and tasks, through the gateway and at each subgraph', async () => {
      const token = await newManager('rv-disabled');
      await client.as('doha', 'mutation { disableAccount(username: "rv-disabled", reason: "Chuyển công tác") { status } }');
      const ms = await refusedWithin(token, Date.now(), 5_000);
      process.stdout.write(`disabled account: the last service refused the old token ${ms} ms after the change\n`);
    });

    it('after revokeRole, the old token is refused everywhere; a new login works with the roles that remain', async () => {
      const token = await newManager('rv-revoked');
      await client.as('doha', 'mutation { revokeRole(username: "rv-revoked", role: UNIT_MANAGER, unitCode: "513") { id } }');
      const ms = await refusedWithin(token, Date.now(), 5_000);
      process.stdout.write(`revoked role: the last service refused the old token ${ms} ms after the change\n`);
      const fresh = await new GraphQLTestClient(client.url).login('rv-revoked', 'mat-khau-dai-1');
      expect((await client.request('{ assignments(unitCode: "20794") { id } }', undefined, fresh)).errors).toBeUndefined();
      const draft = operations(
        () => planId,
        () => assignmentId,
      ).find((operation) => operation.query.includes('draftPlan'));
      expect((await client.request(draft?.query ?? '', draft?.variables, fresh)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('finding 4: hostile queries get a clear refusal and the platform keeps answering', () => {
    const SIX_LEVELS =
      '{ unit(code: "49") { ancestors { children { ancestors { children { ancestors { children { ancestors { children { code name } } } } } } } } } }';
    const aliases = (count: number, field: (i: number) => string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;
    let planId = '';
    beforeAll(async () => {
      planId = (await client.as('d513', '{ plans(issuerCode: "513") { id } }')).plans[0].id;
      for (const username of ['d513', 'auditor', 'doha', 'c20794']) await client.login(username);
    });
    const hostile = () => [
      { service: 'directory' as const, query: SIX_LEVELS },
      { service: 'tasks' as const, query: aliases(1_000, () => 'assignments(unitCode: "513") { id }') },
      { service: 'plans' as const, query: aliases(1_000, () => `plan(id: "${planId}") { history { version } }`) },
      // Within the document's size, but beyond the alias limit.
      { service: 'tasks' as const, query: aliases(100, () => 'assignments(unitCode: "513") { id }') },
      { service: 'plans' as const, query: aliases(100, () => `plan(id: "${planId}") { history { version } }`) },
      // Within depth and aliases, but beyond the estimated cost: lists of lists.
      { service: 'directory' as const, query: '{ units(level: DISTRICT) { children { ancestors { children { code } } } } }' },
    ];

    it.each(['d513', 'auditor', 'doha'])(
      'refuses each with QUERY_LIMIT_EXCEEDED and a Vietnamese message, as %s, at the gateway and at the subgraph',
      async (username) => {
        for (const { service, query } of hostile()) {
          for (const target of [client, await subgraph(service)]) {
            const result = await target.request(query, undefined, await client.login(username));
            expect([query.slice(0, 60), result.errors?.[0]?.extensions?.code]).toEqual([query.slice(0, 60), 'QUERY_LIMIT_EXCEEDED']);
            expect(result.errors?.[0]?.message).toMatch(/^Truy vấn vượt giới hạn/);
            expect(result.data ?? null).toBeNull();
          }
        }
      },
    );

    it('answers another user meanwhile', async () => {
      const attacks = Array.from({ length: 4 }, () =>
        hostile().map(({ query }) => client.request(query, undefined, undefined).then(() => client.outcome('d513', query))),
      ).flat();
      const started = Date.now();
      const other = await client.as('c20794', '{ me { username } assignments(unitCode: "20794") { id } }');
      const elapsed = Date.now() - started;
      const outcomes = await Promise.all(attacks);
      expect(other.me.username).toBe('c20794');
      expect(other.assignments.length).toBeGreaterThan(0);
      expect(new Set(outcomes)).toEqual(new Set(['QUERY_LIMIT_EXCEEDED']));
      process.stdout.write(`another user's query answered in ${elapsed} ms while ${attacks.length} hostile queries ran\n`);
    });

    it('keeps the queries of the README and the UI within the limits', async () => {
      const { plan } = await client.as(
        'd513',
        'query($id: ID!) { plan(id: $id) { id number sections { title tasks { id text implementing { text units { code name } } lead { units { code } } monitoring { units { code } } } } history { version type actor { username unit { name } } } } }',
        { id: planId },
      );
      expect(plan.id).toBe(planId);
      await client.as('d513', '{ me { username roles { role unit { name } } } unit(code: "513") { name children { code name } agencies { name } } }');
      await client.as(
        'auditor',
        '{ plans(issuerCode: "513") { number title implementsPlan { number } progress { total completed overdue percentComplete } } }',
      );
    });
  });

  describe('finding 6: one input policy for every string and list', () => {
    const eventCounts = async () => {
      const counts: Record<string, number> = {};
      for (const service of ['directory', 'plans', 'tasks'] as const) {
        const [row] = await platform[service].get(DataSource).query(`SELECT count(*)::int AS n FROM ${service}.events WHERE event_type <> 'AuditorQueried'`);
        counts[service] = row.n;
      }
      return counts;
    };

    it('the schema fuzz: every argument of every operation of the composed schema gets NUL bytes, lone surrogates, 1 MB strings, impossible dates, 10,000 items and 2,000-deep nesting; no INTERNAL_SERVER_ERROR, BAD_USER_INPUT naming the argument, nothing changes', async () => {
      // `login` keeps its own tests: a throttled address would lock the other tests out.
      const cases = schemaFuzzCases(platform.gateway.supergraphSdl, { skip: (field) => field === 'login' });
      const token = await client.login('doha');
      const before = await eventCounts();
      const failures: string[] = [];
      const fields = new Set<string>();
      let index = 0;
      const worker = async () => {
        for (let c = cases[index++]; c; c = cases[index++]) {
          fields.add(c.field);
          const sentAt = Date.now();
          const label = `${c.operation} ${c.field} ${c.path} (${c.kind})`;
          const response = await fetch(client.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: c.query, variables: c.variables }),
          }).catch((error: Error) => error);
          if (response instanceof Error) {
            failures.push(`${label}: ${response.message} ${String((response as Error & { cause?: unknown }).cause ?? '')}`);
            continue;
          }
          const body = (await response.json().catch(() => null)) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
          const error = body?.errors?.[0];
          if (Date.now() - sentAt > 2_000) process.stdout.write(`SLOW ${Date.now() - sentAt} ms ${label}\n`);
          if (!error) failures.push(`${label}: accepted`);
          else if (error.extensions?.code !== 'BAD_USER_INPUT') failures.push(`${label}: ${String(error.extensions?.code)} ${error.message.slice(0, 120)}`);
          // The argument is named; or, for a body beyond the gateway's limit, the body.
          else if (
            typeof error.extensions?.field !== 'string' ||
            !(String(error.extensions.field).startsWith(c.path.split(/[.[]/)[0]) || error.extensions.field === 'body')
          )
            failures.push(`${label}: field ${String(error.extensions?.field)}`);
        }
      };
      await Promise.all([worker(), worker(), worker()]);
      process.stdout.write(`schema fuzz: ${cases.length} requests over ${fields.size} operations\n`);
      expect(failures).toEqual([]);
      expect(cases.length).toBeGreaterThan(300);
      expect(await eventCounts()).toEqual(before);
    }, 600_000);

    it('refuses a body over the limit at the gateway with BAD_USER_INPUT naming body', async () => {
      const response = await fetch(client.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await client.login('doha')}` },
        body: JSON.stringify({ query: '{ me { username } }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } }),
      });
      const body = (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
      expect(body.errors[0].message).toMatch(/^body: yêu cầu dài \d+ byte, tối đa/);
    });
  });

  describe('finding 7: the schema, CORS', () => {
    const post = async (url: string, query: string, headers: Record<string, string> = {}) =>
      (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) })).json()) as {
        data?: any;
        errors?: Array<{ extensions?: Record<string, unknown> }>;
      };

    it('answers __schema and _service { sdl } only to signed-in users and to the gateway, at the gateway and at each subgraph', async () => {
      const token = await client.login('c20794');
      expect((await post(client.url, '{ __schema { types { name } } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await post(client.url, '{ __type(name: "Plan") { fields { name } } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await post(client.url, '{ __schema { types { name } } }', { authorization: `Bearer ${token}` })).data.__schema.types.length).toBeGreaterThan(10);
      for (const service of ['directory', 'plans', 'tasks'] as const) {
        const url = (await subgraph(service)).url;
        expect([service, (await post(url, '{ _service { sdl } }')).errors?.[0].extensions?.code]).toEqual([service, 'UNAUTHENTICATED']);
        expect([service, (await post(url, '{ __schema { queryType { name } } }')).errors?.[0].extensions?.code]).toEqual([service, 'UNAUTHENTICATED']);
        expect([service, (await post(url, '{ _service { sdl } }', { 'x-reform-forwarded': 'k.1.Z2F0ZXdheQ.forged' })).errors?.[0].extensions?.code]).toEqual([
          service,
          'UNAUTHENTICATED',
        ]);
        expect((await post(url, '{ _service { sdl } }', { authorization: `Bearer ${token}` })).data._service.sdl).toContain('type Query');
      }
    });

    it('allows only the configured origin, never a reflected one', async () => {
      const preflight = (origin: string) =>
        fetch(client.url, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
        });
      const evil = await preflight('https://evil.example');
      expect(evil.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
      expect(evil.headers.get('access-control-allow-origin')).not.toBe('*');
      const own = await preflight('https://cchc.quangnam.gov.vn');
      expect(own.headers.get('access-control-allow-origin')).toBe('https://cchc.quangnam.gov.vn');
      const simple = await fetch(client.url, {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect([null, 'https://cchc.quangnam.gov.vn']).toContain(simple.headers.get('access-control-allow-origin'));
    });
  });

  // Last: the direct attack on the directory locks logins from this machine's own address there.
  describe('finding 5: the login throttle, keyed on the normalised username and the real address', () => {
    const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
    const login = async (url: string, username: string, password: string, forwardedFor?: string) =>
      (await (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
          body: JSON.stringify({ query: LOGIN, variables: { u: username, p: password } }),
        })
      ).json()) as {
        data?: { login: { token: string } } | null;
        errors?: Array<{ extensions: Record<string, unknown> }>;
      };

    it('a username padded with spaces, a tab or a newline, or in capitals, counts for the same account', async () => {
      for (const padded of [' c20801', 'c20801\t', '\nc20801', 'C20801 ', ' C20801\r\n'])
        expect((await login(client.url, padded, 'wrong', '198.51.100.1')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      const throttled = await login(client.url, 'c20801', 'demo', '198.51.100.2');
      expect(throttled.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', retryAfterSeconds: expect.any(Number) });
    });

    it('behind a trusted proxy, each client is throttled on its own address: 30 failures from one do not lock another', async () => {
      for (let i = 0; i < 30; i++) await login(client.url, `nobody-${i}`, 'wrong', `203.0.113.50`);
      expect((await login(client.url, 'c20797', 'demo', '203.0.113.50')).errors?.[0].extensions).toMatchObject({ retryAfterSeconds: expect.any(Number) });
      // Another client behind the same proxy logs in; one that claims a trusted proxy's address is still itself.
      const other = await login(client.url, 'c20797', 'demo', '203.0.113.51');
      expect([JSON.stringify(other.errors ?? null), other.data?.login.token]).toEqual(['null', expect.any(String)]);
      expect((await login(client.url, 'c20797', 'demo', '203.0.113.50, 127.0.0.1')).errors?.[0].extensions).toMatchObject({
        retryAfterSeconds: expect.any(Number),
      });
    });

    it("straight at the directory, a client's X-Forwarded-For is not believed: the failures count against its own address", async () => {
      const directory = `${(await platform.directory.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;
      for (let i = 0; i < 30; i++) await login(directory, `nobody-direct-${i}`, 'wrong', `192.0.2.${i}`);
      expect((await login(directory, 'c20800', 'demo', '192.0.2.200')).errors?.[0].extensions).toMatchObject({ retryAfterSeconds: expect.any(Number) });
      // Through the gateway a client with another address is not locked: the gateway's seal names it.
      expect((await login(client.url, 'c20800', 'demo', '203.0.113.60')).data?.login.token).toEqual(expect.any(String));
    });
  });
});
