import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { formatSubgraphError } from './errors';

/**
 * GraphQL settings every subgraph shares: Federation 2 code-first schema, guards on field
 * resolvers too (tenant data hides in fields such as Unit.accounts), the request in the
 * context for the access guard, no stack traces, no landing page.
 */
export function subgraphGraphQLOptions(overrides: Partial<ApolloFederationDriverConfig> = {}): ApolloFederationDriverConfig {
  return {
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    path: '/graphql',
    playground: false,
    fieldResolverEnhancers: ['guards', 'filters'],
    includeStacktraceInErrorResponses: false,
    context: ({ req }: { req: unknown }) => ({ req }),
    formatError: formatSubgraphError,
    ...overrides,
  };
}
