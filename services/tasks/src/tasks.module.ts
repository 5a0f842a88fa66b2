import { TASKS_GRAPHQL_TYPES } from './graphql-types';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApolloFederationDriverConfig } from '@nestjs/apollo';
import { accountAccessProviders, authProviders, replicatedAccountStatus, SigningKey } from '@reform/auth';
import { EventStoreModule, runMigrations, serviceDataSourceOptions } from '@reform/event-store';
import { MessageBus, MessagingModule } from '@reform/messaging';
import { API_ERROR_FILTER, IDEMPOTENCY_INTERCEPTOR, subgraphGraphQLOptions } from '@reform/subgraph';
import { UNIT_HIERARCHY, UnitHierarchy, UnitHierarchyModule, unitAncestryFrom } from '@reform/unit-hierarchy';
import { CLOCK, Clock, systemClock } from '@reform/clock';
import { OVERDUE_OPTIONS, OverdueOptions, OverdueScheduler } from './automation/overdue/overdue-scheduler';
import { FAN_OUT_OPTIONS, FanOutOptions, PlanEventsConsumer } from './automation/plan-events.consumer';
import { OpenWorkAcrossReorganisation } from './automation/when-unit-merged-or-split-then-pass-open-assignments/pass-open-assignments';
import { HealthController } from './health.controller';
import { publishAssignmentEvent } from './publish';
import { AssignmentAccess } from './read/assignments/assignment-access';
import { AssignmentList } from './read/assignments/assignment-list';
import { AssignmentResolver } from './read/assignments/assignment.graphql';
import { TaskTimelineResolver } from './read/task-timeline/task-timeline.graphql';
import { TaskTimelineQuery } from './read/task-timeline/task-timeline.query';
import { AssignmentRecord } from './read/assignments/assignment.record';
import { PlanProgressQuery } from './read/plan-progress/plan-progress';
import { PlanAssignmentsResolver, UnitAssignmentsResolver } from './read/plan-progress/plan-progress.graphql';
import { PublicProgressResolver } from './read/plan-progress/public-progress.graphql';
import { TASKS_SCHEMA } from './schema';
import { tasksMigrations } from './tasks-migrations';
import { AcceptAssignmentResolver } from './write/accept-assignment/accept-assignment.graphql';
import { AssignmentCommands } from './write/assignment-commands';
import { AssignmentMutation } from './write/assignment-mutation';
import { CompleteAssignmentResolver } from './write/complete-assignment/complete-assignment.graphql';
import { ExtensionResolver } from './write/extensions/extensions.graphql';
import { ReportProgressResolver } from './write/report-progress/report-progress.graphql';

export interface TasksOptions {
  readonly databaseUrl: string;
  readonly bus: MessageBus;
  /** Keys that verify session tokens (the gateway's and the directory's); see libs/auth. */
  readonly signingKeys: readonly SigningKey[];
  readonly poolSize?: number;
  /** "Now" for due days, overdue marks and command days; the system clock by default. */
  readonly clock?: Clock;
  readonly overdue?: OverdueOptions;
  readonly fanOut?: FanOutOptions;
}

export { tasksMigrations } from './tasks-migrations';

/** The tasks service: assignments fanned out from plans, their lifecycle, overdue, progress roll-ups. */
@Module({})
export class TasksModule {
  static forRoot(options: TasksOptions): DynamicModule {
    const clock = options.clock ?? systemClock;
    return {
      module: TasksModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            serviceDataSourceOptions({
              url: options.databaseUrl,
              schema: TASKS_SCHEMA,
              migrations: tasksMigrations(),
              entities: [AssignmentRecord],
              poolSize: options.poolSize,
              applicationName: 'reform-tasks',
            }),
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('tasks: no DataSource options');
            const dataSource = new DataSource(dataSourceOptions);
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
        EventStoreModule.forService(TASKS_SCHEMA),
        // Task assignments' creation, progress, completion, extensions, overdue marks (issue 18: reports are pre-filled from them).
        MessagingModule.forService({ bus: options.bus, service: 'tasks', schema: TASKS_SCHEMA, publish: publishAssignmentEvent }),
        UnitHierarchyModule.forService({ schema: TASKS_SCHEMA }),
        GraphQLModule.forRoot<ApolloFederationDriverConfig>(subgraphGraphQLOptions({ module: TasksModule, types: TASKS_GRAPHQL_TYPES, signingKeys: options.signingKeys })),
      ],
      controllers: [HealthController],
      providers: [
        { provide: CLOCK, useValue: clock },
        { provide: OVERDUE_OPTIONS, useValue: options.overdue ?? {} },
        { provide: FAN_OUT_OPTIONS, useValue: options.fanOut ?? {} },
        AssignmentCommands,
        AssignmentAccess,
        AssignmentList,
        AssignmentMutation,
        PlanProgressQuery,
        PlanEventsConsumer,
        OpenWorkAcrossReorganisation,
        OverdueScheduler,
        AssignmentResolver,
        TaskTimelineQuery,
        TaskTimelineResolver,
        UnitAssignmentsResolver,
        PlanAssignmentsResolver,
        PublicProgressResolver,
        AcceptAssignmentResolver,
        ReportProgressResolver,
        CompleteAssignmentResolver,
        ExtensionResolver,
        ...authProviders({
          signingKeys: options.signingKeys,
          unitAncestry: { inject: [UNIT_HIERARCHY], useFactory: (units: UnitHierarchy) => unitAncestryFrom(units, clock) },
          // Sessions of disabled accounts, revoked roles or changed passwords end here too (ADR 0021).
          accountStatus: replicatedAccountStatus(TASKS_SCHEMA),
        }),
        ...accountAccessProviders(TASKS_SCHEMA),
        API_ERROR_FILTER,
        IDEMPOTENCY_INTERCEPTOR,
      ],
    };
  }
}
