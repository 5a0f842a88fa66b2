import { Type } from '@nestjs/common';

/**
 * The marker of one subgraph's own GraphQL types. NestJS keeps code-first type metadata in one
 * store per process, so subgraphs started together (embedded mode, end-to-end tests) would each
 * build every other's types into their schema ("multiple types named Unit", Account in the tasks
 * subgraph). Each service names its marker in `registerIn` on every type it declares and gives it
 * to subgraphGraphQLOptions; types without a marker (libs/subgraph's history types) are shared.
 */
export function subgraphTypes(service: string): Type<unknown> {
  const marker = class {};
  Object.defineProperty(marker, 'name', { value: `${service}GraphQLTypes` });
  return marker;
}
