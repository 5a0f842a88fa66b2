import { EntityManager } from 'typeorm';
import { schemaMigration } from '@reform/event-store';

/**
 * Slows password guessing: after `maxFailures` failed logins within `windowMs` for the same key
 * (an account name, or a client address), further attempts for that key are refused until the
 * oldest failure leaves the window. A success clears the account's failures.
 *
 * Keys (issue 12, finding 5): the username normalised exactly as login looks it up (so " d513\t"
 * counts for d513), and the client's real address (the gateway's sealed forwarded address, or
 * the socket's; never a client's X-Forwarded-For). The failures live in a store: PostgreSQL in
 * the directory, so that every replica shares them; memory in unit tests.
 */
export interface ThrottleLimits {
  readonly maxFailures: number;
  readonly windowMs: number;
}

/** How login reads a username: Unicode-normalised, trimmed, lower case. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

export interface FailureStore {
  /** Failure instants (ms) of `key` since `sinceMs`, oldest first. */
  recent(key: string, sinceMs: number): Promise<number[]>;
  add(keys: readonly string[], atMs: number): Promise<void>;
  clear(key: string): Promise<void>;
}

export class MemoryFailureStore implements FailureStore {
  private readonly failures = new Map<string, number[]>();

  async recent(key: string, sinceMs: number): Promise<number[]> {
    const kept = (this.failures.get(key) ?? []).filter((at) => at > sinceMs);
    this.failures.set(key, kept);
    return kept;
  }

  async add(keys: readonly string[], atMs: number): Promise<void> {
    for (const key of keys) this.failures.set(key, [...(this.failures.get(key) ?? []), atMs]);
  }

  async clear(key: string): Promise<void> {
    this.failures.delete(key);
  }
}

/** `<schema>.login_failures`: one row per failed login and key; old rows are pruned as they are read. */
export const loginThrottleMigrations = (schema: string) => [
  schemaMigration(
    schema,
    1764600100000,
    'CreateLoginFailures',
    [
      `CREATE TABLE "${schema}".login_failures (key text NOT NULL, at timestamptz NOT NULL)`,
      `CREATE INDEX login_failures_key ON "${schema}".login_failures (key, at)`,
    ],
    [`DROP TABLE "${schema}".login_failures`],
  ),
];

export class PostgresFailureStore implements FailureStore {
  constructor(
    private readonly manager: EntityManager,
    private readonly schema: string,
  ) {}

  async recent(key: string, sinceMs: number): Promise<number[]> {
    await this.manager.query(`DELETE FROM "${this.schema}".login_failures WHERE key = $1 AND at <= $2`, [key, new Date(sinceMs)]);
    const rows: Array<{ at: Date }> = await this.manager.query(`SELECT at FROM "${this.schema}".login_failures WHERE key = $1 ORDER BY at`, [key]);
    return rows.map((row) => new Date(row.at).getTime());
  }

  async add(keys: readonly string[], atMs: number): Promise<void> {
    await this.manager.query(`INSERT INTO "${this.schema}".login_failures (key, at) SELECT unnest($1::text[]), $2`, [keys, new Date(atMs)]);
  }

  async clear(key: string): Promise<void> {
    await this.manager.query(`DELETE FROM "${this.schema}".login_failures WHERE key = $1`, [key]);
  }
}

export class LoginThrottle {
  constructor(
    private readonly limits: { readonly perAccount: ThrottleLimits; readonly perAddress: ThrottleLimits },
    private readonly store: FailureStore = new MemoryFailureStore(),
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before the next attempt is allowed for this account and address; 0 when allowed. */
  async retryAfterMs(username: string, address: string): Promise<number> {
    return Math.max(await this.wait(accountKey(username), this.limits.perAccount), await this.wait(`address:${address}`, this.limits.perAddress));
  }

  async recordFailure(username: string, address: string): Promise<void> {
    await this.store.add([accountKey(username), `address:${address}`], this.now());
  }

  async recordSuccess(username: string): Promise<void> {
    await this.store.clear(accountKey(username));
  }

  private async wait(key: string, limits: ThrottleLimits): Promise<number> {
    const now = this.now();
    const recent = await this.store.recent(key, now - limits.windowMs);
    if (recent.length < limits.maxFailures) return 0;
    return recent[recent.length - limits.maxFailures] + limits.windowMs - now;
  }
}

const accountKey = (username: string) => `account:${normalizeUsername(username)}`;

export const DEFAULT_LOGIN_LIMITS = {
  perAccount: { maxFailures: 5, windowMs: 15 * 60_000 },
  perAddress: { maxFailures: 30, windowMs: 15 * 60_000 },
} as const;
