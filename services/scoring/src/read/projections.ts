import { Projection } from '@reform/event-store';
import { papiProjection } from './papi-results/papi.projection';
import { assessmentsProjection, campaignsProjection, frameworksProjection } from './assessments/assessments.projection';

/** The service's inline projections: run in the transaction of every append. */
export const SCORING_PROJECTIONS: readonly Projection[] = [papiProjection, frameworksProjection, campaignsProjection, assessmentsProjection];
