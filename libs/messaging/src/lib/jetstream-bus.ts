import { Logger } from '@nestjs/common';
import { connect } from '@nats-io/transport-node';
import { NatsConnection, headers as natsHeaders, nanos } from '@nats-io/nats-core';
import { AckPolicy, DeliverPolicy, JetStreamClient, JetStreamManager, jetstream, jetstreamManager, ConsumerMessages } from '@nats-io/jetstream';
import { DeadLetter, MessageBus, MessageHandler, SubscribeOptions, Subscription } from './bus.port';
import { IntegrationMessage } from './message';

export interface JetStreamBusOptions {
  readonly servers: string | string[];
  /**
   * Namespaces subjects and stream names, so that tests (and several platforms on one NATS)
   * never meet: subject `<prefix>directory.unit.UnitEstablished`, stream `<PREFIX>DIRECTORY`.
   * Empty in production. Letters, digits and underscores only.
   */
  readonly prefix?: string;
  /** JetStream drops a repeated Nats-Msg-Id inside this window (default 2 minutes). */
  readonly duplicateWindowMs?: number;
  readonly name?: string;
}

const DEAD_LETTER_SERVICE = 'deadletter';

/**
 * The NATS JetStream adapter (ADR 0004): one stream per service (`<service>.>`), Nats-Msg-Id =
 * event id, durable pull consumers with explicit ack, bounded redelivery, then a dead-letter
 * record in the DEADLETTER stream and `term` of the poison message.
 */
export class JetStreamBus implements MessageBus {
  private readonly logger = new Logger('JetStreamBus');
  private readonly prefix: string;
  private readonly streams = new Map<string, Promise<void>>();
  private readonly handlers = new Map<string, MessageHandler>();
  private readonly running = new Set<ConsumerMessages>();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly options: JetStreamBusOptions,
  ) {
    this.prefix = options.prefix ?? '';
    if (!/^[A-Za-z0-9_]*$/.test(this.prefix)) throw new Error(`JetStream prefix "${this.prefix}" may hold letters, digits and underscores only`);
  }

  static async connect(options: JetStreamBusOptions): Promise<JetStreamBus> {
    const nc = await connect({ servers: options.servers, name: options.name ?? 'reform-platform', maxReconnectAttempts: -1 });
    return new JetStreamBus(nc, jetstream(nc), await jetstreamManager(nc), options);
  }

  /** The connection, for tests that must cut it to simulate a crash. */
  get connection(): NatsConnection {
    return this.nc;
  }

  streamName(service: string): string {
    return `${this.prefix}${service}`.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  }

  async publish(message: IntegrationMessage): Promise<void> {
    await this.ensureStream(serviceOf(message.subject));
    const headers = natsHeaders();
    headers.set('Reform-Contract', `${message.name}.v${message.version}`);
    headers.set('Reform-Correlation-Id', message.metadata.correlationId);
    await this.js.publish(this.subject(message.subject), JSON.stringify(message), { msgID: message.eventId, headers });
  }

  async subscribe(options: SubscribeOptions, handler: MessageHandler): Promise<Subscription> {
    const maxDeliver = options.maxDeliver ?? 5;
    const retryDelayMs = options.retryDelayMs ?? 200;
    const services = new Set(options.subjects.map(serviceOf));
    if (services.size !== 1) throw new Error(`Consumer ${options.consumer}: subjects must belong to one service's stream`);
    const stream = this.streamName([...services][0]);
    await this.ensureStream([...services][0]);
    this.handlers.set(options.consumer, handler);

    // nats-server 2.9 (Debian) allows one filter subject per consumer: one durable per subject.
    const loops = await Promise.all(
      options.subjects.map(async (subject, index) => {
        const durable = durableName(options.consumer, options.subjects.length > 1 ? index : undefined);
        const config = {
          durable_name: durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          filter_subject: this.subject(subject),
          ack_wait: nanos(options.ackWaitMs ?? 30_000),
          // A fuse against a message that crashes the process before it can be failed cleanly.
          max_deliver: maxDeliver * 2,
        };
        try {
          await this.jsm.consumers.info(stream, durable);
          await this.jsm.consumers.update(stream, durable, { ack_wait: config.ack_wait, max_deliver: config.max_deliver });
        } catch {
          await this.jsm.consumers.add(stream, config);
        }
        const consumer = await this.js.consumers.get(stream, durable);
        const messages = await consumer.consume({ max_messages: 64 });
        this.running.add(messages);
        const done = (async () => {
          for await (const msg of messages) {
            const attempt = msg.info.deliveryCount;
            let message: IntegrationMessage;
            try {
              message = JSON.parse(msg.string()) as IntegrationMessage;
            } catch {
              // Not ours to retry: nothing will ever parse it. Logged, then dropped for this consumer.
              this.logger.error(`${options.consumer}: unreadable message on ${msg.subject} (stream sequence ${msg.seq}), terminated`);
              msg.term();
              continue;
            }
            try {
              await handler(message, { attempt });
              msg.ack();
            } catch (error) {
              if (attempt < maxDeliver) {
                msg.nak(retryDelayMs * attempt);
                continue;
              }
              try {
                await this.recordDeadLetter(options.consumer, message, error as Error, attempt);
                msg.term();
              } catch (recordError) {
                // The dead letter is not safe yet: let JetStream offer the message again (its own
                // max_deliver fuse is twice ours) rather than lose it.
                this.logger.error(`${options.consumer}: could not record the dead letter of ${message.eventId}: ${(recordError as Error).message}`);
                msg.nak(retryDelayMs * attempt);
              }
            }
          }
        })();
        return { messages, done };
      }),
    );
    return {
      stop: async () => {
        this.handlers.delete(options.consumer);
        for (const loop of loops) {
          this.running.delete(loop.messages);
          await loop.messages.close();
          await loop.done.catch(() => undefined);
        }
      },
    };
  }

  async deadLetters(consumer?: string): Promise<DeadLetter[]> {
    const stream = this.streamName(DEAD_LETTER_SERVICE);
    await this.ensureStream(DEAD_LETTER_SERVICE);
    const info = await this.jsm.streams.info(stream);
    const letters: DeadLetter[] = [];
    if (info.state.messages === 0) return letters;
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const stored = await this.jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (!stored) continue; // deleted after a successful replay
      const letter = { ...(stored.json() as Omit<DeadLetter, 'id'>), id: String(seq) };
      if (!consumer || letter.consumer === consumer) letters.push(letter);
    }
    return letters;
  }

  async replayDeadLetter(id: string): Promise<void> {
    const stream = this.streamName(DEAD_LETTER_SERVICE);
    const stored = await this.jsm.streams.getMessage(stream, { seq: Number(id) }).catch(() => null);
    if (!stored) throw new Error(`No dead letter ${id}`);
    const letter = stored.json() as Omit<DeadLetter, 'id'>;
    const handler = this.handlers.get(letter.consumer);
    if (!handler) throw new Error(`Consumer ${letter.consumer} is not subscribed in this process`);
    await handler(letter.message, { attempt: letter.attempts + 1 });
    await this.jsm.streams.deleteMessage(stream, Number(id));
  }

  /**
   * For operators, from any process: puts a dead letter's message back on its subject (under a
   * new Nats-Msg-Id) and removes the record. Every consumer of the subject sees it again; those
   * that had applied it find it in their inbox and skip it, so only the failed consumer acts.
   */
  async republishDeadLetter(id: string): Promise<IntegrationMessage> {
    const stream = this.streamName(DEAD_LETTER_SERVICE);
    const stored = await this.jsm.streams.getMessage(stream, { seq: Number(id) }).catch(() => null);
    if (!stored) throw new Error(`No dead letter ${id}`);
    const { message } = stored.json() as Omit<DeadLetter, 'id'>;
    await this.ensureStream(serviceOf(message.subject));
    await this.js.publish(this.subject(message.subject), JSON.stringify(message), { msgID: `${message.eventId}:replay:${id}` });
    await this.jsm.streams.deleteMessage(stream, Number(id));
    return message;
  }

  /** Removes this bus's streams (tests clean up after themselves). */
  async deleteStreams(): Promise<void> {
    for (const service of this.streams.keys()) await this.jsm.streams.delete(this.streamName(service)).catch(() => undefined);
    this.streams.clear();
  }

  async close(): Promise<void> {
    for (const messages of this.running) await messages.close().catch(() => undefined);
    this.running.clear();
    await this.nc.drain().catch(() => this.nc.close());
  }

  private subject(subject: string): string {
    return `${this.prefix}${subject}`;
  }

  private ensureStream(service: string): Promise<void> {
    let ready = this.streams.get(service);
    if (!ready) {
      const name = this.streamName(service);
      const config = { name, subjects: [`${this.prefix}${service}.>`], duplicate_window: nanos(this.options.duplicateWindowMs ?? 120_000) };
      ready = this.jsm.streams
        .info(name)
        .then(() => this.jsm.streams.update(name, { duplicate_window: config.duplicate_window }).then(() => undefined))
        .catch(async () => {
          await this.jsm.streams.add(config);
        });
      ready.catch(() => this.streams.delete(service));
      this.streams.set(service, ready);
    }
    return ready;
  }

  private async recordDeadLetter(consumer: string, message: IntegrationMessage, error: Error, attempts: number): Promise<void> {
    this.logger.error(`Dead letter: ${consumer} failed ${message.name} ${message.eventId} ${attempts} times: ${error.message}`);
    await this.ensureStream(DEAD_LETTER_SERVICE);
    const letter: Omit<DeadLetter, 'id'> = { consumer, message, error: error.message, attempts, failedAt: new Date().toISOString() };
    await this.js.publish(this.subject(`${DEAD_LETTER_SERVICE}.${durableName(consumer)}`), JSON.stringify(letter), { msgID: `${consumer}:${message.eventId}:${attempts}` });
  }
}

function serviceOf(subject: string): string {
  return subject.split('.')[0];
}

/** Durable names may not contain dots or wildcards. */
function durableName(consumer: string, index?: number): string {
  const base = consumer.replace(/[^A-Za-z0-9_-]/g, '_');
  return index === undefined ? base : `${base}_${index}`;
}
