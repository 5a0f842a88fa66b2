import { schemaMigration } from '@reform/event-store';
import { SCORING_SCHEMA as S } from '../../schema';

export const planPapiSectionsMigrations = [
  schemaMigration(
    S,
    1765000300000,
    'CreatePlanPapiSections',
    // Kept from plans.PlanIssued (not rebuilt from this store): the PAPI indicators a plan's sections cite.
    [`CREATE TABLE "${S}".plan_papi_sections (plan_id text PRIMARY KEY, issuer_code text NOT NULL, year int NOT NULL, indicator_codes text[] NOT NULL)`],
    [`DROP TABLE "${S}".plan_papi_sections`],
  ),
];
