import { cpus, loadavg } from 'node:os';

/**
 * How much slower than an idle machine this one is now: the 1-minute load average per core
 * (at least 1, at most 4), or TEST_TIME_SCALE when set. Waits multiply their budgets by it, so a
 * suite that passes on an idle laptop still passes on a 2-core CI runner shared with two other
 * copies of the suite (issue 13: at load 13–19 fixed 10 s deadlines expired). A budget is a
 * bound on waiting for a condition, never a speed assertion: a wait ends as soon as it holds.
 */
export function timeScale(): number {
  const fixed = Number(process.env.TEST_TIME_SCALE);
  if (Number.isFinite(fixed) && fixed > 0) return fixed;
  return Math.min(4, Math.max(1, loadavg()[0] / Math.max(1, cpus().length)));
}

/** A budget in ms for this machine now (`ms` on an idle one). */
export function scaled(ms: number): number {
  return Math.round(ms * timeScale());
}

/**
 * Polls `probe` until it returns without throwing, or the budget passes (then rethrows the last
 * failure). For eventual consistency: never sleep a fixed time in a test. The budget scales with
 * the machine's load (timeScale); the interval does not.
 */
export async function eventually<T>(probe: () => Promise<T> | T, { timeoutMs = 10_000, intervalMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + scaled(timeoutMs);
  let lastError: unknown;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
