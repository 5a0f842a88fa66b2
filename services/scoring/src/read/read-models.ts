import { Projection, ServiceReadModels } from '@reform/event-store';
import { papiProjection } from './papi-results/papi.projection';
import { assessmentsProjection, campaignsProjection, frameworksProjection } from './assessments/assessments.projection';
import { SCORING_SCHEMA } from '../schema';

/** The service's inline projections: run in the transaction of every append. */
export const SCORING_PROJECTIONS: readonly Projection[] = [papiProjection, frameworksProjection, campaignsProjection, assessmentsProjection];

/** What a rebuild of the scoring service replays from its event store, and what it cannot (ADR 0011). */
export const scoringReadModels: ServiceReadModels = {
  service: 'scoring',
  schema: SCORING_SCHEMA,
  projections: SCORING_PROJECTIONS,
  notRebuilt: [
    { tables: ['units', 'unit_periods'], why: "the copy of the unit hierarchy, kept from the directory's events over the bus (ADR 0008)" },
    { tables: ['plan_papi_sections'], why: "kept from the plans service's PlanIssued events over the bus" },
    {
      tables: ['target_tasks', 'target_assignments', 'target_items', 'target_reports'],
      why: "kept from the plans, tasks and reporting services' events over the bus (target achievement)",
    },
    { tables: ['evidence_files'], why: 'the evidence files themselves (content-addressed bytes the events point to), not a projection' },
  ],
};
