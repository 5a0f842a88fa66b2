import { Type } from '@nestjs/common';
import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLSchema, isScalarType, Kind } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { formatSubgraphError } from './errors';
import { DateScalar } from './scalars';
import { MAX_TOKENS } from './query-limits';
import { subgraphRequestPolicy } from './request-policy.plugin';
import { SigningKey, TokenService } from '@reform/auth';
import { activeSpan, tracingEnabled } from '@reform/observability';

/**
 * GraphQL settings every subgraph shares: Federation 2 code-first schema, guards on field
 * resolvers too (tenant data hides in fields such as Unit.accounts), the request in the
 * context for the access guard, no stack traces, no landing page. The schema holds the resolvers of
 * `scope.module` and only the types registered in `scope.types` (see subgraphTypes) or shared.
 */
export function subgraphGraphQLOptions(
  scope: { module: Type<unknown>; types: Type<unknown>; signingKeys?: readonly SigningKey[] },
  overrides: Partial<ApolloFederationDriverConfig> = {},
): ApolloFederationDriverConfig {
  // Who may read the schema: a verified token or the gateway's seal (the service's keys), or anyone in development.
  const tokens = scope.signingKeys?.length ? new TokenService(scope.signingKeys) : undefined;
  return {
    driver: ApolloFederationDriver,
    include: [scope.module, scope.types],
    // The federation driver does not hand `include` to the type generator (@nestjs/graphql 13.4's
    // GraphQLFederationFactory drops it, the plain driver passes it as `includeModules`); given
    // here, the code-first schema factory keeps only this subgraph's types.
    buildSchemaOptions: { includeModules: [scope.module, scope.types] } as ApolloFederationDriverConfig['buildSchemaOptions'],
    // Federation v2.3: what @theguild/federation-composition supports (@apollo/subgraph would say v2.12).
    autoSchemaFile: {
      federation: {
        version: 2,
        importUrl: 'https://specs.apollo.dev/federation/v2.3',
        directives: [
          '@composeDirective',
          '@extends',
          '@external',
          '@inaccessible',
          '@interfaceObject',
          '@key',
          '@override',
          '@provides',
          '@requires',
          '@shareable',
          '@tag',
        ],
      },
    },
    sortSchema: true,
    path: '/graphql',
    playground: false,
    fieldResolverEnhancers: ['guards', 'filters'],
    includeStacktraceInErrorResponses: false,
    context: ({ req }: { req: unknown }) => ({ req }),
    formatError: formatSubgraphError,
    // Traces are for Apollo's hosted studio, which the platform does not use. Cache-control hints
    // neither (nothing sets or reads them), and computing them wraps every field's resolver: a
    // province's plan progress is 2,500 fields, where that wrapping was a fifth of the answer's CPU.
    // Query limits (depth, aliases, cost; tokens at parsing): issue 12, ADR 0022.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      subgraphRequestPolicy({ tokens, development: process.env['NODE_ENV'] === 'development' }),
      operationSpanName,
    ],
    // The schema is not for strangers (issue 12, finding 7): the request policy lets signed-in users, the gateway and development read it.
    introspection: true,
    parseOptions: { maxTokens: MAX_TOKENS },
    transformSchema: withScalarParsers,
    ...overrides,
  };
}

/** Names the request's span (ADR 0028) by its operation: `graphql mutation issuePlan`. */
const operationSpanName: ApolloServerPlugin = {
  async requestDidStart() {
    if (!tracingEnabled()) return;
    return {
      async didResolveOperation({ operation }) {
        if (!operation) return;
        const field = operation.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
        const first = field?.kind === Kind.FIELD ? field.name.value : undefined;
        const span = activeSpan();
        span.updateName(`graphql ${operation.operation} ${operation.name?.value ?? first ?? ''}`.trim());
        span.setAttribute('graphql.operation.type', operation.operation);
        if (first) span.setAttribute('reform.graphql.field', first);
      },
    };
  },
};

/**
 * The federation driver rebuilds the code-first schema from its printed SDL and copies the
 * parsers back only for scalars named DateTime and Timestamp (@nestjs/graphql 13.4's
 * GraphQLFederationFactory): without this, `Date` arguments were taken as any string, and
 * "2021-02-29" reached the deciders and PostgreSQL (issue 12, finding 6).
 */
export function withScalarParsers(schema: GraphQLSchema): GraphQLSchema {
  const date = schema.getType('Date');
  if (isScalarType(date)) {
    date.parseValue = DateScalar.parseValue;
    date.parseLiteral = DateScalar.parseLiteral;
    date.serialize = DateScalar.serialize;
  }
  return schema;
}
