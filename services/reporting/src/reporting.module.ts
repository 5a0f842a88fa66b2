import { DynamicModule, Module } from '@nestjs/common';
import { ServiceOptions, serviceModule } from '@reform/subgraph';
import { KeepAssignmentFacts } from './automation/when-assignment-changed-then-keep-facts/keep-assignment-facts';
import { REMINDER_OPTIONS, ReminderOptions, ReminderScheduler } from './automation/when-deadline-nears-or-passes-then-remind/reminder-scheduler';
import { REPORTING_GRAPHQL_TYPES } from './graphql-types';
import { CompletenessResolver, UnitReportingResolver } from './read/completeness/completeness.graphql';
import { CompletenessQuery } from './read/completeness/completeness.query';
import { ReportExportResolver } from './read/exports/report-export.graphql';
import { RegimesResolver } from './read/regimes/regimes.graphql';
import { ReportAccess } from './read/reports/report-access';
import { ReportsResolver } from './read/reports/reports.graphql';
import { reportingMigrations } from './reporting-migrations';
import { REPORTING_SCHEMA } from './schema';
import { DefineRegimeResolver } from './write/define-regime/define-regime.graphql';
import { PeriodOpening } from './write/open-period/open-period';
import { OpenPeriodResolver } from './write/open-period/open-period.graphql';
import { ReportActions } from './write/shared/report-actions';
import { ReportingCommands } from './write/shared/reporting-commands';
import { publishReportingEvent } from './publish';
import { ReviewReportResolver } from './write/review-report/review-report.graphql';
import { SubmitReportResolver } from './write/submit-report/submit-report.graphql';

export interface ReportingOptions extends ServiceOptions {
  readonly reminders?: ReminderOptions;
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
        unitCopy: true,
        publish: publishReportingEvent,
        providers: [
          { provide: REMINDER_OPTIONS, useValue: options.reminders ?? {} },
          ReportingCommands,
          ReportAccess,
          ReportActions,
          PeriodOpening,
          CompletenessQuery,
          KeepAssignmentFacts,
          ReminderScheduler,
          RegimesResolver,
          ReportsResolver,
          CompletenessResolver,
          UnitReportingResolver,
          ReportExportResolver,
          DefineRegimeResolver,
          OpenPeriodResolver,
          SubmitReportResolver,
          ReviewReportResolver,
        ],
      },
      options,
    );
  }
}
