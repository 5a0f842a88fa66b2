import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApolloFederationDriverConfig } from '@nestjs/apollo';
import { accountAccessProviders, authProviders, replicatedAccountStatus, SigningKey } from '@reform/auth';
import { CLOCK, Clock, systemClock } from '@reform/clock';
import { EventStoreModule, runMigrations, serviceDataSourceOptions } from '@reform/event-store';
import { MessageBus, MessagingModule } from '@reform/messaging';
import { API_ERROR_FILTER, IDEMPOTENCY_INTERCEPTOR, subgraphGraphQLOptions } from '@reform/subgraph';
import { UNIT_HIERARCHY, UnitHierarchy, UnitHierarchyModule, unitAncestryFrom } from '@reform/unit-hierarchy';
import { KeepAssignmentFacts } from './automation/when-assignment-changed-then-keep-facts/keep-assignment-facts';
import { REMINDER_OPTIONS, ReminderOptions, ReminderScheduler } from './automation/when-deadline-nears-or-passes-then-remind/reminder-scheduler';
import { REPORTING_GRAPHQL_TYPES } from './graphql-types';
import { HealthController } from './health.controller';
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
import { ReportActions } from './write/report-actions';
import { ReportingCommands } from './write/reporting-commands';
import { ReviewReportResolver } from './write/review-report/review-report.graphql';
import { SubmitReportResolver } from './write/submit-report/submit-report.graphql';

export interface ReportingOptions {
  readonly databaseUrl: string;
  readonly bus: MessageBus;
  /** Keys that verify session tokens (the gateway's and the directory's); see libs/auth. */
  readonly signingKeys: readonly SigningKey[];
  readonly poolSize?: number;
  /** "Now" and Viet Nam's "today" for deadlines, locks and reminders; the system clock by default. */
  readonly clock?: Clock;
  readonly reminders?: ReminderOptions;
}

export { reportingMigrations } from './reporting-migrations';

/** The reporting service: report regimes, periods, reports up the hierarchy, consolidation, completeness, exports. */
@Module({})
export class ReportingModule {
  static forRoot(options: ReportingOptions): DynamicModule {
    const clock = options.clock ?? systemClock;
    return {
      module: ReportingModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            serviceDataSourceOptions({
              url: options.databaseUrl,
              schema: REPORTING_SCHEMA,
              migrations: reportingMigrations(),
              entities: [],
              poolSize: options.poolSize,
              applicationName: 'reform-reporting',
            }),
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('reporting: no DataSource options');
            const dataSource = new DataSource(dataSourceOptions);
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
        EventStoreModule.forService(REPORTING_SCHEMA),
        // Publishes its access record (auditors' queries); report events stay inside for now.
        MessagingModule.forService({ bus: options.bus, service: 'reporting', schema: REPORTING_SCHEMA }),
        UnitHierarchyModule.forService({ schema: REPORTING_SCHEMA }),
        GraphQLModule.forRoot<ApolloFederationDriverConfig>(subgraphGraphQLOptions({ module: ReportingModule, types: REPORTING_GRAPHQL_TYPES, signingKeys: options.signingKeys })),
      ],
      controllers: [HealthController],
      providers: [
        { provide: CLOCK, useValue: clock },
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
        ...authProviders({
          signingKeys: options.signingKeys,
          unitAncestry: { inject: [UNIT_HIERARCHY], useFactory: (units: UnitHierarchy) => unitAncestryFrom(units, clock) },
          accountStatus: replicatedAccountStatus(REPORTING_SCHEMA),
        }),
        ...accountAccessProviders(REPORTING_SCHEMA),
        API_ERROR_FILTER,
        IDEMPOTENCY_INTERCEPTOR,
      ],
    };
  }
}
