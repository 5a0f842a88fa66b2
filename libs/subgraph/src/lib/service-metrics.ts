import { Controller, Get, Header, Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '@reform/auth';
import { MESSAGE_BUS, MessageBus } from '@reform/messaging';
import { consumerLag, deadLetters, metricsRegistry, metricsText, pendingJobs, relayLagEvents, relayLagSeconds } from '@reform/observability';

export const SERVICE_METRICS_OPTIONS = Symbol('SERVICE_METRICS_OPTIONS');

/** A queue of work a service runs after its events (tasks: the plan fan-out), counted at each scrape. */
export interface PendingJobsQueue {
  readonly queue: string;
  count(dataSource: DataSource): Promise<number>;
}

export interface ServiceMetricsOptions {
  readonly service: string;
  readonly schema: string;
  /** Whether the service runs an outbox relay (relay lag is then read from its checkpoint). */
  readonly relay: boolean;
  readonly pendingJobs?: readonly PendingJobsQueue[];
}

/** Buses already read (embedded mode: the services share one in-process bus; read it once). */
const busesRead = new WeakSet<MessageBus>();

/**
 * Registers a service's readings with the process's metrics (libs/observability): its relay's
 * lag behind its event store, its queues' pending jobs, and the bus's consumer lag and dead
 * letters. Values are read when Prometheus scrapes, never on a timer.
 */
@Injectable()
export class ServiceMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly stops: Array<() => void> = [];

  constructor(
    @Inject(SERVICE_METRICS_OPTIONS) private readonly options: ServiceMetricsOptions,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
  ) {}

  onApplicationBootstrap(): void {
    const { service, schema } = this.options;
    if (this.options.relay) {
      // Events after the checkpoint, in the relay's own order (commit order, then position).
      const lag = async () => {
        const [row] = await this.dataSource.query(
          `WITH c AS (SELECT transaction_id, position FROM "${schema}".relay_checkpoints WHERE relay = $1)
           SELECT count(*)::int AS events, COALESCE(EXTRACT(EPOCH FROM now() - min(e.recorded_at)), 0)::float AS seconds
             FROM "${schema}".events e
            WHERE NOT EXISTS (SELECT 1 FROM c) OR (e.transaction_id, e.global_position) > (SELECT c.transaction_id, c.position FROM c)`,
          [service],
        );
        return { events: Number(row.events), seconds: Math.max(0, Number(row.seconds)) };
      };
      this.stops.push(relayLagEvents.read(async () => [{ labels: { service }, value: (await lag()).events }]));
      this.stops.push(relayLagSeconds.read(async () => [{ labels: { service }, value: (await lag()).seconds }]));
    }
    for (const queue of this.options.pendingJobs ?? []) {
      this.stops.push(pendingJobs.read(async () => [{ labels: { service, queue: queue.queue }, value: await queue.count(this.dataSource) }]));
    }
    if (!busesRead.has(this.bus)) {
      busesRead.add(this.bus);
      const bus = this.bus;
      const stopLag = consumerLag.read(
        async () => (await bus.consumerLag?.())?.map(({ consumer, pending }) => ({ labels: { consumer }, value: pending })) ?? [],
      );
      const stopDead = deadLetters.read(async () => {
        const counts = new Map<string, number>();
        for (const letter of await bus.deadLetters()) counts.set(letter.consumer, (counts.get(letter.consumer) ?? 0) + 1);
        return [...counts].map(([consumer, value]) => ({ labels: { consumer }, value }));
      });
      this.stops.push(() => {
        stopLag();
        stopDead();
        busesRead.delete(bus);
      });
    }
  }

  onApplicationShutdown(): void {
    for (const stop of this.stops.splice(0)) stop();
  }
}

/** GET /metrics: the process's metrics in Prometheus's text format (docs/operations.md). */
@Controller('metrics')
export class MetricsController {
  @Public()
  @Get()
  @Header('content-type', metricsRegistry.contentType)
  async metrics(): Promise<string> {
    return (await metricsText()).body;
  }
}
