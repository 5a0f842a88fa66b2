import { PeriodicTick } from './periodic-tick';

/** A pass the test finishes by hand. */
function controlledPasses() {
  const started: Array<{ finish: (value: number) => void; fail: (error: Error) => void }> = [];
  const pass = () => new Promise<number>((resolve, reject) => started.push({ finish: resolve, fail: reject }));
  return { started, pass };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('PeriodicTick', () => {
  afterEach(() => jest.useRealTimers());

  it('runs asked-for ticks one after the other: the second pass starts when the first ended', async () => {
    const { started, pass } = controlledPasses();
    const ticks = new PeriodicTick(pass, { error: () => undefined });
    const first = ticks.tick();
    const second = ticks.tick();
    await flush();
    expect(started).toHaveLength(1);
    started[0].finish(1);
    expect(await first).toBe(1);
    await flush();
    expect(started).toHaveLength(2);
    started[1].finish(2);
    expect(await second).toBe(2);
  });

  it("skips the timer's tick while a pass runs, reports a failed timer pass and goes on, and stop waits for the pass under way", async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const { started, pass } = controlledPasses();
    const failures: string[] = [];
    const ticks = new PeriodicTick(pass, { error: (message) => failures.push(message) });
    ticks.start(1_000);
    jest.advanceTimersByTime(1_000);
    expect(started).toHaveLength(1);
    jest.advanceTimersByTime(3_000);
    expect(started).toHaveLength(1); // still running: not overlapped
    started[0].fail(new Error('database away'));
    await flush();
    expect(failures).toEqual([expect.stringMatching(/^Tick failed: Error: database away/)]);
    jest.advanceTimersByTime(1_000);
    expect(started).toHaveLength(2);
    let stopped = false;
    const stopping = ticks.stop().then(() => (stopped = true));
    await flush();
    expect(stopped).toBe(false);
    started[1].finish(2);
    await stopping;
    jest.advanceTimersByTime(5_000);
    expect(started).toHaveLength(2);
  });

  it('an interval of 0 starts no timer', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const { started, pass } = controlledPasses();
    new PeriodicTick(pass, { error: () => undefined }).start(0);
    jest.advanceTimersByTime(60_000);
    expect(started).toHaveLength(0);
  });
});
