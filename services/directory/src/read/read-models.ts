import { Projection, ServiceReadModels } from '@reform/event-store';
import { DIRECTORY_SCHEMA } from '../schema';
import { accountsProjection } from './accounts/accounts.projection';
import { unitsProjection } from './units/units.projection';

/** The directory's inline projections: every read model it keeps from its own events. */
export const DIRECTORY_PROJECTIONS: readonly Projection[] = [unitsProjection, accountsProjection];

/** What `npm run rebuild -- directory` rebuilds from the directory's event store, and what it cannot (ADR 0011). */
export const directoryReadModels: ServiceReadModels = {
  service: 'directory',
  schema: DIRECTORY_SCHEMA,
  projections: DIRECTORY_PROJECTIONS,
  notRebuilt: [{ tables: ['access_record'], why: "collected from every service's AuditorQueried events over the bus" }],
};
