import { Projection, ServiceReadModels } from '@reform/event-store';
import { REPORTING_SCHEMA } from '../schema';
import { completenessProjection } from './completeness/completeness.projection';
import { consolidationProjection } from './consolidation/consolidation.projection';
import { reportsProjection } from './reports/reports.projection';

/** The service's inline projections, in order: the consolidation and the completeness counts read the reports the first wrote. */
export const REPORTING_PROJECTIONS: readonly Projection[] = [reportsProjection, consolidationProjection, completenessProjection];

/** What `npm run rebuild -- reporting` rebuilds from the reporting event store, and what it cannot (ADR 0011). */
export const reportingReadModels: ServiceReadModels = {
  service: 'reporting',
  schema: REPORTING_SCHEMA,
  projections: REPORTING_PROJECTIONS,
  notRebuilt: [
    { tables: ['units', 'unit_periods'], why: "the copy of the unit hierarchy, kept from the directory's events over the bus (ADR 0008)" },
    { tables: ['assignment_facts'], why: "kept from the tasks service's assignment events over the bus (the pre-fill's source)" },
  ],
};
