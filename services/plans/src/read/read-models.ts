import { Projection, ServiceReadModels } from '@reform/event-store';
import { PLANS_SCHEMA } from '../schema';
import { plansProjection } from './plans/plans.projection';

/** The plans service's inline projections: every read model it keeps from its own events. */
export const PLANS_PROJECTIONS: readonly Projection[] = [plansProjection];

/** What `npm run rebuild -- plans` rebuilds from the plans event store, and what it cannot (ADR 0011). */
export const plansReadModels: ServiceReadModels = {
  service: 'plans',
  schema: PLANS_SCHEMA,
  projections: PLANS_PROJECTIONS,
  notRebuilt: [
    { tables: ['units', 'unit_periods'], why: "the copy of the unit hierarchy, kept from the directory's events over the bus (ADR 0008)" },
    { tables: ['frameworks'], why: "the copy of the scoring service's framework catalogue, kept from its events over the bus (ADR 0034)" },
  ],
};
