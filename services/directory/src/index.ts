export {
  createDirectoryApp,
  importNationalUnits,
  seedDirectoryDemo,
  seedDemoAccounts,
  seedTwoTierDemo,
  seedTwoTierAccounts,
  OLD_STRUCTURE_DAY,
  DEMO_PASSWORD,
  NATIONAL_UNIT_LIST,
  NATIONAL_UNIT_LIST_DATE,
  importReorganisation2025,
  REORGANISATION_2025,
} from './app';
export type { DirectoryAppOptions } from './app';
export { DirectoryModule, directoryMigrations } from './directory.module';
export type { DirectoryOptions } from './directory.module';
export { UnitListRejected } from './write/import-units/unit-list';
export type { ImportSummary } from './write/import-units/import-units';
export type { ReorganisationSummary } from './write/import-units/import-reorganisation';
export { DIRECTORY_SCHEMA } from './schema';
export { publishDirectoryEvent } from './publish';
export { DIRECTORY_PROJECTIONS, directoryReadModels } from './read/read-models';
