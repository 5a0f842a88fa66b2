import { correlationIdOfContext, withLogContext } from './log-context';
import { processLogger, progressLogger, redirectLogs, scrubText, setLogLevel } from './logging';

describe('the process logger', () => {
  const lines: string[] = [];
  let restore: { restore(): void };

  beforeAll(() => {
    restore = redirectLogs({ write: (line: string) => void lines.push(line) });
    setLogLevel('trace');
  });
  afterAll(() => restore.restore());
  beforeEach(() => lines.splice(0));

  it('writes one JSON object per line with an ISO time, the level by name and the context', () => {
    withLogContext({ requestId: 'r-1' }, () => withLogContext({ correlationId: 'c-1' }, () => processLogger().info({ service: 'plans' }, 'issued')));
    expect(JSON.parse(lines[0])).toEqual(
      expect.objectContaining({
        level: 'info',
        msg: 'issued',
        service: 'plans',
        requestId: 'r-1',
        correlationId: 'c-1',
        time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      }),
    );
  });

  it('redacts passwords, tokens, authorization headers, bodies and variables at any of three depths', () => {
    processLogger().warn(
      {
        password: 'p1',
        req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1' }, body: { query: 'q', variables: { password: 'p2' } } },
        input: { newPassword: 'p3', token: 't1' },
      },
      'a request',
    );
    const line = lines[0];
    for (const secret of ['p1', 'Bearer abc', 'sid=1', '"q"', 'p2', 'p3', 't1']) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({
      password: '[redacted]',
      req: { headers: { authorization: '[redacted]', cookie: '[redacted]' }, body: '[redacted]' },
      input: { newPassword: '[redacted]', token: '[redacted]' },
    });
  });

  it('scrubs bearer credentials and JWS-shaped tokens out of messages and error stacks', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkb2hhIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    processLogger().error(new Error(`rejected Authorization: Bearer ${jwt}`), `token ${jwt} refused`);
    expect(lines[0]).not.toContain(jwt);
    expect(lines[0]).not.toContain('c2lnbmF0dXJl');
    expect(scrubText('Bearer abc.def')).toBe('Bearer [redacted]');
  });

  it('writes progress lines at info also when the services log at warn (the embedded start)', () => {
    setLogLevel('info'); // the default, as when the launcher starts
    try {
      const progress = progressLogger('Embedded');
      setLogLevel('warn'); // after the progress logger was made, as the launcher's services do
      processLogger().info('a request line');
      progress.info('Gateway ready');
      expect(lines.map((line) => JSON.parse(line))).toEqual([expect.objectContaining({ level: 'info', context: 'Embedded', msg: 'Gateway ready' })]);
    } finally {
      setLogLevel('trace');
    }
  });

  it("gives a command the handled event's correlation id, else the request id, else a fresh one", () => {
    expect(withLogContext({ requestId: 'r-2' }, () => correlationIdOfContext(() => 'fresh'))).toBe('r-2');
    expect(withLogContext({ requestId: 'r-2', correlationId: 'c-2' }, () => correlationIdOfContext(() => 'fresh'))).toBe('c-2');
    expect(correlationIdOfContext(() => 'fresh')).toBe('fresh');
  });
});
