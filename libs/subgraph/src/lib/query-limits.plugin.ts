import type { ApolloServerPlugin } from '@apollo/server';
import { checkInputPolicy } from './input-policy';
import { checkQueryLimits, claimedRoles, queryLimitsFor } from './query-limits';

/**
 * The subgraph's own check of the query limits and the input policy (the gateway checks first; a subgraph is also
 * reachable inside the network). After parsing (bounded by `parseOptions.maxTokens`) and
 * validation, before anything is resolved.
 */
export function queryLimitsPlugin(): ApolloServerPlugin<{ req?: { headers?: Record<string, string | string[] | undefined> } }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, contextValue, request }) {
          const errors = checkQueryLimits(schema, document, queryLimitsFor(claimedRoles(contextValue.req?.headers?.['authorization'])), request.variables ?? {});
          if (errors.length) throw errors[0];
          // The input policy (issue 12, finding 6): one walk over every argument.
          const refused = checkInputPolicy(schema, document, request.variables ?? {});
          if (refused) throw refused;
        },
      };
    },
  };
}
