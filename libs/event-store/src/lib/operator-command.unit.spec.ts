import { databaseUrlOption, parseCommandLine, positiveIntegerOption, runOperatorCommand, serviceArgument, UsageError } from './operator-command';

describe('operator commands', () => {
  const run = async (body: Parameters<typeof runOperatorCommand>[3]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runOperatorCommand('tool', 'usage: tool', { print: (l) => out.push(l), printError: (l) => err.push(l) }, body);
    return { code, out, err };
  };

  it("returns the body's exit code and closes what it handed over, the last first, even when a close fails", async () => {
    const closed: string[] = [];
    const result = await run(async ({ print, closeAtEnd }) => {
      closeAtEnd(async () => closed.push('database'));
      closeAtEnd(async () => {
        closed.push('bus');
        throw new Error('already closed');
      });
      print('done');
      return 1;
    });
    expect({ ...result, closed }).toEqual({ code: 1, out: ['done'], err: [], closed: ['bus', 'database'] });
  });

  it('answers a usage error with exit code 2, the message and the usage; another failure without the usage', async () => {
    expect(await run(async () => parseCommandLine(['a', 'b'], []) && 0)).toEqual({ code: 2, out: [], err: ['tool: unexpected argument "b"', 'usage: tool'] });
    expect((await run(async () => parseCommandLine(['--bogus'], ['schema']) && 0)).err).toEqual([expect.stringMatching(/^tool: .*--bogus/), 'usage: tool']);
    expect(await run(async () => Promise.reject(new Error('connection refused')))).toEqual({ code: 2, out: [], err: ['tool: connection refused'] });
  });

  it('reads one positional and the named options', () => {
    expect(parseCommandLine(['plans', '--page-size', '10'], ['page-size', 'database-url'])).toEqual({ positional: 'plans', options: { 'page-size': '10' } });
    expect(parseCommandLine([], ['schema'])).toEqual({ positional: undefined, options: {} });
  });

  it('reads a positive integer option, the database URL and the service, or says what is wrong', () => {
    expect(positiveIntegerOption({}, 'page-size', 1000)).toBe(1000);
    expect(positiveIntegerOption({ 'page-size': '25' }, 'page-size', 1000)).toBe(25);
    expect(() => positiveIntegerOption({ 'page-size': '0' }, 'page-size', 1000)).toThrow(new UsageError('--page-size "0" is not a positive integer'));
    expect(databaseUrlOption({ 'database-url': 'postgres://a' }, { DATABASE_URL: 'postgres://b' })).toBe('postgres://a');
    expect(databaseUrlOption({}, { DATABASE_URL: 'postgres://b' })).toBe('postgres://b');
    expect(() => databaseUrlOption({}, {})).toThrow(new UsageError('DATABASE_URL is not set (or pass --database-url)'));
    const services = { directory: 1, plans: 2, tasks: 3 };
    expect(serviceArgument('plans', services, 'rebuild')).toBe(2);
    expect(() => serviceArgument(undefined, services, 'rebuild')).toThrow(new UsageError('a service is required'));
    expect(() => serviceArgument('maps', services, 'rebuild')).toThrow(new UsageError('unknown service "maps": rebuild directory, plans or tasks'));
  });
});
