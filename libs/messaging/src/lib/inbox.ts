import { DataSource, EntityManager } from 'typeorm';
import { assertSchemaName } from '@reform/event-store';
import { IntegrationMessage } from './message';

const afterCommitOf = new WeakMap<EntityManager, Array<() => void>>();

/**
 * Runs `action` once the inbox transaction that `manager` belongs to has committed, and not at all
 * if it rolls back: for what lives beside the database, such as a cache of the rows the handler
 * changed, which must not be refilled from the old rows before the new ones are visible. Outside an
 * inbox transaction it runs at once.
 */
export function afterCommit(manager: EntityManager, action: () => void): void {
  const actions = afterCommitOf.get(manager);
  if (actions) actions.push(action);
  else action();
}

/**
 * Exactly-once effects over at-least-once delivery: the inbox row and the handler's effect
 * commit in one transaction. A redelivered message finds its row and is acknowledged without
 * running the effect again; a crash before commit leaves neither, and the redelivery runs it.
 */
export class Inbox {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    this.table = `"${assertSchemaName(schema)}".inbox`;
  }

  /** One transaction, then what its handler asked to run after the commit (afterCommit). */
  private async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const actions: Array<() => void> = [];
    const result = await this.dataSource.transaction((manager) => {
      afterCommitOf.set(manager, actions);
      return work(manager);
    });
    for (const action of actions) action();
    return result;
  }

  async handle(consumer: string, message: IntegrationMessage, effect: (manager: EntityManager) => Promise<void>): Promise<'applied' | 'duplicate'> {
    return this.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO ${this.table} (consumer, event_id, message_name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumer, message.eventId, message.name],
      );
      if (inserted.length === 0) return 'duplicate';
      await effect(manager);
      return 'applied';
    });
  }

  /**
   * The same for a batch in one transaction: the effect runs once, on the messages this consumer
   * has not handled before (none: no effect).
   */
  async handleBatch(
    consumer: string,
    messages: readonly IntegrationMessage[],
    effect: (manager: EntityManager, fresh: readonly IntegrationMessage[]) => Promise<void>,
  ): Promise<number> {
    return this.transaction(async (manager) => {
      const inserted: Array<{ event_id: string }> = await manager.query(
        `INSERT INTO ${this.table} (consumer, event_id, message_name)
         SELECT $1, e.id, e.name FROM unnest($2::uuid[], $3::text[]) AS e(id, name)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumer, messages.map((message) => message.eventId), messages.map((message) => message.name)],
      );
      const fresh = new Set(inserted.map((row) => row.event_id));
      const todo = messages.filter((message) => fresh.has(message.eventId));
      if (todo.length) await effect(manager, todo);
      return todo.length;
    });
  }
}
