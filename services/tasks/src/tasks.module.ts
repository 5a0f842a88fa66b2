import { DynamicModule, Module } from '@nestjs/common';
import { ServiceOptions, serviceModule } from '@reform/subgraph';
import { TASKS_GRAPHQL_TYPES } from './graphql-types';
import { OVERDUE_OPTIONS, OverdueOptions, OverdueScheduler } from './automation/when-day-passes-then-mark-overdue/overdue-scheduler';
import { FAN_OUT_OPTIONS, FanOutOptions, PLAN_EVENTS_QUEUE, PlanEventJobs } from './automation/plan-event-jobs';
import { PlanEventsConsumer } from './automation/when-plan-event-received-then-enqueue-reaction/plan-events.consumer';
import { publishAssignmentEvent } from './publish';
import { KeepReportEvents } from './automation/when-report-cites-assignment-then-keep-for-timeline/keep-report-events';
import { OpenWorkAcrossReorganisation } from './automation/when-unit-merged-or-split-then-pass-open-assignments/pass-open-assignments';
import { AssignmentAccess } from './read/assignments/assignment-access';
import { AssignmentList } from './read/assignments/assignment-list';
import { AssignmentResolver } from './read/assignments/assignment.graphql';
import { TaskTimelineResolver } from './read/task-timeline/task-timeline.graphql';
import { TaskTimelineQuery } from './read/task-timeline/task-timeline.query';
import { AssignmentRecord } from './read/assignments/assignment.record';
import { PlanTree } from './read/plan-progress/plan-tree';
import { PlanProgressQuery } from './read/plan-progress/plan-progress';
import { PlanAssignmentsResolver, UnitAssignmentsResolver } from './read/plan-progress/plan-progress.graphql';
import { PublicProgressResolver } from './read/plan-progress/public-progress.graphql';
import { TASKS_SCHEMA } from './schema';
import { tasksMigrations } from './tasks-migrations';
import { AcceptAssignmentResolver } from './write/accept-assignment/accept-assignment.graphql';
import { AssignmentCommands } from './write/common/assignment-commands';
import { AssignmentMutation } from './write/common/assignment-mutation';
import { CompleteAssignmentResolver } from './write/complete-assignment/complete-assignment.graphql';
import { GrantExtensionResolver } from './write/grant-extension/grant-extension.graphql';
import { AllocateAssignmentResolver } from './write/allocate-assignment/allocate-assignment.graphql';
import { RefuseExtensionResolver } from './write/refuse-extension/refuse-extension.graphql';
import { RequestExtensionResolver } from './write/request-extension/request-extension.graphql';
import { ReportProgressResolver } from './write/report-progress/report-progress.graphql';

/** The clock gives "now" for due days, overdue marks and command days. */
export interface TasksOptions extends ServiceOptions {
  readonly overdue?: OverdueOptions;
  readonly fanOut?: FanOutOptions;
}

export { tasksMigrations } from './tasks-migrations';

/** The tasks service: assignments fanned out from plans, their lifecycle, overdue, progress roll-ups. */
@Module({})
export class TasksModule {
  static forRoot(options: TasksOptions): DynamicModule {
    return serviceModule(
      {
        name: 'tasks',
        schema: TASKS_SCHEMA,
        module: TasksModule,
        graphqlTypes: TASKS_GRAPHQL_TYPES,
        migrations: tasksMigrations,
        entities: [AssignmentRecord],
        // Assignment events go out for reports pre-filled from them (reporting, ADR 0031).
        publish: publishAssignmentEvent,
        unitCopy: true,
        // Plan events waiting for their fan-out (the worker's queue).
        pendingJobs: [
          {
            queue: 'plan-fan-out',
            count: async (dataSource) =>
              Number(
                (
                  await dataSource.query(`SELECT count(*)::int AS n FROM "${TASKS_SCHEMA}".jobs WHERE queue = $1 AND status = 'pending'`, [PLAN_EVENTS_QUEUE])
                )[0].n,
              ),
          },
        ],
        providers: [
          { provide: OVERDUE_OPTIONS, useValue: options.overdue ?? {} },
          { provide: FAN_OUT_OPTIONS, useValue: options.fanOut ?? {} },
          AssignmentCommands,
          AssignmentAccess,
          AssignmentList,
          AssignmentMutation,
          PlanTree,
          PlanProgressQuery,
          PlanEventJobs,
          PlanEventsConsumer,
          KeepReportEvents,
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
          RequestExtensionResolver,
          GrantExtensionResolver,
          AllocateAssignmentResolver,
          RefuseExtensionResolver,
        ],
      },
      options,
    );
  }
}
