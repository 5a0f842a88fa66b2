import { DataSource } from 'typeorm';
import { assertSchemaName, EventStore, GlobalPosition } from '@reform/event-store';
import { MessageBus } from './bus.port';
import { IntegrationEventMapper } from './outbox-relay';
import { IntegrationMessage } from './message';

export interface RepublishOptions {
  readonly store: EventStore;
  readonly bus: MessageBus;
  /** The service's relay mapping (`relayMapper`): the same messages the relay sends. */
  readonly map: IntegrationEventMapper;
  /** Republishes the events after this position (exclusive, like a relay checkpoint). */
  readonly from: GlobalPosition;
  /** Events per page; default 500. */
  readonly batchSize?: number;
  readonly onPage?: (progress: { readonly events: number; readonly published: number; readonly position: GlobalPosition }) => void;
  /**
   * Events known to be committed after `from` when the command started (`countCommittedAfter`):
   * readAll does not pass the oldest running transaction of the cluster, so it keeps reading
   * until it has read that many, for at most `waitMs` (default 30 s).
   */
  readonly committed?: number;
  readonly waitMs?: number;
}

export interface RepublishResult {
  /** Events read from the store after `from`. */
  readonly events: number;
  /** Of which mapped to a message and published (the rest are private to the service). */
  readonly published: number;
  /** The last event read (`from` when none). */
  readonly position: GlobalPosition;
  /** Of `committed`, the events not read before `waitMs` ran out (held back by a running transaction). */
  readonly heldBack: number;
}

/**
 * Publishes again, in commit order, every event of the store after `from`, as the relay would.
 * Repairs a consumer that missed events (a relay position that skipped some, a NATS stream that
 * lost its store): JetStream drops a repeated event id inside its duplicate window and each
 * consumer's inbox drops the rest, so what was already applied is not applied twice. It runs
 * beside the live relay and leaves its checkpoint alone.
 */
export async function republishEvents(options: RepublishOptions): Promise<RepublishResult> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`republish: batchSize must be a positive integer, not ${batchSize}`);
  let position = options.from;
  let events = 0;
  let published = 0;
  const committed = options.committed ?? 0;
  const giveUpAt = Date.now() + (options.waitMs ?? 30_000);
  for (;;) {
    const page = await options.store.readAll(position, batchSize);
    if (page.events.length === 0) {
      if (events >= committed || Date.now() >= giveUpAt) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    const messages = page.events.map(options.map).filter((message): message is IntegrationMessage => message !== null);
    // Pipelined on one connection, so the bus receives them in commit order (as the relay does).
    await Promise.all(messages.map((message) => options.bus.publish(message)));
    events += page.events.length;
    published += messages.length;
    position = page.position;
    options.onPage?.({ events, published, position });
    if (page.events.length < batchSize && events >= committed) break;
  }
  return { events, published, position, heldBack: Math.max(0, committed - events) };
}

/** Events committed after `from` in commit order, whether or not readAll may pass them yet. */
export async function countCommittedAfter(dataSource: DataSource, schema: string, from: GlobalPosition): Promise<number> {
  const [{ n }] = await dataSource.query(
    `SELECT count(*)::bigint AS n FROM "${assertSchemaName(schema)}".events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)`,
    [from.transactionId, from.position],
  );
  return Number(n);
}

/** `<transaction id>/<position>`, both decimal integers: what relay checkpoints and the rebuild print. */
export function parseGlobalPosition(text: string): GlobalPosition {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new Error(`position "${text}" is not <transaction id>/<position>, e.g. 10234/5120`);
  return { transactionId: BigInt(match[1]).toString(), position: BigInt(match[2]).toString() };
}

/**
 * The position just before the first event, in commit order, recorded at or after `instant`:
 * republishing from it sends that event and everything committed after it. Null when no event
 * was recorded since.
 */
export async function positionBeforeInstant(dataSource: DataSource, schema: string, instant: Date): Promise<GlobalPosition | null> {
  const [row] = await dataSource.query(
    `SELECT transaction_id::text AS transaction_id, (global_position - 1)::text AS position FROM "${assertSchemaName(schema)}".events e
     WHERE recorded_at >= $1 ORDER BY e.transaction_id, e.global_position LIMIT 1`,
    [instant.toISOString()],
  );
  return row ? { transactionId: row.transaction_id, position: row.position } : null;
}
