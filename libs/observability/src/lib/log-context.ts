import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while handling one request or one event carries. */
export interface LogContext {
  /** The HTTP request's id (X-Request-Id, the gateway's or one made here). */
  readonly requestId?: string;
  /** The correlation id of the events being appended or handled. */
  readonly correlationId?: string;
  /** The integration event being handled. */
  readonly eventId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `context` added to the current one: every log line inside it carries both. */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

/**
 * The correlation id a command records on its events: the event being handled's, else the
 * request's id (so a request's log lines and the events it appended are found by one id), else
 * a fresh one (`fresh`), for work outside any request.
 */
export function correlationIdOfContext(fresh: () => string): string {
  const context = storage.getStore();
  return context?.correlationId ?? context?.requestId ?? fresh();
}
