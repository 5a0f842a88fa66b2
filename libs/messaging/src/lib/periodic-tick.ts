/**
 * A pass run every `intervalMs` and on demand, one at a time: what the schedulers (tasks'
 * overdue marks, reporting's reminders) share. A timer's tick while a pass runs is skipped (a
 * slow pass is not overlapped); a tick asked for (a seed, a test) waits for the running pass and
 * then runs its own, so two passes never command the same streams from the same versions. A
 * failed timer pass is reported and the timer goes on; a failed asked-for tick throws to its caller.
 */
export class PeriodicTick<T> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<T> | null = null;

  constructor(
    private readonly pass: () => Promise<T>,
    /** Where a failed timer pass is reported (the scheduler's logger). */
    private readonly logger: { error(message: string): void },
  ) {}

  /** Starts the timer; 0 (tests) leaves it off, `tick()` runs a pass. */
  start(intervalMs: number): void {
    if (intervalMs > 0 && !this.timer) this.timer = setInterval(() => void this.tickUnlessRunning(), intervalMs);
  }

  /** Stops the timer and waits for the pass under way, if any. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass, after the one under way. */
  async tick(): Promise<T> {
    while (this.running) await this.running.catch(() => undefined);
    const work = this.pass();
    this.running = work;
    try {
      return await work;
    } finally {
      this.running = null;
    }
  }

  private async tickUnlessRunning(): Promise<void> {
    if (this.running) return;
    try {
      await this.tick();
    } catch (error) {
      this.logger.error(`Tick failed: ${(error as Error).stack ?? error}`);
    }
  }
}
