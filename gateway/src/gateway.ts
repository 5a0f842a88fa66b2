import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { Logger as HiveLogger } from '@graphql-hive/logger';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { pinoHttp } from 'pino-http';
import {
  activeSpan,
  httpLoggingOptions,
  httpRequestDuration,
  metricsText,
  pathLabel,
  processLogger,
  requestIdOf,
  startClientSpan,
  traceHttpRequest,
  tracingEnabled,
  withLogContext,
} from '@reform/observability';
import sirv from 'sirv';
import { bearerToken, TokenRejectedError, TokenService, unauthenticated } from '@reform/auth';
import {
  asksForSchema,
  claimedRoles,
  FORWARDED_HEADER,
  GATEWAY_MAX_BODY_BYTES,
  MAX_TOKENS,
  queryLimitError,
  queryLimitsFor,
  queryLimitsRule,
} from '@reform/subgraph';
import { DocumentNode, getOperationAST, GraphQLError, Kind, parse, ValidationContext } from 'graphql';
import { clientOperation } from './client-operation';
import { composeSupergraph, fetchSubgraphSdl, SubgraphEndpoint } from './compose';

export interface GatewayOptions {
  readonly port: number;
  readonly host?: string;
  readonly subgraphs: readonly SubgraphEndpoint[];
  /** Verifies bearer tokens at the door; subgraphs verify them again. */
  readonly tokens: TokenService;
  /** The built web app (web/dist): served at `/` beside `/graphql`, client routes answered with its index.html. */
  readonly webRoot?: string;
  /**
   * Addresses of the reverse proxies in front of the gateway (TRUSTED_PROXIES): only from them
   * is X-Forwarded-For believed, to find the client's real address for the login throttle.
   */
  readonly trustedProxies?: readonly string[];
  /** Origins whose browsers may call the API (CORS_ORIGINS); none: no CORS headers at all. */
  readonly corsOrigins?: readonly string[];
  /** Development: the schema answers without a token. */
  readonly development?: boolean;
}

/** `::ffff:10.0.0.1` → `10.0.0.1`. */
const plainAddress = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

/**
 * The client's address: the socket's, unless the socket is a trusted proxy; then the right-most
 * address of X-Forwarded-For that is not a trusted proxy (what the client wrote to the left of
 * it is the client's word and is ignored).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: ReadonlySet<string>): string {
  const socket = plainAddress(socketAddress ?? 'unknown');
  if (!trustedProxies.has(socket)) return socket;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',').map(plainAddress).filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) if (!trustedProxies.has(chain[i])) return chain[i];
  return chain[0] ?? socket;
}

/** The first query GraphiQL shows: how to get a token for its Authorization header. */
const GRAPHIQL_QUERY = `# Đăng nhập để lấy mã truy cập (token), rồi dán vào ô Headers bên dưới:
#   "Authorization": "Bearer <token>"
mutation DangNhap($username: String!, $password: String!) {
  login(username: $username, password: $password) { token expiresAt }
}
`;
/** The rendered page (about 9 MB, the same for every request): rendered once. */
let graphiqlPage: string | undefined;

/** Paths the web app never shadows: the API and the runtime's health endpoints. */
const API_PATHS = /^\/(graphql|health[^/]*|readiness|metrics)(\/|\?|$)/;

export interface RunningGateway {
  readonly url: string;
  readonly supergraphSdl: string;
  close(): Promise<void>;
}

/**
 * Static files of the web app (sirv: precompressed .gz served to browsers that accept gzip, hashed
 * assets cached for good). Any other path that is no file is a client route and gets index.html,
 * dots included (/don-vi/48.SNV is an agency: sirv by default takes a dotted last segment for a
 * missing file); only a missing file under /assets/ answers 404, so that a page of an earlier build
 * never runs index.html as its script.
 */
function webHandler(root: string | undefined): ReturnType<typeof sirv> | null {
  if (!root || !existsSync(join(root, 'index.html'))) return null;
  const options = {
    gzip: true,
    etag: true,
    dev: false,
    setHeaders: (res: ServerResponse, path: string) => {
      res.setHeader('cache-control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  };
  const assets = sirv(root, { ...options, single: false });
  const pages = sirv(root, { ...options, single: true, ignores: false });
  return (request, response, next) => ((request.url ?? '/').startsWith('/assets/') ? assets : pages)(request, response, next);
}

/**
 * The one GraphQL endpoint (`/graphql`): Hive Gateway runtime (MIT) over the composed subgraphs.
 * No business logic here. A request with a bad token stops here (UNAUTHENTICATED); a good one's
 * Authorization header goes on to every subgraph, which verifies it again.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  // Subgraphs answer `_service` only to the gateway (or a signed-in user): the seal says it is.
  const supergraphSdl = composeSupergraph(
    await Promise.all(
      options.subgraphs.map(async (s) => ({ ...s, sdl: await fetchSubgraphSdl(s, { [FORWARDED_HEADER]: options.tokens.sealForwarded('gateway') }) })),
    ),
  );
  const trustedProxies = new Set((options.trustedProxies ?? []).map(plainAddress));
  const runtime = createGatewayRuntime({
    supergraph: supergraphSdl,
    unifiedGraphHandler,
    // What the runtime answers for an error it does not pass on (a subgraph unreachable, its own
    // failure): the users' words, as every subgraph says it; the cause goes to the log in English.
    maskedErrors: { errorMessage: 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.' },
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // GraphiQL at GET /graphql (a browser's Accept: text/html) from the installed package, scripts
    // and styles inline: it works on a provincial network without internet, where the runtime's
    // default loads them from a CDN. The headers editor opens with the Authorization header to
    // fill with a token from `login` (the schema is not shown to anonymous callers, ADR 0022).
    graphiql: {
      title: 'Cải cách hành chính — GraphQL',
      defaultHeaders: JSON.stringify({ Authorization: 'Bearer <dán mã truy cập từ login vào đây>' }, null, 2),
      defaultQuery: GRAPHIQL_QUERY,
      shouldPersistHeaders: false,
    },
    renderGraphiQL: (graphiqlOptions) => (graphiqlPage ??= renderGraphiQL(graphiqlOptions)),
    // The runtime's lines go through the process's pino logger: JSON, redacted, with the request id.
    logging: gatewayLogger(),
    plugins: () => [queryLimits(options.development ?? false), clientOperation(), tracing()],
    // No merging of identical in-flight subgraph queries: ours hardly ever match (the headers are
    // part of the key, and the sealed forwarded address carries the millisecond), yet with merging
    // on every subgraph answer is deep-copied (structuredClone) for its caller — a 2,500-field
    // roll-up paid it on every request (issue 11).
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
    // Only configured origins, never a reflected one (issue 12, finding 7).
    cors: options.corsOrigins?.length ? { origin: [...options.corsOrigins], credentials: true, methods: ['POST', 'GET', 'OPTIONS'] } : false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        authorization: request.headers.get('authorization'),
        'x-request-id': request.headers.get('x-request-id'),
        // A retried mutation's key (ADR 0017): each subgraph records it with the command's events.
        'idempotency-key': request.headers.get('idempotency-key'),
        [FORWARDED_HEADER]: request.headers.get(FORWARDED_HEADER),
      }),
    },
  });
  const web = webHandler(options.webRoot);
  const logRequest = pinoHttp(httpLoggingOptions('gateway'));
  const server: Server = createServer((request, response) => {
    // The request's id (the client's X-Request-Id, else a new one) goes on to every subgraph
    // (propagateHeaders) and on every line written for it, here and there.
    const requestId = requestIdOf(request, response);
    if (!web || !(request.method === 'GET' || request.method === 'HEAD') || API_PATHS.test(request.url ?? '/')) logRequest(request, response);
    const path = pathLabel(request.url);
    const stop = httpRequestDuration.startTimer({ service: 'gateway', method: request.method ?? 'GET', path });
    response.once('finish', () => stop({ status: String(response.statusCode) }));
    if (path === '/metrics' && request.method === 'GET') {
      void metricsText().then(({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(body));
      return;
    }
    // The request's span (ADR 0028) continues a caller's traceparent; subgraph calls are its children.
    if (path === '/graphql') traceHttpRequest('gateway', request, response, () => void withLogContext({ requestId }, () => handle(request, response)));
    else void withLogContext({ requestId }, () => handle(request, response));
  });
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (web && (request.method === 'GET' || request.method === 'HEAD') && !API_PATHS.test(request.url ?? '/')) {
      web(request, response, () => {
        response.writeHead(404).end();
      });
      return;
    }
    // Bodies are bounded before anything reads them (issue 12, finding 6): a length must be
    // declared and within the limit.
    if (request.method === 'POST') {
      const length = Number(request.headers['content-length']);
      if (!Number.isFinite(length) || length > GATEWAY_MAX_BODY_BYTES) {
        const message = Number.isFinite(length)
          ? `body: yêu cầu dài ${length} byte, tối đa ${GATEWAY_MAX_BODY_BYTES} byte.`
          : 'body: yêu cầu phải khai báo độ dài (Content-Length).';
        const body = JSON.stringify({
          errors: [
            {
              message,
              extensions: { code: 'BAD_USER_INPUT', field: 'body', rule: Number.isFinite(length) ? 'INPUT.BODY_TOO_LARGE' : 'INPUT.LENGTH_REQUIRED' },
            },
          ],
        });
        response.writeHead(Number.isFinite(length) ? 413 : 411, { 'content-type': 'application/json; charset=utf-8', connection: 'close' }).end(body);
        request.resume();
        return;
      }
    }
    // The client's real address for the login throttle, sealed so that subgraphs can tell it
    // from a header a client wrote itself (issue 12, finding 5).
    request.headers[FORWARDED_HEADER] = options.tokens.sealForwarded(
      clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trustedProxies),
    );
    const token = bearerToken(request.headers.authorization);
    if (request.headers.authorization !== undefined) {
      try {
        await options.tokens.verify(token);
      } catch (error) {
        if (!(error instanceof TokenRejectedError)) throw error;
        const body = JSON.stringify({ errors: [{ message: unauthenticated().message, extensions: { code: 'UNAUTHENTICATED' } }] });
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
        return;
      }
    }
    await runtime(request, response);
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/graphql`,
    supergraphSdl,
    async close() {
      await runtime.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

/**
 * Query limits at the door (issue 12, ADR 0022): the document's size at parsing, then depth,
 * aliases and estimated cost for the caller's roles (the token is verified before the runtime
 * sees the request), before any subgraph is asked. Each subgraph checks again.
 */
function queryLimits(development: boolean) {
  return {
    onParse({ setParseFn }: { setParseFn: (parse: (source: unknown, options?: object) => unknown) => void }) {
      setParseFn((source, options) => {
        try {
          return parse(source as string, { ...options, maxTokens: MAX_TOKENS });
        } catch (error) {
          if (error instanceof GraphQLError && /more th(?:an|at) \d+ tokens/.test(error.message)) throw queryLimitError('tokens', MAX_TOKENS);
          throw error;
        }
      });
    },
    onValidate({
      addValidationRule,
      context,
    }: {
      addValidationRule: (rule: unknown) => void;
      context: { request?: Request; params?: { variables?: Record<string, unknown> } };
    }) {
      // The schema only for signed-in users (a token reaching here was verified at the door) or in development.
      if (!development && !context.request?.headers.get('authorization')) {
        addValidationRule(
          named((validation: ValidationContext) => {
            if (asksForSchema(validation.getDocument())) validation.reportError(unauthenticated());
            return {};
          }, 'schemaForSignedInOnly'),
        );
      }
      const limits = queryLimitsFor(claimedRoles(context.request?.headers.get('authorization')));
      const variables = context.params?.variables ?? {};
      // The runtime caches a document's validation under the names of its rules: the name carries
      // the limits and the variables (a cost counts `limit: $n`), else a document that passed once
      // would pass again for a caller with lower limits or bigger variables.
      const key = Object.keys(variables).length ? createHash('sha256').update(JSON.stringify(variables)).digest('base64url') : '';
      addValidationRule(named(queryLimitsRule(limits, variables), `queryLimits ${limits.depth}/${limits.aliases}/${limits.cost} ${key}`));
    },
  };
}

/** `rule`, named `name` (the key under which the runtime caches a document's validation). */
function named<T extends object>(rule: T, name: string): T {
  return Object.defineProperty(rule, 'name', { value: name });
}

/** `mutation issuePlan`: the operation's type and name (else its first field), for span names. */
export function operationLabel(document: DocumentNode, operationName?: string | null): string | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const first = operation.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  return `${operation.operation} ${operation.name?.value ?? (first?.kind === Kind.FIELD ? first.name.value : '')}`.trim();
}

/**
 * Traces through the runtime (ADR 0028): the request's span is named by its operation, and each
 * subgraph call is a client span whose W3C trace context goes in the call's headers, so the
 * subgraph's spans join the gateway's trace.
 */
function tracing() {
  return {
    onExecute({ args }: { args: { document: DocumentNode; operationName?: string | null } }) {
      if (!tracingEnabled()) return;
      const label = operationLabel(args.document, args.operationName);
      if (label) activeSpan().updateName(`graphql ${label}`);
    },
    onFetch({
      url,
      options,
      setOptions,
      executionRequest,
    }: {
      url: string;
      options: { headers?: Record<string, string> };
      setOptions(options: object): void;
      executionRequest?: { subgraphName?: string; document: DocumentNode; operationName?: string };
    }) {
      if (!tracingEnabled()) return;
      const label = executionRequest ? operationLabel(executionRequest.document, executionRequest.operationName) : null;
      const span = startClientSpan(`subgraph ${executionRequest?.subgraphName ?? new URL(url).host}${label ? ` ${label}` : ''}`, {
        'http.request.method': 'POST',
        'url.full': url,
        'reform.subgraph': executionRequest?.subgraphName ?? '',
      });
      if (!span) return;
      setOptions({ ...options, headers: { ...options.headers, ...span.headers } });
      return ({ response }: { response: Response }) => span.end(response.status);
    },
  };
}

/** Hive Gateway's logger writing through the process's pino logger (warnings and errors; LOG_LEVEL=debug for more). */
function gatewayLogger(): HiveLogger {
  const pino = processLogger().child({ service: 'gateway' });
  const level = process.env['LOG_LEVEL'] === 'debug' || process.env['LOG_LEVEL'] === 'trace' ? 'debug' : 'warn';
  return new HiveLogger({ level, writers: [{ write: (at, attrs, msg) => pino[at]({ ...attrs }, msg ?? '') }] });
}
