import { unitTablesMigrations } from '@reform/unit-hierarchy';
import { DIRECTORY_SCHEMA } from '../../schema';

/** The directory's units are the same tables every service's copy has (libs/unit-hierarchy). */
export const unitsReadModelMigrations = unitTablesMigrations(DIRECTORY_SCHEMA);
