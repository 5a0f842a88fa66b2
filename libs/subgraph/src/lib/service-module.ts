import type { NestExpressApplication } from '@nestjs/platform-express';
import { DynamicModule, INestApplication, Logger, LoggerService, LogLevel, ModuleMetadata, Provider, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloFederationDriverConfig } from '@nestjs/apollo';
import { TerminusModule } from '@nestjs/terminus';
import { Logger as PinoNestLogger, LoggerModule } from 'nestjs-pino';
import { LevelWithSilent } from 'pino';
import {
  httpLoggingOptions,
  httpRequestDuration,
  pathLabel,
  requestIdOf,
  setLogLevel,
  traceHttpRequest,
  tracingEnabled,
  withLogContext,
} from '@reform/observability';
import { IncomingMessage, ServerResponse } from 'node:http';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accountAccessProviders, AuthModuleOptions, authProviders, replicatedAccountStatus, SigningKey } from '@reform/auth';
import { CLOCK, Clock, systemClock } from '@reform/clock';
import { EventStoreModule, MigrationClass, runMigrations, serviceDataSourceOptions, ServiceReadModels, warnOnReadModelVersions } from '@reform/event-store';
import { IntegrationEventMapper, MessageBus, MessagingModule, relayMapper } from '@reform/messaging';
import { UNIT_HIERARCHY, UnitHierarchy, UnitHierarchyModule, unitAncestryFrom } from '@reform/unit-hierarchy';
import { API_ERROR_FILTER } from './errors';
import { limitRequestBodies } from './http-limits';
import { IDEMPOTENCY_INTERCEPTOR } from './idempotency.interceptor';
import { healthController } from './readiness';
import { MetricsController, PendingJobsQueue, SERVICE_METRICS_OPTIONS, ServiceMetrics, ServiceMetricsOptions } from './service-metrics';
import { subgraphGraphQLOptions } from './subgraph-options';

/** What every service is given to run: the same for directory, plans, tasks and the services after them. */
export interface ServiceOptions {
  readonly databaseUrl: string;
  /** The bus of this process: JetStreamBus (distributed) or the shared InProcessBus (embedded). */
  readonly bus: MessageBus;
  /** Keys that verify session tokens (the gateway's and the directory's); see libs/auth. */
  readonly signingKeys: readonly SigningKey[];
  readonly poolSize?: number;
  /** "Now" and "today" (Viet Nam's day); the system clock by default. */
  readonly clock?: Clock;
}

/** Access wiring a service may replace (the directory answers from its own accounts and units). */
export type ServiceAccess = Partial<Pick<AuthModuleOptions, 'token' | 'unitAncestry' | 'accountStatus'>>;

/**
 * A service's own parts; `serviceModule` adds what every service shares. A new service is its
 * domain, its resolvers and handlers in `providers`, and one of these:
 *
 *   @Module({})
 *   export class ReportingModule {
 *     static forRoot(options: ServiceOptions): DynamicModule {
 *       return serviceModule({ name: 'reporting', schema: REPORTING_SCHEMA, module: ReportingModule, graphqlTypes: REPORTING_GRAPHQL_TYPES,
 *         migrations: reportingMigrations, unitCopy: true, providers: [ReportResolver, ...] }, options);
 *     }
 *   }
 */
export interface ServiceDefinition {
  /** `plans`: consumer names, the relay's checkpoint key, the health answer, `reform-<name>` in pg_stat_activity. */
  readonly name: string;
  /** Its PostgreSQL schema: event store, inbox, checkpoints, read models. */
  readonly schema: string;
  /** The service's module class: its resolvers make the subgraph. */
  readonly module: Type<unknown>;
  /** The class that registers the subgraph's own GraphQL types (see subgraphTypes). */
  readonly graphqlTypes: Type<unknown>;
  /** Its migrations after the event store's (messaging's, the unit copy's, read models'...). */
  readonly migrations: () => readonly MigrationClass[];
  /** TypeORM entities of its read models, if it uses repositories. */
  readonly entities?: readonly (string | Type<unknown>)[];
  /** Maps its stored events to published integration events (the outbox relay); none: it publishes only its access record. */
  readonly publish?: IntegrationEventMapper;
  /**
   * Keeps a copy of the unit hierarchy from the directory's events (libs/unit-hierarchy) and
   * checks tenancy against it; the migrations must then include unitHierarchyMigrations.
   */
  readonly unitCopy?: boolean;
  /** Replaces the default access wiring: ancestry from the unit copy, account status from the replicated accounts (ADR 0021). */
  readonly access?: (clock: Clock) => ServiceAccess;
  /** Queues of work it runs after events (tasks: the plan fan-out): reform_pending_jobs. */
  readonly pendingJobs?: readonly PendingJobsQueue[];
  readonly providers: readonly Provider[];
  readonly controllers?: readonly Type<unknown>[];
  readonly imports?: ModuleMetadata['imports'];
}

/**
 * One service's Nest module: PostgreSQL (its schema, migrations run at start), its event store,
 * the bus (relay and declared handlers), its copy of the units when asked, its GraphQL subgraph,
 * authentication and access, health (libs/subgraph readiness) and the clock.
 */
export function serviceModule(definition: ServiceDefinition, options: ServiceOptions): DynamicModule {
  const { name, schema } = definition;
  const clock = options.clock ?? systemClock;
  const access = definition.access?.(clock) ?? {};
  const unitAncestry =
    access.unitAncestry ??
    (definition.unitCopy ? { inject: [UNIT_HIERARCHY], useFactory: (units: UnitHierarchy) => unitAncestryFrom(units, clock) } : undefined);
  if (!unitAncestry) throw new Error(`${name}: no unit ancestry for access checks (give unitCopy or access.unitAncestry)`);
  return {
    module: definition.module,
    imports: [
      TypeOrmModule.forRootAsync({
        useFactory: () =>
          serviceDataSourceOptions({
            url: options.databaseUrl,
            schema,
            migrations: definition.migrations(),
            entities: definition.entities ? [...definition.entities] : [],
            poolSize: options.poolSize,
            applicationName: `reform-${name}`,
          }),
        dataSourceFactory: async (dataSourceOptions) => {
          if (!dataSourceOptions) throw new Error(`${name}: no DataSource options`);
          const dataSource = new DataSource(dataSourceOptions);
          await runMigrations(dataSource);
          return dataSource;
        },
      }),
      EventStoreModule.forService(schema),
      MessagingModule.forService({ bus: options.bus, service: name, schema, publish: definition.publish }),
      ...(definition.unitCopy ? [UnitHierarchyModule.forService({ schema })] : []),
      GraphQLModule.forRoot<ApolloFederationDriverConfig>(
        subgraphGraphQLOptions({ module: definition.module, types: definition.graphqlTypes, signingKeys: options.signingKeys }),
      ),
      TerminusModule.forRoot({ errorLogStyle: 'json' }),
      // JSON lines through the process's pino logger, one per request with its id (docs/operations.md).
      LoggerModule.forRoot({ pinoHttp: httpLoggingOptions(name) }),
      ...(definition.imports ?? []),
    ],
    controllers: [healthController(name), MetricsController, ...(definition.controllers ?? [])],
    providers: [
      { provide: CLOCK, useValue: clock },
      {
        provide: SERVICE_METRICS_OPTIONS,
        useValue: {
          service: name,
          schema,
          relay: relayMapper(name, definition.publish) !== null,
          pendingJobs: definition.pendingJobs,
        } satisfies ServiceMetricsOptions,
      },
      ServiceMetrics,
      ...definition.providers,
      ...authProviders({
        signingKeys: options.signingKeys,
        token: access.token,
        unitAncestry,
        // Sessions of disabled accounts, revoked roles or changed passwords end here too (ADR 0021).
        accountStatus: access.accountStatus ?? replicatedAccountStatus(schema),
      }),
      ...accountAccessProviders(schema),
      API_ERROR_FILTER,
      IDEMPOTENCY_INTERCEPTOR,
    ],
  };
}

/** Where and how a service listens; the rest of `ServiceOptions` goes to its module. */
export interface ServiceAppOptions {
  readonly port: number;
  readonly host?: string;
  readonly logger?: LoggerService | LogLevel[] | false;
}

/**
 * Boots a service's module as an HTTP app on `port` (embedded launcher, distributed main, tests):
 * request size limits, shutdown hooks, a warning for read models a rebuild filled with another
 * projection version than this code's (ADR 0011).
 */
export async function createServiceApp(module: DynamicModule, readModels: ServiceReadModels, options: ServiceAppOptions): Promise<INestApplication> {
  const given = options.logger;
  const custom = given !== undefined && given !== false && !Array.isArray(given);
  if (!custom) setLogLevel(pinoLevelOf(given ?? ['error', 'warn', 'log']));
  const app = await NestFactory.create(module, custom ? { logger: given } : { bufferLogs: true });
  if (!custom) app.useLogger(app.get(PinoNestLogger));
  // Every line written while handling a request carries its id; this runs before the request
  // logger (module middleware), whose genReqId then finds the same id in X-Request-Id.
  app.use((request: IncomingMessage, response: ServerResponse, next: () => void) => withLogContext({ requestId: requestIdOf(request, response) }, next));
  // The GraphQL request's span (ADR 0028), continuing the gateway's traceparent; with tracing off
  // no middleware is added.
  if (tracingEnabled()) {
    app.use((request: IncomingMessage, response: ServerResponse, next: () => void) =>
      pathLabel(request.url) === '/graphql' ? traceHttpRequest(readModels.service, request, response, next) : next(),
    );
  }
  // reform_http_request_duration_seconds, by the service that answered.
  app.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const stop = httpRequestDuration.startTimer({ service: readModels.service, method: request.method ?? 'GET', path: pathLabel(request.url) });
    response.once('finish', () => stop({ status: String(response.statusCode) }));
    next();
  });
  limitRequestBodies(app);
  // No ETag: GraphQL answers are POST responses that nothing revalidates, and Express hashed each
  // whole answer for one (a province's plan progress is 60 KB, about 2 % of its CPU).
  (app as NestExpressApplication).set('etag', false);
  app.enableShutdownHooks();
  await warnOnReadModelVersions(app.get(DataSource), readModels, (line) => new Logger('ReadModels').warn(line));
  await app.listen(options.port, options.host ?? '127.0.0.1');
  return app;
}

/** Nest's level list (`['error', 'warn', 'log']`) as pino's lowest level; none: silent. */
function pinoLevelOf(levels: LogLevel[] | false): LevelWithSilent {
  if (levels === false || levels.length === 0) return 'silent';
  const order: Array<[LogLevel, LevelWithSilent]> = [
    ['verbose', 'trace'],
    ['debug', 'debug'],
    ['log', 'info'],
    ['warn', 'warn'],
    ['error', 'error'],
    ['fatal', 'fatal'],
  ];
  return order.find(([nest]) => levels.includes(nest))?.[1] ?? 'info';
}
