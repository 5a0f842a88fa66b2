import { IntegrityReport, RecordedEvent } from '../event-store.port';
import { EVENT_COLUMNS, EventRow, PostgresEventStore, toRecorded, verifyChain } from '../postgres/postgres-event-store';
import { readEvents } from './read';

export interface VerifyAllStreamsOptions {
  /**
   * Called after each page: events checked so far, and the number of events in the table when
   * the walk started (at least `done`: events may be appended meanwhile). The last call, once
   * the walk is over, has `done === total`.
   */
  onProgress?(done: number, total: number): void;
  /** Events per query (default 1,000). */
  readonly pageSize?: number;
}

export interface VerifyAllStreamsResult {
  readonly checkedStreams: number;
  readonly checkedEvents: number;
  /** Every stream whose chain is broken, with its first broken version and why; in stream order. */
  readonly broken: IntegrityReport[];
}

/**
 * Walks the hash chain of every stream of the store (`verifyChain`, the check `verifyStream`
 * makes), in pages of events ordered by (stream id, version) on the unique index: memory holds
 * one page and the stream being checked, never the table. Events appended during the walk are
 * either seen or not; a chain is append-only, so a prefix of it verifies the same way.
 *
 * What it cannot see: a stream whose chain was recomputed after a change, a stream deleted
 * whole, or events removed from a stream's end. Digests (`createDigest`/`checkDigest`) catch those.
 */
export async function verifyAllStreams(store: PostgresEventStore, options: VerifyAllStreamsOptions = {}): Promise<VerifyAllStreamsResult> {
  const pageSize = options.pageSize ?? 1000;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`verifyAllStreams: pageSize must be a positive integer, not ${pageSize}`);
  const [{ count }] = await readEvents<{ count: string }>(store, (table) => `SELECT count(*) AS count FROM ${table}`);
  const total = Number(count);

  const broken: IntegrityReport[] = [];
  let checkedStreams = 0;
  let checkedEvents = 0;
  let current: { streamId: string; events: RecordedEvent[] } | null = null;
  const finish = (stream: { streamId: string; events: RecordedEvent[] }) => {
    checkedStreams += 1;
    const report = verifyChain(stream.streamId, stream.events);
    if (!report.ok) broken.push(report);
  };

  let after: { streamId: string; version: number } | null = null;
  for (;;) {
    const rows: EventRow[] = after
      ? await readEvents<EventRow>(
          store,
          (table) => `SELECT ${EVENT_COLUMNS} FROM ${table} WHERE (stream_id, stream_version) > ($1, $2::int) ORDER BY stream_id, stream_version LIMIT $3`,
          [after.streamId, after.version, pageSize],
        )
      : await readEvents<EventRow>(store, (table) => `SELECT ${EVENT_COLUMNS} FROM ${table} ORDER BY stream_id, stream_version LIMIT $1`, [pageSize]);
    for (const row of rows) {
      if (current && current.streamId !== row.stream_id) {
        finish(current);
        current = null;
      }
      current ??= { streamId: row.stream_id, events: [] };
      current.events.push(toRecorded(row));
    }
    checkedEvents += rows.length;
    if (rows.length < pageSize) break;
    options.onProgress?.(checkedEvents, Math.max(total, checkedEvents));
    const last = rows[rows.length - 1];
    after = { streamId: last.stream_id, version: last.stream_version };
  }
  if (current) finish(current);
  options.onProgress?.(checkedEvents, checkedEvents);
  return { checkedStreams, checkedEvents, broken };
}
