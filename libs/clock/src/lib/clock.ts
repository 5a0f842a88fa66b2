/* Pure (type:domain): the one idea of "now" and "today" every service shares. */

/**
 * The time port. Every "now" and every "today" of every service is asked of it, so that the
 * services agree on the day (Viet Nam's, whatever the server's zone) and tests, demo scenarios
 * and replays can set it.
 */
export interface Clock {
  now(): Date;
}

/** The dependency-injection token for the service's `Clock` (a plain symbol: no framework here). */
export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is set (tests, demo scenarios on their own days). */
export class FixedClock implements Clock {
  private instant: Date;

  constructor(instant: Date | string) {
    this.instant = new Date(instant);
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }

  advance(milliseconds: number): void {
    this.instant = new Date(this.instant.getTime() + milliseconds);
  }
}

const VIET_NAM_OFFSET_MS = 7 * 3600_000;

/**
 * The calendar day of an instant in Viet Nam (UTC+7 all year: no daylight saving since 1975), as
 * YYYY-MM-DD: what "today", "as of" and every due day mean to users.
 */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + VIET_NAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in Viet Nam by the given clock. */
export function todayOf(clock: Clock): string {
  return vietnamDay(clock.now());
}
