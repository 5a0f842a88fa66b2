import { redirectLogs, setLogLevel } from '@reform/observability';
import { beforeReorganisation, PLATFORM_START_MS, startTestPlatform, TestPlatform } from './test-platform';

/**
 * Issue 20: logs are JSON lines with the request id, and no line at any level holds a password,
 * a token or a request body. The whole platform (gateway, directory, plans, tasks in one process,
 * as `npm start`) logs at `trace` while a user signs in, changes the password and signs in again.
 */
describe('logs: JSON lines with the request id, no secret and no request body', () => {
  let test: TestPlatform;
  const lines: string[] = [];
  let restore: { restore(): void } | undefined;
  const previousLevel = process.env['LOG_LEVEL'];

  beforeAll(async () => {
    // The gateway's runtime reads LOG_LEVEL once, at its start: debug is its most verbose.
    process.env['LOG_LEVEL'] = 'debug';
    // Before the 2025 reorganisation, when doha's province was in force (as the security e2e).
    test = await startTestPlatform('e2e_logs', { clock: beforeReorganisation() });
    restore = redirectLogs({ write: (line: string) => void lines.push(line) });
    setLogLevel('trace');
  }, PLATFORM_START_MS);

  afterAll(async () => {
    setLogLevel('silent');
    restore?.restore();
    if (previousLevel === undefined) delete process.env['LOG_LEVEL'];
    else process.env['LOG_LEVEL'] = previousLevel;
    await test?.stop();
  });

  const post = async (body: string, token?: string, requestId?: string) => {
    const response = await fetch(test.platform.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(requestId ? { 'x-request-id': requestId } : {}),
      },
      body,
    });
    return { requestId: response.headers.get('x-request-id'), json: (await response.json()) as { data?: any; errors?: any[] } };
  };

  it('logs the requests of a login, a password change and a second login without their secrets or bodies', async () => {
    const newPassword = `Mat-khau-moi-${Date.now()}-xyz`;
    const loginBody = JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: 'doha', p: 'demo' },
    });
    const first = await post(loginBody, undefined, 'test-login-1');
    const token: string = first.json.data.login.token;
    expect(first.requestId).toBe('test-login-1');

    const changeBody = JSON.stringify({ query: `mutation { changePassword(currentPassword: "demo", newPassword: "${newPassword}") { username } }` });
    const changed = await post(changeBody, token, 'test-change-password');
    expect(changed.json.errors).toBeUndefined();

    const secondBody = JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: 'doha', p: newPassword },
    });
    const second = await post(secondBody, undefined);
    const secondToken: string = second.json.data.login.token;
    // A refused login (the old password) logs too, still without what was sent.
    const refusedBody = JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      variables: { u: 'doha', p: `${newPassword}-wrong` },
    });
    expect((await post(refusedBody)).json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Lines are flushed as written; the subgraphs' request lines end with their responses.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lines.length).toBeGreaterThan(0);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const secret of [newPassword, token, secondToken, loginBody, changeBody, secondBody, refusedBody, token.split('.')[2], '"demo"']) {
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }
    // Every request line carries its id; the gateway's id reaches the subgraph it called.
    const requestLines = parsed.filter((line) => line['req'] !== undefined);
    expect(requestLines.length).toBeGreaterThanOrEqual(8);
    for (const line of requestLines)
      expect(line).toEqual(
        expect.objectContaining({ requestId: expect.any(String), service: expect.any(String), time: expect.any(String), level: expect.any(String) }),
      );
    const services = new Set(requestLines.filter((line) => line['requestId'] === 'test-change-password').map((line) => line['service']));
    expect(services).toEqual(new Set(['gateway', 'directory']));
  });
});
