import { subgraphTypes } from '@reform/subgraph';

/** What every GraphQL type of the scoring subgraph names in `registerIn` (see subgraphTypes). */
export const SCORING_GRAPHQL_TYPES = subgraphTypes('Scoring');
