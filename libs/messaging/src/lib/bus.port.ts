import { IntegrationMessage } from './message';

export interface SubscribeOptions {
  /** Durable consumer name: stable across restarts, e.g. `tasks.WhenPlanIssued.createAssignments`. */
  readonly consumer: string;
  /** Subjects or wildcards (`directory.unit.>`), all within one service's stream. */
  readonly subjects: readonly string[];
  /** Attempts before the message becomes a dead letter (default 5). */
  readonly maxDeliver?: number;
  /** Delay before a failed message is offered again, multiplied by the attempt (default 200 ms). */
  readonly retryDelayMs?: number;
  /**
   * JetStream only: how long a delivery may stay unacknowledged before the server offers it again
   * (default 30 s). A handler slower than this runs twice concurrently; the inbox keeps the effect
   * single. The in-process bus awaits its handlers and needs no such timer.
   */
  readonly ackWaitMs?: number;
}

export type MessageHandler = (message: IntegrationMessage, delivery: { readonly attempt: number }) => Promise<void>;

/** Several consecutive messages of one consumer, handled together (e.g. in one transaction). */
export type BatchHandler = (messages: readonly IntegrationMessage[]) => Promise<void>;

export interface Subscription {
  stop(): Promise<void>;
}

/** A message a consumer failed to handle `maxDeliver` times; operators list and replay it. */
export interface DeadLetter {
  readonly id: string;
  readonly consumer: string;
  readonly message: IntegrationMessage;
  readonly error: string;
  readonly attempts: number;
  readonly failedAt: string;
}

/**
 * The bus port (ADR 0004). Adapters: JetStreamBus (distributed mode) and InProcessBus (embedded
 * mode, unit tests); both pass the same contract suite (../testing/message-bus.contract.ts).
 * Delivery is at least once; consumers get exactly-once effects through the Inbox.
 */
export interface MessageBus {
  /** Resolves once the bus has durably accepted the message; a repeated eventId is dropped. */
  publish(message: IntegrationMessage): Promise<void>;
  subscribe(options: SubscribeOptions, handler: MessageHandler): Promise<Subscription>;
  /**
   * Optional: up to `maxBatch` consecutive messages per call, for consumers that catch up on many
   * at once (a copy of the unit hierarchy: ~16,000 units on first start). A failed batch is
   * retried message by message with the usual redelivery and dead-letter rules. Callers fall back
   * to `subscribe` with one-message batches where an adapter has no batching.
   */
  subscribeBatch?(options: SubscribeOptions & { readonly maxBatch: number }, handler: BatchHandler): Promise<Subscription>;
  deadLetters(consumer?: string): Promise<DeadLetter[]>;
  /** Hands the dead letter to its consumer's handler again (it must be subscribed in this process); removes it on success. */
  replayDeadLetter(id: string): Promise<void>;
  /** Optional: per durable consumer, the messages it has yet to take or acknowledge (the consumer-lag metric). */
  consumerLag?(): Promise<ReadonlyArray<{ readonly consumer: string; readonly pending: number }>>;
  /** Optional: resolves when the broker answers now (readiness); the in-process bus has none. */
  ping?(): Promise<void>;
  close(): Promise<void>;
}

export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
