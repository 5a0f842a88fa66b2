import { subgraphTypes } from '@reform/subgraph';

/** What every GraphQL type of the tasks subgraph names in `registerIn` (see subgraphTypes). */
export const TASKS_GRAPHQL_TYPES = subgraphTypes('Tasks');
