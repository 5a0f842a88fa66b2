import { Logger } from '@nestjs/common';
import { connect } from '@nats-io/transport-node';
import { NatsConnection, headers as natsHeaders, nanos } from '@nats-io/nats-core';
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamClient,
  JetStreamManager,
  jetstream,
  jetstreamManager,
  ConsumerMessages,
  JsMsg,
  Placement,
  StorageType,
  StreamInfo,
} from '@nats-io/jetstream';
import { isConnectionError } from '@reform/event-store';
import { extractTraceHeaders, injectTraceHeaders, withTraceContext } from '@reform/observability';
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
  /**
   * Replicas of every stream (1–5). Default: 3 when the server is part of a cluster, else 1.
   * Applied to existing streams too (JetStream moves them on update).
   */
  readonly replicas?: number;
  /** `file` (default) or `memory`; an existing stream keeps its storage (JetStream cannot change it) and a warning says so. */
  readonly storage?: 'file' | 'memory';
  /** Where the streams' replicas go: a cluster name and/or server tags. */
  readonly placement?: { readonly cluster?: string; readonly tags?: readonly string[] };
  /**
   * At start, wait until a server answers (retrying every reconnect interval) instead of failing
   * at once: a service started while NATS is down waits in place; an operator's command (false,
   * the default) says at once that NATS is not there.
   */
  readonly waitForServer?: boolean;
}

const DEAD_LETTER_SERVICE = 'deadletter';

/** The bus options from the environment's NATS_* variables (libs/config `natsConfig`), the same in every process. */
export function jetStreamOptionsFrom(
  config: {
    NATS_URL: string;
    NATS_PREFIX: string;
    NATS_STREAM_REPLICAS?: number;
    NATS_STREAM_STORAGE: 'file' | 'memory';
    NATS_STREAM_PLACEMENT_CLUSTER?: string;
    NATS_STREAM_PLACEMENT_TAGS: string[];
  },
  name: string,
): JetStreamBusOptions {
  return {
    servers: config.NATS_URL,
    prefix: config.NATS_PREFIX,
    name,
    replicas: config.NATS_STREAM_REPLICAS,
    storage: config.NATS_STREAM_STORAGE,
    placement: { cluster: config.NATS_STREAM_PLACEMENT_CLUSTER, tags: config.NATS_STREAM_PLACEMENT_TAGS },
  };
}

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
  /** Every consumer loop of this bus: closing the bus ends them (a closed connection never comes back). */
  private readonly loops = new Set<{ stopped: boolean; wake: (() => void) | null; stream?: string; durable?: string }>();

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
    // A list (array, or "nats://a:4222,nats://b:4222") is a cluster's seed servers: the client
    // connects to one and moves to another when it goes away.
    const servers = (Array.isArray(options.servers) ? options.servers : options.servers.split(',')).map((server) => server.trim()).filter(Boolean);
    const nc = await connect({
      servers,
      name: options.name ?? 'reform-platform',
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: options.waitForServer ?? false,
    });
    // The API is not checked here: on a cluster that has lost its quorum the check would fail with
    // "jetstream is not enabled"; the first stream operation says what is wrong instead, and the
    // readiness check (ping) reports it.
    return new JetStreamBus(nc, jetstream(nc), await jetstreamManager(nc, { checkAPI: false }), options);
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
    // W3C trace context (traceparent, tracestate) of the publishing span, when tracing is on (ADR 0028).
    injectTraceHeaders((key, value) => headers.set(key, value));
    await this.js.publish(this.subject(message.subject), JSON.stringify(message), { msgID: message.eventId, headers }).catch((error: unknown) => {
      throw this.explain(error, this.streamName(serviceOf(message.subject)));
    });
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
    const loops = options.subjects.map((subject, index) => {
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
      return { stream, durable, config, stopped: false, messages: null as ConsumerMessages | null, done: Promise.resolve(), wake: null as (() => void) | null };
    });
    const handle = async (msg: JsMsg, loop: (typeof loops)[number]) => {
      const attempt = msg.info.deliveryCount;
      let message: IntegrationMessage;
      try {
        message = JSON.parse(msg.string()) as IntegrationMessage;
      } catch {
        // Not ours to retry: nothing will ever parse it. Logged, then dropped for this consumer.
        this.logger.error(`${options.consumer}: unreadable message on ${msg.subject} (stream sequence ${msg.seq}), terminated`);
        msg.term();
        return;
      }
      // The handler runs in the publisher's trace context (the message's traceparent header).
      const traceContext = extractTraceHeaders((key) => msg.headers?.get(key) || undefined);
      for (let outage = 0; ; outage++) {
        try {
          await withTraceContext(traceContext, () => handler(message, { attempt }));
          msg.ack();
          if (outage > 0) this.logger.log(`${options.consumer}: ${message.name} ${message.eventId} handled after the outage`);
          return;
        } catch (error) {
          // The database (or broker) is away: not the message's fault. Hold it (telling JetStream
          // we still work on it) and try again, rather than spend its attempts and dead-letter it.
          if (isConnectionError(error) && !loop.stopped) {
            if (outage === 0) this.logger.warn(`${options.consumer}: ${message.name} ${message.eventId} waits for the database: ${(error as Error).message}`);
            msg.working();
            await pause(Math.min(200 * 2 ** Math.min(outage, 5), 5_000), loop);
            continue;
          }
          if (loop.stopped || attempt < maxDeliver) {
            msg.nak(retryDelayMs * attempt);
            return;
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
          return;
        }
      }
    };
    // Each durable's loop: (re)attach to the consumer and take its messages, for as long as the
    // subscription lasts. A broker outage, a stream leader change or a consumer lost with its
    // store ends or breaks the iterator; the loop logs, waits a little and attaches again.
    const run = async (loop: (typeof loops)[number]) => {
      for (let failures = 0; !loop.stopped && !this.nc.isClosed();) {
        try {
          await this.ensureConsumer(stream, loop.durable, loop.config);
          const consumer = await this.js.consumers.get(stream, loop.durable);
          // Pulls expire after 5 s with a heartbeat every second: a pull lost with a stream or
          // consumer leader is noticed after two missed heartbeats and renewed, within seconds
          // rather than after the library's default 30 s.
          const messages = await consumer.consume({ max_messages: 64, expires: 5_000, idle_heartbeat: 1_000 });
          if (loop.stopped) {
            await messages.close();
            break;
          }
          loop.messages = messages;
          this.running.add(messages);
          if (failures > 0) this.logger.log(`${options.consumer}: consuming again after ${failures} failed attempt(s)`);
          failures = 0;
          for await (const msg of messages) await handle(msg, loop);
        } catch (error) {
          failures++;
          if (!loop.stopped)
            this.logger.warn(
              `${options.consumer}: consumer ${loop.durable} of ${stream} failed (${failures} in a row), attaching again: ${(error as Error).message}`,
            );
        } finally {
          if (loop.messages) this.running.delete(loop.messages);
          loop.messages = null;
        }
        if (!loop.stopped) await pause(Math.min(250 * 2 ** Math.min(failures, 5), 5_000), loop);
      }
    };
    // The first attachment happens before subscribe returns (as before): a stream or consumer
    // that cannot be made is an error the caller sees at once.
    await Promise.all(loops.map((loop) => this.ensureConsumer(stream, loop.durable, loop.config)));
    for (const loop of loops) this.loops.add(loop);
    for (const loop of loops)
      loop.done = run(loop).catch((error: Error) => this.logger.error(`${options.consumer}: consumer loop ended: ${error.stack ?? error}`));
    return {
      stop: async () => {
        this.handlers.delete(options.consumer);
        for (const loop of loops) {
          loop.stopped = true;
          loop.wake?.();
          await loop.messages?.close().catch(() => undefined);
        }
        for (const loop of loops) await loop.done;
        for (const loop of loops) this.loops.delete(loop);
      },
    };
  }

  /** Creates the durable consumer, or updates the settings we own on an existing one. */
  private async ensureConsumer(stream: string, durable: string, config: { ack_wait: number; max_deliver: number } & Record<string, unknown>): Promise<void> {
    let exists = true;
    try {
      await this.jsm.consumers.info(stream, durable);
    } catch (error) {
      if (!isNotFound(error)) throw this.explain(error, stream);
      exists = false;
    }
    if (exists) await this.jsm.consumers.update(stream, durable, { ack_wait: config.ack_wait, max_deliver: config.max_deliver });
    else await this.jsm.consumers.add(stream, config);
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

  /** Each durable this bus consumes: what JetStream still holds for it (pending + delivered unacknowledged). */
  async consumerLag(): Promise<Array<{ consumer: string; pending: number }>> {
    const lags = await Promise.all(
      [...this.loops].map(async (loop) => {
        if (!loop.stream || !loop.durable) return null;
        const info = await this.jsm.consumers.info(loop.stream, loop.durable);
        return { consumer: loop.durable, pending: info.num_pending + info.num_ack_pending };
      }),
    );
    return lags.filter((lag): lag is { consumer: string; pending: number } => lag !== null);
  }

  /** Readiness: connected, and JetStream answers (a cluster without a meta leader does not). */
  async ping(): Promise<void> {
    if (this.nc.isClosed()) throw new Error('the NATS connection is closed');
    await this.jsm.getAccountInfo();
  }

  async close(): Promise<void> {
    for (const loop of this.loops) {
      loop.stopped = true;
      loop.wake?.();
    }
    this.loops.clear();
    for (const messages of this.running) await messages.close().catch(() => undefined);
    this.running.clear();
    await this.nc.drain().catch(() => this.nc.close());
  }

  private subject(subject: string): string {
    return `${this.prefix}${subject}`;
  }

  /** Stream settings this bus applies: replicas (3 on a cluster, else 1), storage, placement. */
  get streamSettings(): { replicas: number; storage: 'file' | 'memory'; placement?: Placement } {
    const placement = this.options.placement;
    return {
      replicas: this.options.replicas ?? (this.nc.info?.cluster ? 3 : 1),
      storage: this.options.storage ?? 'file',
      ...(placement && (placement.cluster || placement.tags?.length)
        ? { placement: { cluster: placement.cluster ?? '', tags: [...(placement.tags ?? [])] } }
        : {}),
    };
  }

  private ensureStream(service: string): Promise<void> {
    let ready = this.streams.get(service);
    if (!ready) {
      const name = this.streamName(service);
      const settings = this.streamSettings;
      const config = {
        name,
        subjects: [`${this.prefix}${service}.>`],
        duplicate_window: nanos(this.options.duplicateWindowMs ?? 120_000),
        num_replicas: settings.replicas,
        storage: settings.storage === 'memory' ? StorageType.Memory : StorageType.File,
        ...(settings.placement ? { placement: settings.placement } : {}),
      };
      ready = (async () => {
        let info: StreamInfo | null = null;
        try {
          info = await this.jsm.streams.info(name);
        } catch (error) {
          if (!isNotFound(error)) throw this.explain(error, name);
        }
        if (!info) {
          await this.jsm.streams.add(config).catch((error: unknown) => {
            throw this.explain(error, name);
          });
          this.logger.log(`Stream ${name} created (${settings.replicas} replica(s), ${settings.storage})`);
          return;
        }
        if (info.config.storage !== config.storage) {
          this.logger.warn(
            `Stream ${name} keeps its ${info.config.storage} storage (JetStream cannot change it; ${settings.storage} asked): recreate it to change`,
          );
        }
        const current = info.config;
        const placementChanged = settings.placement && JSON.stringify(current.placement ?? {}) !== JSON.stringify(settings.placement);
        if (current.num_replicas !== config.num_replicas || current.duplicate_window !== config.duplicate_window || placementChanged) {
          await this.jsm.streams
            .update(name, {
              duplicate_window: config.duplicate_window,
              num_replicas: config.num_replicas,
              ...(settings.placement ? { placement: settings.placement } : {}),
            })
            .catch((error: unknown) => {
              throw this.explain(error, name);
            });
          if (current.num_replicas !== config.num_replicas) this.logger.log(`Stream ${name}: replicas ${current.num_replicas} → ${config.num_replicas}`);
        }
      })();
      ready.catch(() => this.streams.delete(service));
      this.streams.set(service, ready);
    }
    return ready;
  }

  /**
   * Says what failed in words an operator can act on. The client reports a request nobody
   * answered as "jetstream is not enabled" (503, no responders) or a timeout; for a server that
   * runs JetStream (its INFO says so) that means the stream's leader or quorum is away.
   */
  private explain(error: unknown, stream: string): Error {
    const message = (error as Error)?.message ?? String(error);
    if (this.nc.info && !this.nc.info.jetstream) {
      return new Error(`NATS at ${this.nc.getServer()} does not run JetStream (start nats-server with -js): stream ${stream}: ${message}`, { cause: error });
    }
    if (
      /jetstream is not enabled|no responders|503|timeout|TIMEOUT|stream is offline|no suitable peers|insufficient resources/i.test(message) ||
      (error as { code?: string })?.code === 'TIMEOUT'
    ) {
      return new Error(
        `JetStream stream ${stream} is unreachable (its leader or a quorum of its replicas does not answer; connected to ${this.nc.getServer()}): ${message}`,
        { cause: error },
      );
    }
    return new Error(`JetStream stream ${stream}: ${message}`, { cause: error });
  }

  private async recordDeadLetter(consumer: string, message: IntegrationMessage, error: Error, attempts: number): Promise<void> {
    this.logger.error(`Dead letter: ${consumer} failed ${message.name} ${message.eventId} ${attempts} times: ${error.message}`);
    await this.ensureStream(DEAD_LETTER_SERVICE);
    const letter: Omit<DeadLetter, 'id'> = { consumer, message, error: error.message, attempts, failedAt: new Date().toISOString() };
    await this.js.publish(this.subject(`${DEAD_LETTER_SERVICE}.${durableName(consumer)}`), JSON.stringify(letter), {
      msgID: `${consumer}:${message.eventId}:${attempts}`,
    });
  }
}

/** Sleeps `ms`, or less when the loop is stopped meanwhile. */
function pause(ms: number, loop: { wake: (() => void) | null }): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      loop.wake = null;
      resolve();
    }
    loop.wake = done;
  });
}

function isNotFound(error: unknown): boolean {
  const e = error as { code?: unknown; api_error?: { err_code?: number; code?: number }; message?: string };
  return e?.api_error?.code === 404 || /not found/i.test(e?.message ?? '');
}

function serviceOf(subject: string): string {
  return subject.split('.')[0];
}

/** Durable names may not contain dots or wildcards. */
function durableName(consumer: string, index?: number): string {
  const base = consumer.replace(/[^A-Za-z0-9_-]/g, '_');
  return index === undefined ? base : `${base}_${index}`;
}
