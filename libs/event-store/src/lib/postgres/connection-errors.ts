/**
 * Whether an error says the database (or the broker) could not be reached, as opposed to a
 * refusal of the work itself. Background loops wait such an error out instead of counting it
 * against the work (a message is not dead-lettered, a job not marked failed, because PostgreSQL
 * restarted for ten seconds).
 *
 * SQLSTATE classes: 08 connection exception; 57P01–57P03 admin/crash shutdown, cannot connect now;
 * 53300 too many connections. Node's socket errors by code; the pg driver's and TypeORM's own
 * messages for a connection that ended or never came (they carry no code).
 */
export function isConnectionError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = String((current as { code?: unknown }).code ?? '');
    if (/^08/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
    if (
      [
        'ECONNREFUSED',
        'ECONNRESET',
        'ETIMEDOUT',
        'EPIPE',
        'EHOSTUNREACH',
        'ENETUNREACH',
        'ENOTFOUND',
        'EAI_AGAIN',
        'CONNECTION_CLOSED',
        'CONNECTION_REFUSED',
      ].includes(code)
    )
      return true;
    const message = current instanceof Error ? current.message : String(current);
    if (
      /Connection terminated|Client has encountered a connection error|not queryable|Driver not Connected|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Connection is closed|ECONNREFUSED|ECONNRESET/i.test(
        message,
      )
    )
      return true;
  }
  return false;
}
