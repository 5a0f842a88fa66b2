export { createReportingApp } from './app';
export type { ReportingAppOptions } from './app';
export { ReportingModule, reportingMigrations } from './reporting.module';
export type { ReportingOptions } from './reporting.module';
export { REPORTING_SCHEMA } from './schema';
export { REPORTING_PROJECTIONS, reportingReadModels } from './read/read-models';
export { ReminderScheduler } from './automation/when-deadline-nears-or-passes-then-remind/reminder-scheduler';
export { PeriodOpening } from './write/open-period/open-period';
