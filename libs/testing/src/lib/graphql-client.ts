/** A GraphQL response as clients see it. */
export interface GraphQLResponse<Data = any> {
  data?: Data | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }>;
}

/** A small client for tests: sessions by login, queries with or without a token. */
export class GraphQLTestClient {
  private readonly tokens = new Map<string, string>();

  constructor(readonly url: string) {}

  async request<Data = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<Data>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<Data>;
  }

  /** Uses a token minted elsewhere (a subgraph test without the directory's login) for `username`. */
  useToken(username: string, token: string): this {
    this.tokens.set(username, token);
    return this;
  }

  /** The same sessions against another URL (a restarted service listens on a new port). */
  at(url: string): GraphQLTestClient {
    const moved = new GraphQLTestClient(url);
    for (const [username, token] of this.tokens) moved.tokens.set(username, token);
    return moved;
  }

  /** Logs in (once per username) and returns the token. */
  async login(username: string, password = 'demo'): Promise<string> {
    const known = this.tokens.get(username);
    if (known) return known;
    const result = await this.request<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
      u: username,
      p: password,
    });
    const token = result.data?.login.token;
    if (!token) throw new Error(`login as ${username} failed: ${JSON.stringify(result.errors)}`);
    this.tokens.set(username, token);
    return token;
  }

  /** Runs as `username`; throws with the errors when there are any. */
  async as<Data = any>(username: string, query: string, variables?: Record<string, unknown>): Promise<Data> {
    const result = await this.request<Data>(query, variables, await this.login(username));
    if (result.errors?.length) throw new Error(`${username}: ${JSON.stringify(result.errors)}`);
    return result.data as Data;
  }

  /** The error code (`extensions.code`) of a request as `username`, or 'OK'. */
  async outcome(username: string | null, query: string, variables?: Record<string, unknown>): Promise<string> {
    const result = await this.request(query, variables, username ? await this.login(username) : null);
    return result.errors?.[0]?.extensions?.code ?? 'OK';
  }
}
