import { DynamicModule, Module } from '@nestjs/common';
import { ServiceOptions, serviceModule } from '@reform/subgraph';
import { KeepAssignmentFacts } from './automation/when-assignment-changed-then-keep-facts/keep-assignment-facts';
import { PlanIssuedConsumer } from './automation/when-plan-issued-then-define-regime/plan-issued.consumer';
import { PLAN_REGIME_OPTIONS, PLAN_REGIMES_QUEUE, PlanRegimeJobs, PlanRegimeOptions } from './automation/when-plan-issued-then-define-regime/plan-regime-jobs';
import { REMINDER_OPTIONS, ReminderOptions, ReminderScheduler } from './automation/when-deadline-nears-or-passes-then-remind/reminder-scheduler';
import { REPORTING_GRAPHQL_TYPES } from './graphql-types';
import { CompletenessResolver, UnitReportingResolver } from './read/completeness/completeness.graphql';
import { CompletenessQuery } from './read/completeness/completeness.query';
import { ReportExportResolver } from './read/exports/report-export.graphql';
import { RegimesResolver } from './read/regimes/regimes.graphql';
import { ReportAccess } from './read/reports/report-access';
import { ReportsResolver } from './read/reports/reports.graphql';
import { reportingMigrations } from './reporting-migrations';
import { publishReportingEvent } from './publish';
import { REPORTING_SCHEMA } from './schema';
import { AcceptReportResolver } from './write/accept-report/accept-report.graphql';
import { ApproveReportResolver } from './write/approve-report/approve-report.graphql';
import { DefineRegimeResolver } from './write/define-regime/define-regime.graphql';
import { LinkPlanToRegimeResolver } from './write/link-plan-to-regime/link-plan-to-regime.graphql';
import { PeriodOpening } from './write/open-period/open-period';
import { OpenPeriodResolver } from './write/open-period/open-period.graphql';
import { ReportActions } from './write/common/report-actions';
import { ReopenReportResolver } from './write/reopen-report/reopen-report.graphql';
import { ReturnReportResolver } from './write/return-report/return-report.graphql';
import { SaveReportDraftResolver } from './write/save-report-draft/save-report-draft.graphql';
import { ReportingCommands } from './write/common/reporting-commands';
import { SubmitReportResolver } from './write/submit-report/submit-report.graphql';
import { WaiveReportResolver } from './write/waive-report/waive-report.graphql';

export interface ReportingOptions extends ServiceOptions {
  readonly reminders?: ReminderOptions;
  /** The job queue that makes regimes of issued plans' reporting requirements. */
  readonly planRegimes?: PlanRegimeOptions;
}

export { reportingMigrations } from './reporting-migrations';

/** The reporting service: report regimes, periods, reports up the hierarchy, consolidation, completeness, exports. */
@Module({})
export class ReportingModule {
  static forRoot(options: ReportingOptions): DynamicModule {
    return serviceModule(
      {
        name: 'reporting',
        schema: REPORTING_SCHEMA,
        module: ReportingModule,
        graphqlTypes: REPORTING_GRAPHQL_TYPES,
        migrations: reportingMigrations,
        // Regimes' items for target achievement (ADR 0036); reports that cite assignments, and what became of them,
        // for the tasks' timelines (ADR 0013), with their figures.
        publish: publishReportingEvent,
        unitCopy: true,
        // Issued plans whose reporting requirements wait for their regimes (ADR 0038).
        pendingJobs: [
          {
            queue: 'plan-regimes',
            count: async (dataSource) =>
              Number(
                (
                  await dataSource.query(`SELECT count(*)::int AS n FROM "${REPORTING_SCHEMA}".jobs WHERE queue = $1 AND status = 'pending'`, [
                    PLAN_REGIMES_QUEUE,
                  ])
                )[0].n,
              ),
          },
        ],
        providers: [
          { provide: REMINDER_OPTIONS, useValue: options.reminders ?? {} },
          { provide: PLAN_REGIME_OPTIONS, useValue: options.planRegimes ?? {} },
          ReportingCommands,
          ReportAccess,
          ReportActions,
          PeriodOpening,
          CompletenessQuery,
          KeepAssignmentFacts,
          PlanRegimeJobs,
          PlanIssuedConsumer,
          ReminderScheduler,
          RegimesResolver,
          ReportsResolver,
          CompletenessResolver,
          UnitReportingResolver,
          ReportExportResolver,
          DefineRegimeResolver,
          LinkPlanToRegimeResolver,
          OpenPeriodResolver,
          SaveReportDraftResolver,
          SubmitReportResolver,
          AcceptReportResolver,
          ReturnReportResolver,
          ReopenReportResolver,
          WaiveReportResolver,
          ApproveReportResolver,
        ],
      },
      options,
    );
  }
}
