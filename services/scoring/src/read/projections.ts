import { Projection } from '@reform/event-store';
import { papiProjection } from './papi-results/papi.projection';

/** The service's inline projections: run in the transaction of every append. */
export const SCORING_PROJECTIONS: readonly Projection[] = [papiProjection];
