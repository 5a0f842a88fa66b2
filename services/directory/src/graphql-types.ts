import { subgraphTypes } from '@reform/subgraph';

/** What every GraphQL type of the directory subgraph names in `registerIn` (see subgraphTypes). */
export const DIRECTORY_GRAPHQL_TYPES = subgraphTypes('Directory');
