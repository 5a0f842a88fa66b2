import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import { TokenService, bearerToken, unauthenticated } from '@reform/auth';
import { checkInputPolicy } from './input-policy';
import { checkQueryLimits, claimedRoles, queryLimitsFor } from './query-limits';

/** The header in which the gateway seals the client's address (TokenService.sealForwarded). */
export const FORWARDED_HEADER = 'x-reform-forwarded';

/** Whether a document asks for the schema (`__schema`, `__type`) or the federation SDL (`_service`). */
export function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type' || node.name.value === '_service') found = true;
    },
    OperationDefinition(node) {
      return node.kind === Kind.OPERATION_DEFINITION ? undefined : false;
    },
  });
  return found;
}

/**
 * The subgraph's own checks before anything is resolved (the gateway checks first; a subgraph
 * is also reachable inside the network): the schema only for a signed-in user, the gateway (its
 * seal) or in development (issue 12, finding 7); the query limits (ADR 0022); the input policy
 * (ADR 0023).
 */
export function subgraphRequestPolicy(options: { tokens?: TokenService; development?: boolean } = {}): ApolloServerPlugin<{ req?: { headers?: Record<string, string | string[] | undefined> } }> {
  const mayReadSchema = async (headers: Record<string, string | string[] | undefined>): Promise<boolean> => {
    if (options.development) return true;
    if (!options.tokens) return false;
    if (options.tokens.openForwarded(headers[FORWARDED_HEADER])) return true;
    return options.tokens.verify(bearerToken(headers['authorization'])).then(
      () => true,
      () => false,
    );
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, contextValue, request }) {
          const headers = contextValue.req?.headers ?? {};
          if (asksForSchema(document) && !(await mayReadSchema(headers))) throw unauthenticated();
          const errors = checkQueryLimits(schema, document, queryLimitsFor(claimedRoles(headers['authorization'])), request.variables ?? {});
          if (errors.length) throw errors[0];
          // The input policy (issue 12, finding 6): one walk over every argument.
          const refused: GraphQLError | null = checkInputPolicy(schema, document, request.variables ?? {});
          if (refused) throw refused;
        },
      };
    },
  };
}
