import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLError, GraphQLScalarType, Kind, parse } from 'graphql';
import { TokenService } from '@reform/auth';
import { GraphQLTestClient, TEST_SIGNING_KEYS } from '@reform/testing';
import { composeSupergraph, CompositionError, RunningGateway, startGateway } from '../src';

/**
 * Two small federated subgraphs, independent of the platform's services: `people` owns Person,
 * `postings` adds Person.posts through the entity key. The gateway must compose them and resolve
 * the entity across both, and forward the caller's Authorization to each.
 */
interface Subgraph {
  readonly url: string;
  readonly seenAuthorization: Array<string | undefined>;
  readonly seenIdempotencyKey: Array<string | undefined>;
  readonly seen: Array<{ query: string; variables?: Record<string, unknown>; operationHeader?: string }>;
  stop(): Promise<void>;
}

async function startSubgraph(typeDefs: string, resolvers: Record<string, any>): Promise<Subgraph> {
  const seenAuthorization: Array<string | undefined> = [];
  const seenIdempotencyKey: Array<string | undefined> = [];
  const seen: Subgraph['seen'] = [];
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      seenAuthorization.push(req.headers.authorization);
      seenIdempotencyKey.push(req.headers['idempotency-key'] as string | undefined);
      const body = (req as unknown as { body?: { query: string; variables?: Record<string, unknown> } }).body;
      if (body) seen.push({ query: body.query, variables: body.variables, operationHeader: req.headers['x-client-operation'] as string | undefined });
      return {};
    },
  });
  return { url, seenAuthorization, seenIdempotencyKey, seen, stop: () => server.stop() };
}

/** A calendar day as our scalars take it: an impossible one is refused with a Vietnamese reason. */
const day = (value: unknown) => {
  if (typeof value !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])-\d{2}$/.test(value)) throw new GraphQLError(`Ngày không hợp lệ: ${JSON.stringify(value)}.`);
  return value;
};

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])';

const people = () =>
  startSubgraph(
    `${FEDERATION}
     scalar Day
     type Query { person(id: ID!): Person people(limit: Int): [Person!]! secret(id: ID!): Person born(on: Day!): String }
     type Person @key(fields: "id") { id: ID! name: String! }`,
    {
      Query: {
        person: (_: unknown, { id }: { id: string }) => ({ id, name: `Người ${id}` }),
        people: () => [],
        born: (_: unknown, { on }: { on: string }) => on,
        secret: () => {
          throw new GraphQLError('Không có quyền.', { extensions: { code: 'FORBIDDEN' } });
        },
      },
      Person: { __resolveReference: ({ id }: { id: string }) => ({ id, name: `Người ${id}` }) },
      Day: new GraphQLScalarType({
        name: 'Day',
        serialize: (value) => value,
        parseValue: (value) => day(value),
        parseLiteral: (node) => day(node.kind === Kind.STRING ? node.value : null),
      }),
    },
  );

const postings = () =>
  startSubgraph(
    `${FEDERATION}
     type Person @key(fields: "id") { id: ID! posts: [Post!]! }
     type Post { title: String! }`,
    { Person: { posts: ({ id }: { id: string }) => [{ title: `Bài của ${id}` }, { title: 'Bài hai' }] } },
  );

describe('gateway over two federated subgraphs', () => {
  const tokens = new TokenService(TEST_SIGNING_KEYS);
  let subgraphs: Subgraph[];
  let gateway: RunningGateway;
  let client: GraphQLTestClient;

  beforeAll(async () => {
    subgraphs = [await people(), await postings()];
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      tokens,
      subgraphs: [
        { name: 'people', url: subgraphs[0].url },
        { name: 'postings', url: subgraphs[1].url },
      ],
    });
    client = new GraphQLTestClient(gateway.url);
  });
  afterAll(async () => {
    await gateway?.close();
    for (const subgraph of subgraphs ?? []) await subgraph.stop();
  });

  it('resolves an entity field owned by the other subgraph', async () => {
    const result = await client.request('{ person(id: "7") { id name posts { title } } }');
    expect(result).toEqual({ data: { person: { id: '7', name: 'Người 7', posts: [{ title: 'Bài của 7' }, { title: 'Bài hai' }] } } });
  });

  it('sends arguments to a subgraph as variables named by the argument and the operation name in its header (router runtime, ADR 0040)', async () => {
    for (const subgraph of subgraphs) subgraph.seen.length = 0;
    expect(await client.request('query Birth { born(on: "2020-12-01") }')).toEqual({ data: { born: '2020-12-01' } });
    const seen = subgraphs[0].seen.find((request) => request.query.includes('born'));
    expect(seen?.variables).toEqual({ _born_on: '2020-12-01' });
    expect(seen?.operationHeader).toBe('Birth');
    // A value the subgraph's scalar refuses comes back as the refusal of a variable, which names it.
    const refused = await client.request('{ born(on: "2020-13-01") }');
    expect(refused.errors?.[0].message).toContain('$_born_on');
    expect(refused.errors?.[0].message).toContain('Ngày không hợp lệ: "2020-13-01".');
    // The client's own variable too: the subgraph sees the argument's name, not the client's `$d`.
    const viaVariable = await client.request('query($d: Day!) { born(on: $d) }', { d: '2020-13-01' });
    expect(viaVariable.errors?.[0].message).toContain('$_born_on');
  });

  it('answers introspection with arguments (GraphiQL asks fields(includeDeprecated: true)) for a signed-in user', async () => {
    const { token } = await tokens.issue({ accountId: 'a-9', username: 'mai', unitCode: '49', roles: [] });
    const result = await client.request(
      '{ __type(name: "Person") { name fields(includeDeprecated: true) { name args(includeDeprecated: true) { name } } } }',
      undefined,
      token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.__type).toMatchObject({ name: 'Person', fields: expect.arrayContaining([expect.objectContaining({ name: 'posts' })]) });
  });

  it("passes a subgraph's error on with its code and message, alone or beside another subgraph's field", async () => {
    const refused = { message: 'Không có quyền.', extensions: { code: 'FORBIDDEN' }, path: ['secret'] };
    expect(await client.request('{ secret(id: "1") { id } }')).toMatchObject({ data: { secret: null }, errors: [refused] });
    expect(await client.request('{ secret(id: "1") { id posts { title } } }')).toMatchObject({ data: { secret: null }, errors: [refused] });
  });

  it('forwards a verified Authorization header to every subgraph it calls', async () => {
    const { token } = await tokens.issue({ accountId: 'a-1', username: 'doha', unitCode: '49', roles: [] });
    for (const subgraph of subgraphs) subgraph.seenAuthorization.length = 0;
    const result = await client.request('{ person(id: "8") { posts { title } } }', undefined, token);
    expect(result.errors).toBeUndefined();
    for (const subgraph of subgraphs) expect(subgraph.seenAuthorization).toContain(`Bearer ${token}`);
  });

  it('forwards the Idempotency-Key header to every subgraph it calls (retried mutations, ADR 0017)', async () => {
    for (const subgraph of subgraphs) subgraph.seenIdempotencyKey.length = 0;
    const result = await client.request('{ person(id: "8") { posts { title } } }', undefined, null, { 'Idempotency-Key': 'retry-8f2c' });
    expect(result.errors).toBeUndefined();
    for (const subgraph of subgraphs) expect(subgraph.seenIdempotencyKey).toContain('retry-8f2c');
  });

  it('passes subgraph answers on without deep-copying them (issue 11: a 2,500-field roll-up was cloned on every request)', async () => {
    // The runtime's merging of identical in-flight subgraph queries copies every answer for each
    // caller; ours never merge (each request's sealed forwarded header differs), so it is off.
    const clone = jest.spyOn(globalThis, 'structuredClone');
    try {
      const result = await client.request('{ person(id: "9") { id name posts { title } } }');
      expect(result.errors).toBeUndefined();
      expect(clone).not.toHaveBeenCalled();
    } finally {
      clone.mockRestore();
    }
  });

  it('refuses a document over its cost limit even after the same document passed with other variables (validation cache)', async () => {
    const { token } = await tokens.issue({ accountId: 'a-3', username: 'lan', unitCode: '49', roles: [] });
    const query = 'query Many($n: Int) { people(limit: $n) { name } }';
    expect(await client.request(query, { n: 10 }, token)).toEqual({ data: { people: [] } });
    const refused = await client.request(query, { n: 1_000_000 }, token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', rule: 'cost', max: 50_000 });
  });

  it('stops a request with a forged token at the door', async () => {
    for (const subgraph of subgraphs) subgraph.seenAuthorization.length = 0;
    const forged = await new TokenService([{ kid: TEST_SIGNING_KEYS[0].kid, secret: 'another-secret-of-at-least-32-bytes!!' }]).issue({
      accountId: 'a-1',
      username: 'doha',
      unitCode: '49',
      roles: [],
    });
    const result = await client.request('{ person(id: "9") { name } }', undefined, forged.token);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeUndefined();
    for (const subgraph of subgraphs) expect(subgraph.seenAuthorization).toEqual([]);
  });

  it('answers its liveness, readiness and metrics (docs/operations.md), and returns the request id it passed on', async () => {
    const root = gateway.url.replace(/\/graphql$/, '');
    expect((await fetch(`${root}/healthcheck`)).status).toBe(200);
    expect((await fetch(`${root}/readiness`)).status).toBe(200);
    const answered = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'gateway-test-1' },
      body: JSON.stringify({ query: '{ person(id: "1") { name } }' }),
    });
    expect(answered.headers.get('x-request-id')).toBe('gateway-test-1');
    const metrics = await (await fetch(`${root}/metrics`)).text();
    expect(metrics).toMatch(/^reform_http_request_duration_seconds_count\{service="gateway",method="POST",path="\/graphql",status="200"\} [1-9]/m);
  });

  it('serves GraphiQL from the installed packages, nothing from a CDN, with the Authorization header to fill (issue 20)', async () => {
    const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Cải cách hành chính — GraphQL');
    expect(page).toContain('Bearer <dán mã truy cập từ login vào đây>');
    // Every script and stylesheet inline: no element loads anything from another host.
    expect(page.match(/<(script|link)\b[^>]*\b(src|href)=["']https?:\/\/[^"']*/gi) ?? []).toEqual([]);
    expect(page).not.toMatch(/unpkg\.com|cdn\.jsdelivr|esm\.sh/);
  });

  it("serves the web app's page for every client route, dotted agency codes included, and 404 for a missing asset", async () => {
    const root = mkdtempSync(join(tmpdir(), 'gateway-web-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Cải cách hành chính</title>');
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    const web = await startGateway({
      port: 0,
      host: '127.0.0.1',
      tokens,
      subgraphs: [
        { name: 'people', url: subgraphs[0].url },
        { name: 'postings', url: subgraphs[1].url },
      ],
      webRoot: root,
    });
    try {
      const base = web.url.replace(/\/graphql$/, '');
      const page = async (path: string) => {
        const response = await fetch(`${base}${path}`);
        return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
      };
      for (const path of ['/', '/ke-hoach/123/theo-doi', '/don-vi/48', '/don-vi/48.SNV', '/don-vi/49.UBND.x?tab=1']) {
        const answer = await page(path);
        expect({ path, status: answer.status, body: answer.body }).toEqual({ path, status: 200, body: '<!doctype html><title>Cải cách hành chính</title>' });
      }
      expect(await page('/assets/index-abc.js')).toMatchObject({ status: 200, body: 'console.log(1)' });
      // A stale page asking for an asset of an earlier build must fail, not run index.html as a script.
      expect((await page('/assets/index-old.js')).status).toBe(404);
      expect((await page('/assets/gone/x.css')).status).toBe(404);
      // The API still answers beside the app.
      expect((await page('/healthcheck')).status).toBe(200);
    } finally {
      await web.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('names the composition errors of subgraphs that disagree', () => {
    const disagreeing = [
      { name: 'a', url: 'http://a/graphql', sdl: `${FEDERATION} type Query { count: Int @shareable }` },
      { name: 'b', url: 'http://b/graphql', sdl: `${FEDERATION} type Query { count: String @shareable }` },
    ];
    expect(() => composeSupergraph(disagreeing)).toThrow(CompositionError);
    expect(() => composeSupergraph(disagreeing)).toThrow(/Federation composition failed:\n- .*Query\.count/);
  });
});

describe('gateway with a subgraph gone', () => {
  it('answers a field of the gone subgraph with an error in Vietnamese that names no address', async () => {
    const tokens = new TokenService(TEST_SIGNING_KEYS);
    const [owner, gone] = [await people(), await postings()];
    const gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      tokens,
      subgraphs: [
        { name: 'people', url: owner.url },
        { name: 'postings', url: gone.url },
      ],
    });
    try {
      await gone.stop();
      const result = await new GraphQLTestClient(gateway.url).request('{ person(id: "3") { name posts { title } } }');
      expect(result.data).toEqual({ person: null });
      expect(result.errors?.[0].message).toBe('Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.');
      expect(JSON.stringify(result.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed/);
    } finally {
      await gateway.close();
      await owner.stop();
    }
  });
});
