import { DataSource } from 'typeorm';
import { EventMetadata, EventStore } from '../lib/event-store.port';

/**
 * Transaction ids that gain a digit, as a server's counter does in its life: a reader that
 * compares them as text ("10000" < "9998") skips events there (issue 11).
 */
export const COMMIT_ORDER_CROSSINGS: Array<[string, bigint[]]> = [
  ['9,999 → 10,000', [9998n, 9999n, 10000n, 10001n, 10002n, 10003n]],
  ['99,999 → 100,000', [99998n, 99999n, 100000n, 100001n, 100002n, 100003n]],
];

/**
 * The ids given by `commitAt` must lie in the past of the server's counter (readAll reads only what
 * is older than the oldest running transaction): on a young cluster, burn ids until it is.
 */
export async function transactionCounterPast(dataSource: DataSource, xid: number): Promise<void> {
  for (;;) {
    const [{ current }] = await dataSource.query(`SELECT pg_current_xact_id()::text::bigint AS current`);
    if (Number(current) > xid) return;
    await dataSource.query(`DO $$ BEGIN FOR i IN 1..20000 LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`);
  }
}

/**
 * Appends one `Committed` event per id, each in its own transaction, then gives it that
 * transaction id; in reverse, so that global_position disagrees with commit order and only the
 * transaction id can put them in order. Returns the event ids in commit order.
 */
export async function commitAt(dataSource: DataSource, store: EventStore, schema: string, xids: readonly bigint[], metadata: EventMetadata): Promise<string[]> {
  const ids: string[] = [];
  for (const xid of [...xids].reverse()) {
    const { events } = await store.append(`s-${xid}`, 'no_stream', [{ type: 'Committed', data: { xid: String(xid) } }], metadata);
    await dataSource.query(`UPDATE "${schema}".events SET transaction_id = $1::text::xid8 WHERE event_id = $2`, [String(xid), events[0].eventId]);
    ids.unshift(events[0].eventId);
  }
  return ids;
}
