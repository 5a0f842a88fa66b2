/**
 * Slows password guessing: after `maxFailures` failed logins within `windowMs` for the same key
 * (an account name, or a client address), further attempts for that key are refused until the
 * oldest failure leaves the window. A success clears the account's failures.
 *
 * In memory, per process: enough for the embedded mode and one replica per service; several
 * replicas would share it through PostgreSQL or NATS KV (noted in the ADR).
 */
export interface ThrottleLimits {
  readonly maxFailures: number;
  readonly windowMs: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: { readonly perAccount: ThrottleLimits; readonly perAddress: ThrottleLimits },
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before the next attempt is allowed for this account and address; 0 when allowed. */
  retryAfterMs(username: string, address: string): number {
    return Math.max(this.wait(`account:${username.toLowerCase()}`, this.limits.perAccount), this.wait(`address:${address}`, this.limits.perAddress));
  }

  recordFailure(username: string, address: string): void {
    const at = this.now();
    for (const key of [`account:${username.toLowerCase()}`, `address:${address}`]) {
      this.failures.set(key, [...(this.failures.get(key) ?? []), at]);
    }
  }

  recordSuccess(username: string): void {
    this.failures.delete(`account:${username.toLowerCase()}`);
  }

  private wait(key: string, limits: ThrottleLimits): number {
    const now = this.now();
    const recent = (this.failures.get(key) ?? []).filter((at) => now - at < limits.windowMs);
    if (recent.length === 0) this.failures.delete(key);
    else this.failures.set(key, recent);
    if (recent.length < limits.maxFailures) return 0;
    return recent[recent.length - limits.maxFailures] + limits.windowMs - now;
  }
}

export const DEFAULT_LOGIN_LIMITS = {
  perAccount: { maxFailures: 5, windowMs: 15 * 60_000 },
  perAddress: { maxFailures: 30, windowMs: 15 * 60_000 },
} as const;
