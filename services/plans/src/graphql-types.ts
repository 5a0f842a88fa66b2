import { subgraphTypes } from '@reform/subgraph';

/** What every GraphQL type of the plans subgraph names in `registerIn` (see subgraphTypes). */
export const PLANS_GRAPHQL_TYPES = subgraphTypes('Plans');
