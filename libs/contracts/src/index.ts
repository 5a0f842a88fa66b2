export * from './lib/contract';
export * from './directory/unit-events';
export * from './directory/account-events';
export * from './plans/plan-events';
export * from './audit/auditor-queried';
export * from './tasks/assignment-events';
export * from './reporting/report-events';
