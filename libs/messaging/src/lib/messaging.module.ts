import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown, SetMetadata } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACCESS_RECORD_STREAM_PREFIX, AUDITOR_QUERIED_EVENT, AUDITOR_QUERIED_V1, ContractRegistry, IntegrationEventContract } from '@reform/contracts';
import { EVENT_STORE, EventStore } from '@reform/event-store';
import { inSpan, SpanKind, withLogContext } from '@reform/observability';
import { MESSAGE_BUS, MessageBus, Subscription } from './bus.port';
import { IntegrationMessage } from './message';
import { Inbox } from './inbox';
import { IntegrationEventMapper, OutboxRelay, toIntegrationMessage } from './outbox-relay';

const INTEGRATION_HANDLER = 'reform:integration-handler';
const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
const MESSAGING_DATA_SOURCE = Symbol('MESSAGING_DATA_SOURCE');

interface HandlerMetadata {
  readonly contracts: readonly IntegrationEventContract[];
  readonly consumer?: string;
  readonly maxDeliver?: number;
  readonly batch?: number;
}

/** What a batch handler receives: each message with its validated payload. */
export interface IntegrationItem<Data = unknown> {
  readonly data: Data;
  readonly message: IntegrationMessage;
}

/**
 * Declares a reaction to another service's integration event:
 *
 *   @OnIntegrationEvent(PlanIssued)
 *   async createAssignments(data: PlanIssuedV1, message: IntegrationMessage, manager: EntityManager) {...}
 *
 * The method runs once per event (inbox), in a transaction of the service's database given as
 * `manager`, with `data` validated against the contract. The durable consumer is named
 * `<service>.<Class>.<method>` unless `consumer` is given; renaming the method renames the
 * consumer, so give `consumer` explicitly once a handler is in production.
 *
 * Given several contracts of one aggregate, one durable consumer takes them all (subject
 * `<service>.<aggregate>.>`) in the order they were published: a replica that must see
 * UnitEstablished before UnitRenamed needs that, where one consumer per contract would race.
 *
 * With `batch: N` the method receives `(items: IntegrationItem[], manager)`: up to N consecutive
 * messages in one transaction (with their inbox rows) where the bus can batch, one otherwise.
 */
export const OnIntegrationEvent = (
  contract: IntegrationEventContract<any> | readonly IntegrationEventContract<any>[],
  options: { consumer?: string; maxDeliver?: number; batch?: number } = {},
) =>
  SetMetadata(INTEGRATION_HANDLER, {
    contracts: Array.isArray(contract) ? contract : [contract as IntegrationEventContract],
    ...options,
  } satisfies HandlerMetadata);

/** The one subject a handler's consumer listens to: the contract's, or its aggregate's wildcard. */
export function handlerSubject(contracts: readonly IntegrationEventContract[]): string {
  if (contracts.length === 0) throw new Error('OnIntegrationEvent needs at least one contract');
  if (contracts.length === 1) return contracts[0].subject;
  const aggregates = new Set(contracts.map((contract) => `${contract.service}.${contract.aggregate}`));
  if (aggregates.size !== 1)
    throw new Error(`OnIntegrationEvent: contracts of one consumer must share service and aggregate, got ${[...aggregates].join(', ')}`);
  return `${[...aggregates][0]}.>`;
}

export interface MessagingModuleOptions {
  /** The bus of this process: JetStreamBus (distributed) or the shared InProcessBus (embedded). */
  readonly bus: MessageBus;
  /** Service name: consumer names and the relay's checkpoint key. */
  readonly service: string;
  /** The service's PostgreSQL schema (inbox, checkpoints). */
  readonly schema: string;
  /** Publishes the service's events through the outbox relay when given. */
  readonly publish?: IntegrationEventMapper;
  /** Contracts with upcasters for older versions. */
  readonly registry?: ContractRegistry;
  readonly relayIdleMs?: number;
  readonly dataSourceName?: string;
}

/**
 * Inject it in a service's write side to wake the relay right after a commit, so that the event
 * leaves now rather than at the next poll (`relayIdleMs`). Without a relay it does nothing.
 */
@Injectable()
export class RelayControl {
  relay: OutboxRelay | null = null;

  nudge(): void {
    this.relay?.nudge();
  }

  /** Events the relay dead-lettered since it started (metrics; the table holds them all, ADR 0024). */
  get deadLetteredCount(): number {
    return this.relay?.deadLetteredCount ?? 0;
  }
}

@Injectable()
class IntegrationRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private readonly subscriptions: Subscription[] = [];
  private relay: OutboxRelay | null = null;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MESSAGING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly control: RelayControl,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const inbox = new Inbox(this.dataSource, this.options.schema);
    const registry = this.options.registry ?? new ContractRegistry();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, (...args: unknown[]) => Promise<void>> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const metadata: HandlerMetadata | undefined = Reflect.getMetadata(INTEGRATION_HANDLER, prototype[method]);
        if (!metadata) continue;
        const consumer = metadata.consumer ?? `${this.options.service}.${prototype.constructor.name}.${method}`;
        const subject = handlerSubject(metadata.contracts);
        const byName = new Map(metadata.contracts.map((contract) => [contract.name, contract]));
        const accept = (message: IntegrationMessage): IntegrationItem | null => {
          const contract = byName.get(message.name);
          return contract ? { data: registry.accept(contract, message.version, message.data), message } : null;
        };
        const options = { consumer, subjects: [subject], maxDeliver: metadata.maxDeliver };
        let subscription: Subscription;
        if (metadata.batch) {
          const handleBatch = async (messages: readonly IntegrationMessage[]) => {
            // A batch's lines carry its first event's correlation (a batch is one aggregate's consecutive events).
            if (messages.length)
              return withLogContext({ correlationId: messages[0].metadata.correlationId, eventId: messages[0].eventId }, () => applyBatch(messages));
          };
          const applyBatch = async (messages: readonly IntegrationMessage[]) => {
            const items = messages.map(accept).filter((item): item is IntegrationItem => item !== null);
            if (!items.length) return;
            const byId = new Map(items.map((item) => [item.message.eventId, item]));
            await inbox.handleBatch(
              consumer,
              items.map((item) => item.message),
              (manager, fresh) =>
                instance[method].call(
                  instance,
                  fresh.map((message) => byId.get(message.eventId)),
                  manager,
                ),
            );
          };
          subscription = this.bus.subscribeBatch
            ? await this.bus.subscribeBatch({ ...options, maxBatch: metadata.batch }, handleBatch)
            : await this.bus.subscribe(options, (message) => handleBatch([message]));
        } else {
          subscription = await this.bus.subscribe(options, async (message) => {
            const item = accept(message);
            // Every line the handler writes, and every event it appends through the command
            // helpers, carries the handled event's correlation id (docs/operations.md).
            if (!item) return;
            // The consumer's span continues the publisher's trace (the bus made its context
            // active); what the handler appends or enqueues is part of it (ADR 0028).
            await inSpan(
              `process ${message.subject}`,
              {
                kind: SpanKind.CONSUMER,
                attributes: {
                  'messaging.operation.type': 'process',
                  'messaging.destination.name': message.subject,
                  'messaging.message.id': message.eventId,
                  'messaging.consumer.group.name': consumer,
                  'reform.correlation_id': message.metadata.correlationId,
                },
              },
              async (span) => {
                const outcome = await withLogContext({ correlationId: message.metadata.correlationId, eventId: message.eventId }, () =>
                  inbox.handle(consumer, message, (manager) => instance[method].call(instance, item.data, message, manager)),
                );
                span.setAttribute('reform.inbox', outcome);
              },
            );
          });
        }
        this.subscriptions.push(subscription);
        this.logger.log(`${consumer} listens to ${subject}`);
      }
    }
    // Every service publishes its access record (auditors' queries), whatever else it publishes.
    const map = relayMapper(this.options.service, this.options.publish);
    if (map) {
      this.relay = new OutboxRelay({
        name: this.options.service,
        store: this.store,
        dataSource: this.dataSource,
        schema: this.options.schema,
        bus: this.bus,
        map,
        idleMs: this.options.relayIdleMs,
      });
      this.control.relay = this.relay;
      this.relay.start();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.control.relay = null;
    await this.relay?.stop();
    for (const subscription of this.subscriptions.splice(0)) await subscription.stop();
  }
}

/** Wires a service to the bus: its outbox relay and its declared handlers (ADR 0004). */
@Module({})
export class MessagingModule {
  static forService(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: MESSAGE_BUS, useValue: options.bus },
        { provide: MESSAGING_DATA_SOURCE, useExisting: getDataSourceToken(options.dataSourceName) },
        RelayControl,
        IntegrationRuntime,
      ],
      exports: [MESSAGE_BUS, RelayControl],
    };
  }
}

/**
 * What a service's relay publishes: its access record and what `publish` maps (null: nothing).
 * `npm run republish` uses the same mapping.
 */
export function relayMapper(service: string, publish?: IntegrationEventMapper): IntegrationEventMapper | null {
  const accessRecord = accessRecordMapper(service);
  if (!accessRecord && !publish) return null;
  return (event) => accessRecord?.(event) ?? publish?.(event) ?? null;
}

/**
 * The relay mapping of a service's access record: `AuditorQueried` events of `access-` streams as
 * `<service>.AuditorQueried` v1. Null for a service the contracts do not list (nothing to publish).
 */
export function accessRecordMapper(service: string): IntegrationEventMapper | null {
  const contract = (AUDITOR_QUERIED_V1 as Record<string, (typeof AUDITOR_QUERIED_V1)['directory'] | undefined>)[service];
  if (!contract) return null;
  return (event) =>
    event.streamId.startsWith(ACCESS_RECORD_STREAM_PREFIX) && event.type === AUDITOR_QUERIED_EVENT
      ? toIntegrationMessage(event, contract, contract.validate(event.data))
      : null;
}
