import { ServiceReadModels } from '@reform/event-store';
import { TASKS_SCHEMA } from '../schema';
import { TASKS_PROJECTIONS } from '../write/common/assignment-commands';

export { TASKS_PROJECTIONS };

/** What `npm run rebuild -- tasks` rebuilds from the tasks event store, and what it cannot (ADR 0011). */
export const tasksReadModels: ServiceReadModels = {
  service: 'tasks',
  schema: TASKS_SCHEMA,
  projections: TASKS_PROJECTIONS,
  notRebuilt: [
    { tables: ['units', 'unit_periods'], why: "the copy of the unit hierarchy, kept from the directory's events over the bus (ADR 0008)" },
    {
      tables: ['known_plans', 'jobs'],
      why: "kept from the plans service's events over the bus (the plans heard of, the plan events received as the fan-out's jobs)",
    },
    {
      tables: ['report_citations', 'report_events'],
      why: "kept from the reporting service's events over the bus (reports that cite assignments, for the tasks' timelines)",
    },
  ],
};
