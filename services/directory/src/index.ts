export { createDirectoryApp, importNationalUnits, seedDirectoryDemo, seedDemoAccounts, DEMO_PASSWORD, NATIONAL_UNIT_LIST, NATIONAL_UNIT_LIST_DATE } from './app';
export type { DirectoryAppOptions } from './app';
export { DirectoryModule, directoryMigrations } from './directory.module';
export type { DirectoryOptions } from './directory.module';
export { UnitListRejected } from './write/import-units/unit-list';
export type { ImportSummary } from './write/import-units/import-units';
export { DIRECTORY_SCHEMA } from './schema';
export { publishDirectoryEvent } from './publish';
export { DIRECTORY_PROJECTIONS, directoryReadModels } from './read/read-models';
