import { execFile } from 'node:child_process';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * OTEL_EXPORTER_OTLP_ENDPOINT turns traces on and sends them over OTLP/HTTP to that endpoint's
 * /v1/traces (ADR 0028); a local HTTP server stands in for the collector. The process is a child
 * Node (as `npm run` starts the services): the exporter loads its HTTP agent with a dynamic
 * import, which Jest's module sandbox refuses.
 */
const ROOT = join(__dirname, '../../../..');
const CHILD = `
const { inSpan, startTracing } = require('./libs/observability/src/lib/tracing');
(async () => {
  const tracing = await startTracing({ serviceName: 'reform-test' });
  if (!tracing) throw new Error('tracing did not start');
  await inSpan('command IssuePlan', {}, async () => inSpan('event-store append plans', {}, async () => undefined));
  // The batch processor holds the spans; shutdown flushes them (what a process's stop does).
  await tracing.shutdown();
})().catch((error) => { console.error(error); process.exit(1); });
`;
describe('tracing: the OTLP/HTTP exporter configured by the environment', () => {
  let server: Server;
  const received: Array<{ method?: string; url?: string; contentType?: string; body: string }> = [];

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ method: request.method, url: request.url, contentType: request.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('exports the spans to <endpoint>/v1/traces when the process stops', async () => {
    const env = {
      ...process.env,
      TS_NODE_PROJECT: 'tsconfig.base.json',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    };
    await promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-e', CHILD], {
      cwd: ROOT,
      env,
      timeout: 60_000,
    });
    // OTLP/HTTP with JSON bodies (the exporter's encoding): the process's name and both spans.
    expect(received).toEqual([expect.objectContaining({ method: 'POST', url: '/v1/traces', contentType: 'application/json' })]);
    const body = JSON.parse(received[0].body);
    expect(JSON.stringify(body.resourceSpans[0].resource)).toContain('reform-test');
    const names = body.resourceSpans.flatMap((r: any) => r.scopeSpans.flatMap((scope: any) => scope.spans.map((span: any) => span.name)));
    expect(names.sort()).toEqual(['command IssuePlan', 'event-store append plans']);
  }, 90_000);

  it('sends nothing without the endpoint', async () => {
    received.splice(0);
    const env = { ...process.env, TS_NODE_PROJECT: 'tsconfig.base.json', OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '' };
    const child = promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-e', CHILD], {
      cwd: ROOT,
      env,
      timeout: 60_000,
    });
    await expect(child).rejects.toMatchObject({ stderr: expect.stringContaining('tracing did not start') });
    expect(received).toEqual([]);
  }, 90_000);
});
