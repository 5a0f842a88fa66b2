import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore, GlobalPosition, RecordedEvent, START, assertSchemaName } from '@reform/event-store';
import { IntegrationEventContract } from '@reform/contracts';
import { contextOfTraceparent, inSpan, SpanKind } from '@reform/observability';
import { MessageBus } from './bus.port';
import { IntegrationMessage } from './message';

/** Maps a stored domain event to the contract other services may see, or null to keep it private. */
export type IntegrationEventMapper = (event: RecordedEvent) => IntegrationMessage | null;

export interface OutboxRelayOptions {
  /** Checkpoint key, e.g. `directory`. */
  readonly name: string;
  readonly store: EventStore;
  readonly dataSource: DataSource;
  readonly schema: string;
  readonly bus: MessageBus;
  readonly map: IntegrationEventMapper;
  readonly batchSize?: number;
  /** Poll interval when caught up. */
  readonly idleMs?: number;
}

/**
 * The transactional outbox without a second table: the event store is the outbox. The relay
 * tails it in commit order from a persisted checkpoint, publishes, and saves the checkpoint after
 * the batch. A crash between publish and checkpoint republishes the batch; the bus drops repeated
 * event ids and consumers' inboxes drop the rest. Nothing is lost, nothing applied twice.
 *
 * An event whose mapping throws (a mapper's fault, not the bus's) is isolated: recorded as a
 * dead letter with the checkpoint of its batch, counted, and the rest flows on; retrying it
 * (`npm run dead-letters -- <service> retry <id>`, once the mapper is fixed) has the relay map
 * and publish it at its next step (ADR 0024). Retrying forever would stop the whole service's
 * flow behind one event.
 */
export class OutboxRelay {
  private readonly logger: Logger;
  private readonly table: string;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private nudged = false;
  private published = 0;
  private deadLettered = 0;
  private readonly deadLetters: string;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = new Logger(`OutboxRelay:${options.name}`);
    this.table = `"${assertSchemaName(options.schema)}".relay_checkpoints`;
    this.deadLetters = `"${options.schema}".dead_letters`;
  }

  get publishedCount(): number {
    return this.published;
  }

  /** Events this relay dead-lettered since it started, because their mapping threw. */
  get deadLetteredCount(): number {
    return this.deadLettered;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Lets the relay look now instead of at its next poll (after a local commit). */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** Publishes everything committed so far, then returns (tests, one-shot tools). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.step();
      total += count;
      if (count === 0) return total;
    }
  }

  async checkpoint(): Promise<GlobalPosition> {
    const [row] = await this.options.dataSource.query(
      `SELECT transaction_id::text AS transaction_id, position::text AS position FROM ${this.table} WHERE relay = $1`,
      [this.options.name],
    );
    return row ? { transactionId: row.transaction_id, position: row.position } : START;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      // Its database connection was closed for good (the app closed without stopping the relay,
      // as a finished test may): retrying would only fill the log with "Driver not Connected".
      if (!this.options.dataSource.isInitialized) {
        this.logger.warn('Relay stops: its data source was closed');
        break;
      }
      try {
        const count = await this.step();
        failures = 0;
        if (count > 0) continue;
      } catch (error) {
        failures++;
        this.logger.warn(`Relay step failed (${failures} in a row), retrying: ${(error as Error).message}`);
      }
      // A nudge or stop that came while the step ran must not wait out a whole poll interval
      // (after a failure the relay waits all the same: the nudge found the same outage).
      if (this.stopping || (this.nudged && failures === 0)) {
        this.nudged = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min((this.options.idleMs ?? 100) * 2 ** Math.min(failures, 6), 10_000));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
      this.nudged = false;
    }
  }

  private async step(): Promise<number> {
    await this.retryRequested();
    const from = await this.checkpoint();
    const { events, position } = await this.options.store.readAll(from, this.options.batchSize ?? 500);
    if (events.length === 0) return 0;
    const messages: IntegrationMessage[] = [];
    const traceparents: Array<string | undefined> = [];
    const failed: Array<{ event: RecordedEvent; error: string }> = [];
    for (const event of events) {
      try {
        const message = this.options.map(event);
        if (message) {
          messages.push(message);
          traceparents.push(event.metadata.traceparent);
        }
      } catch (error) {
        failed.push({ event, error: (error as Error).message || String(error) });
      }
    }
    // Publishes are pipelined on one connection, so the bus receives them in commit order.
    await Promise.all(messages.map((message, index) => this.publish(message, traceparents[index])));
    // The dead letters and the checkpoint past them commit together: a crash before leaves
    // neither, and the batch is read (and the mapping fails) again.
    let fresh = 0;
    await this.options.dataSource.transaction(async (manager) => {
      for (const { event, error } of failed) {
        const [row] = await manager.query(
          `INSERT INTO ${this.deadLetters} (source, queue, ref, key, name, payload, error, attempts, first_failed_at, last_failed_at)
           VALUES ('relay', $1, $2, $3, $4, $5, $6, 1, now(), now())
           ON CONFLICT (source, queue, ref) DO UPDATE SET error = EXCLUDED.error, attempts = ${this.deadLetters}.attempts + 1, last_failed_at = now()
           RETURNING id::text, attempts`,
          [this.options.name, event.eventId, event.streamId, event.type, JSON.stringify(event), error],
        );
        if (row.attempts === 1) fresh++;
        this.logger.error(`${event.type} ${event.eventId} of ${event.streamId}: mapping failed, dead letter ${row.id}, the rest flows on: ${error}`);
      }
      await manager.query(
        `INSERT INTO ${this.table} (relay, transaction_id, position, updated_at) VALUES ($1, $2::xid8, $3, now())
         ON CONFLICT (relay) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position, updated_at = now()`,
        [this.options.name, position.transactionId, position.position],
      );
    });
    this.deadLettered += fresh;
    this.published += messages.length;
    return events.length;
  }

  /**
   * Publishes in a span that continues the trace of the append that recorded the event (its
   * metadata's traceparent, ADR 0028): the bus carries this span's context in the message's
   * headers. An event recorded without one is published without a span.
   */
  private publish(message: IntegrationMessage, traceparent: string | undefined): Promise<void> {
    if (!traceparent) return this.options.bus.publish(message);
    return inSpan(
      `publish ${message.subject}`,
      {
        kind: SpanKind.PRODUCER,
        parent: contextOfTraceparent(traceparent),
        attributes: {
          'messaging.operation.type': 'send',
          'messaging.destination.name': message.subject,
          'messaging.message.id': message.eventId,
          'reform.relay': this.options.name,
        },
      },
      () => this.options.bus.publish(message),
    );
  }

  /**
   * The dead letters an operator asked to retry: mapped and published again (deleted once
   * published), or kept with one more attempt when the mapping still fails. Published after the
   * events that followed it: a consumer's order per stream is not restored by a late retry.
   */
  private async retryRequested(): Promise<void> {
    const rows: Array<{ id: string; payload: RecordedEvent & { recordedAt: string } }> = await this.options.dataSource.query(
      `SELECT id::text, payload FROM ${this.deadLetters} WHERE source = 'relay' AND queue = $1 AND retry_requested_at IS NOT NULL ORDER BY id`,
      [this.options.name],
    );
    for (const { id, payload } of rows) {
      const event: RecordedEvent = { ...payload, recordedAt: new Date(payload.recordedAt) };
      let message: IntegrationMessage | null;
      try {
        message = this.options.map(event);
      } catch (error) {
        const reason = (error as Error).message || String(error);
        this.logger.error(`${event.type} ${event.eventId}: mapping failed again on retry, dead letter ${id} kept: ${reason}`);
        await this.options.dataSource.query(
          `UPDATE ${this.deadLetters} SET retry_requested_at = NULL, attempts = attempts + 1, error = $2, last_failed_at = now() WHERE id = $1`,
          [id, reason],
        );
        continue;
      }
      if (message) await this.publish(message, event.metadata.traceparent);
      await this.options.dataSource.query(`DELETE FROM ${this.deadLetters} WHERE id = $1`, [id]);
      if (message) this.published++;
      this.logger.log(`${event.type} ${event.eventId}: dead letter ${id} retried and ${message ? 'published' : 'kept private by the mapping'}`);
    }
  }
}

/** Builds the envelope for a contract from a recorded event (the usual mapper body). */
export function toIntegrationMessage<Data>(
  event: RecordedEvent,
  contract: { name: string; version: number; subject: string },
  data: Data,
): IntegrationMessage<Data> {
  return {
    eventId: event.eventId,
    name: contract.name,
    version: contract.version,
    subject: contract.subject,
    data,
    metadata: {
      actor: event.metadata.actor,
      tenant: event.metadata.tenant,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
      recordedAt: event.recordedAt.toISOString(),
      stream: event.streamId,
      streamVersion: event.streamVersion,
    },
  };
}

/**
 * A stored event as its contract's message, the payload validated first (a mapper that throws
 * dead-letters the event: nothing leaves that the contract refuses). What a service's publisher
 * answers for each event it publishes.
 */
export function validatedMessage<Data>(event: RecordedEvent, contract: IntegrationEventContract<Data>, payload: NoInfer<Data>): IntegrationMessage<Data> {
  return toIntegrationMessage(event, contract, contract.validate(payload));
}
