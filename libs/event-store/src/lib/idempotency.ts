import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { DomainError } from '@reform/decider';
import { EntityManager } from 'typeorm';
import { canonicalJson } from './canonical';
import { AppliedStep, IdempotencyStep } from './event-store.port';
import { assertSchemaName } from './postgres/migrations';

/**
 * Idempotency keys (issue 13, ADR 0017): a client that retries a mutation after a cut connection
 * sends the same `Idempotency-Key`; the command it had already applied is not applied again.
 *
 * The subgraph layer opens a context per mutation request (`withIdempotencyKey`): the key, whose
 * it is (the account: two users' keys never meet) and a fingerprint of the request (the field and
 * its arguments). Every `handleCommand` inside that request takes the next step number and, in
 * the same transaction as its events, records `(scope, key, step) → fingerprint, stream, versions`
 * in `<schema>.idempotency_keys`. A retry with the same key finds the row: the same fingerprint
 * returns the first result (the stream folded up to the recorded version) without deciding or
 * appending; another fingerprint is refused with CONFLICT. The row commits with the events or
 * not at all, so the guarantee survives a crash and a restart at any point.
 */
export interface IdempotencyContext {
  readonly scope: string;
  readonly key: string;
  readonly fingerprint: string;
  /** Commands recorded so far in this request (the next one's step). */
  steps: number;
}

const storage = new AsyncLocalStorage<IdempotencyContext>();

/** Keys are the client's: printable, at most 200 characters (a UUID is the usual choice). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** Runs `work` with the request's key; commands inside it record and honour the key. */
export function withIdempotencyKey<T>(context: { scope: string; key: string; fingerprint: string }, work: () => T): T {
  if (!IDEMPOTENCY_KEY_PATTERN.test(context.key)) throw new InvalidIdempotencyKeyError();
  return storage.run({ ...context, steps: 0 }, work);
}

/** The key of the request being served, if it has one, with the step of the command about to run. */
export function nextIdempotencyStep(): IdempotencyStep | null {
  const context = storage.getStore();
  if (!context) return null;
  return { scope: context.scope, key: context.key, fingerprint: context.fingerprint, step: context.steps++ };
}

/** sha256 of the canonical JSON of what identifies a request (operation field and arguments). */
export function requestFingerprint(request: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(JSON.parse(JSON.stringify(request ?? null))))
    .digest('hex');
}

export class IdempotencyKeyReusedError extends DomainError {
  constructor(key: string) {
    super('IDEMPOTENCY_KEY.REUSED', `Khóa chống lặp "${key}" đã được dùng cho một yêu cầu khác; hãy dùng khóa mới cho yêu cầu mới.`, {
      field: 'Idempotency-Key',
      kind: 'CONFLICT',
    });
  }
}

export class InvalidIdempotencyKeyError extends DomainError {
  constructor() {
    super('IDEMPOTENCY_KEY.INVALID', 'Khóa chống lặp (Idempotency-Key) phải gồm 1–200 ký tự in được, không có khoảng trắng.', {
      field: 'Idempotency-Key',
      kind: 'BAD_USER_INPUT',
    });
  }
}

/** What the first request with this key and step applied, or null; another request's key is refused. */
export async function appliedIdempotencyStep(manager: EntityManager, schema: string, step: IdempotencyStep): Promise<AppliedStep | null> {
  const [first]: Array<{ fingerprint: string; stream_id: string; from_version: number; to_version: number }> = await manager.query(
    `SELECT fingerprint, stream_id, from_version, to_version FROM "${assertSchemaName(schema)}".idempotency_keys WHERE scope = $1 AND key = $2 AND step = $3`,
    [step.scope, step.key, step.step],
  );
  if (!first) return null;
  if (first.fingerprint !== step.fingerprint) throw new IdempotencyKeyReusedError(step.key);
  return { streamId: first.stream_id, fromVersion: first.from_version, toVersion: first.to_version };
}

/** Records, in the transaction of the command's events, what this key and step applied. */
export async function recordIdempotencyStep(
  manager: EntityManager,
  schema: string,
  step: IdempotencyStep,
  streamId: string,
  fromVersion: number,
  toVersion: number,
): Promise<void> {
  await manager.query(
    `INSERT INTO "${assertSchemaName(schema)}".idempotency_keys (scope, key, step, fingerprint, stream_id, from_version, to_version) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [step.scope, step.key, step.step, step.fingerprint, streamId, fromVersion, toVersion],
  );
}

/** An adapter without PostgreSQL's unique key (in memory) reports the same collision with this. */
export class IdempotencyKeyCollision extends Error {
  constructor() {
    super('The idempotency key was recorded by another request at the same time');
    this.name = 'IdempotencyKeyCollision';
  }
}

/** The same key sent twice at once: the second's row collided with the first's (retry: it finds the first's). */
export function isIdempotencyKeyCollision(error: unknown): boolean {
  if (error instanceof IdempotencyKeyCollision) return true;
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  return (e.code ?? e.driverError?.code) === '23505' && (e.constraint ?? e.driverError?.constraint) === 'idempotency_keys_pkey';
}
