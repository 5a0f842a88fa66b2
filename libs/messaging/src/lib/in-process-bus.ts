import { Logger } from '@nestjs/common';
import { extractTraceHeaders, injectTraceHeaders, tracingEnabled, withTraceContext } from '@reform/observability';
import { BatchHandler, DeadLetter, MessageBus, MessageHandler, SubscribeOptions, Subscription } from './bus.port';
import { IntegrationMessage, subjectMatches } from './message';

interface Consumer {
  readonly options: SubscribeOptions & { readonly maxDeliver: number; readonly retryDelayMs: number };
  handler: MessageHandler | null;
  /** Set for batch consumers: the handler above then wraps it for one message. */
  batch: { handler: BatchHandler; max: number } | null;
  /** Index of the next message of the log to offer (durable across stop/subscribe in the process). */
  cursor: number;
  running: Promise<void> | null;
  wake: (() => void) | null;
}

/**
 * The bus of the embedded mode: one process, no server. It keeps JetStream's semantics that
 * matter to services: a retained log (a durable consumer created late still gets earlier
 * messages), per-consumer cursors, de-duplication by event id, bounded redelivery, dead letters.
 */
export class InProcessBus implements MessageBus {
  private readonly log: IntegrationMessage[] = [];
  private readonly seen = new Set<string>();
  /** The trace headers each message was published with (tracing on only), as JetStream keeps them with the message. */
  private readonly traceHeaders = new Map<string, Record<string, string>>();
  private readonly consumers = new Map<string, Consumer>();
  private readonly dead = new Map<string, DeadLetter>();
  private nextDeadLetter = 1;
  private closed = false;
  private readonly logger = new Logger('InProcessBus');

  async publish(message: IntegrationMessage): Promise<void> {
    if (this.closed) throw new Error('InProcessBus is closed');
    if (this.seen.has(message.eventId)) return;
    this.seen.add(message.eventId);
    if (tracingEnabled()) {
      const headers: Record<string, string> = {};
      injectTraceHeaders((key, value) => (headers[key] = value));
      this.traceHeaders.set(message.eventId, headers);
    }
    this.log.push(message);
    for (const consumer of this.consumers.values()) consumer.wake?.();
  }

  async subscribe(options: SubscribeOptions, handler: MessageHandler): Promise<Subscription> {
    return this.start(options, handler, null);
  }

  async subscribeBatch(options: SubscribeOptions & { readonly maxBatch: number }, handler: BatchHandler): Promise<Subscription> {
    return this.start(options, (message) => handler([message]), { handler, max: Math.max(1, options.maxBatch) });
  }

  private async start(options: SubscribeOptions, handler: MessageHandler, batch: Consumer['batch']): Promise<Subscription> {
    const existing = this.consumers.get(options.consumer);
    if (existing?.handler) throw new Error(`Consumer ${options.consumer} is already subscribed`);
    const consumer: Consumer = existing ?? {
      options: { ...options, maxDeliver: options.maxDeliver ?? 5, retryDelayMs: options.retryDelayMs ?? 200 },
      handler: null,
      batch: null,
      cursor: 0,
      running: null,
      wake: null,
    };
    consumer.handler = handler;
    consumer.batch = batch;
    this.consumers.set(options.consumer, consumer);
    consumer.running = this.run(consumer);
    return {
      stop: async () => {
        consumer.handler = null;
        consumer.wake?.();
        await consumer.running;
      },
    };
  }

  async consumerLag(): Promise<Array<{ consumer: string; pending: number }>> {
    return [...this.consumers.entries()].map(([name, consumer]) => ({
      consumer: name,
      pending: this.log.slice(consumer.cursor).filter((message) => consumer.options.subjects.some((pattern) => subjectMatches(pattern, message.subject)))
        .length,
    }));
  }

  async deadLetters(consumer?: string): Promise<DeadLetter[]> {
    return [...this.dead.values()].filter((letter) => !consumer || letter.consumer === consumer);
  }

  async replayDeadLetter(id: string): Promise<void> {
    const letter = this.dead.get(id);
    if (!letter) throw new Error(`No dead letter ${id}`);
    const handler = this.consumers.get(letter.consumer)?.handler;
    if (!handler) throw new Error(`Consumer ${letter.consumer} is not subscribed in this process`);
    await handler(letter.message, { attempt: letter.attempts + 1 });
    this.dead.delete(id);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      [...this.consumers.values()].map(async (consumer) => {
        consumer.handler = null;
        consumer.wake?.();
        await consumer.running;
      }),
    );
  }

  private async run(consumer: Consumer): Promise<void> {
    while (consumer.handler && !this.closed) {
      if (consumer.cursor >= this.log.length) {
        await new Promise<void>((resolve) => (consumer.wake = resolve));
        consumer.wake = null;
        continue;
      }
      if (consumer.batch) {
        if (!(await this.deliverBatch(consumer, consumer.batch))) return;
        continue;
      }
      const message = this.log[consumer.cursor];
      if (consumer.options.subjects.some((pattern) => subjectMatches(pattern, message.subject))) {
        const delivered = await this.deliver(consumer, message);
        if (!delivered) return; // stopped while retrying: resume from this message next time
      }
      consumer.cursor++;
    }
  }

  /** The next run of matching messages in one call; on failure, one by one with the usual retries. */
  private async deliverBatch(consumer: Consumer, batch: NonNullable<Consumer['batch']>): Promise<boolean> {
    const messages: IntegrationMessage[] = [];
    let end = consumer.cursor;
    for (; end < this.log.length && messages.length < batch.max; end++) {
      const message = this.log[end];
      if (consumer.options.subjects.some((pattern) => subjectMatches(pattern, message.subject))) messages.push(message);
    }
    if (messages.length) {
      try {
        if (!consumer.handler || this.closed) return false;
        await batch.handler(messages);
      } catch {
        for (const message of messages) if (!(await this.deliver(consumer, message))) return false;
      }
    }
    consumer.cursor = end;
    return true;
  }

  private async deliver(consumer: Consumer, message: IntegrationMessage): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const handler = consumer.handler;
      if (!handler || this.closed) return false;
      try {
        const headers = this.traceHeaders.get(message.eventId);
        await (headers
          ? withTraceContext(
              extractTraceHeaders((key) => headers[key]),
              () => handler(message, { attempt }),
            )
          : handler(message, { attempt }));
        return true;
      } catch (error) {
        if (attempt >= consumer.options.maxDeliver) {
          const id = String(this.nextDeadLetter++);
          this.logger.error(
            `Dead letter ${id}: ${consumer.options.consumer} failed ${message.name} ${message.eventId} ${attempt} times: ${(error as Error).message}`,
          );
          this.dead.set(id, {
            id,
            consumer: consumer.options.consumer,
            message,
            error: (error as Error).message,
            attempts: attempt,
            failedAt: new Date().toISOString(),
          });
          return true;
        }
        await new Promise((resolve) => setTimeout(resolve, consumer.options.retryDelayMs * attempt));
      }
    }
  }
}
