import { subgraphTypes } from '@reform/subgraph';

/** What every GraphQL type of the reporting subgraph names in `registerIn` (see subgraphTypes). */
export const REPORTING_GRAPHQL_TYPES = subgraphTypes('Reporting');
