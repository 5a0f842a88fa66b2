import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema, Kind, visit } from 'graphql';
import { TokenService, bearerToken, unauthenticated } from '@reform/auth';
import { checkInputPolicy } from './input-policy';
import { checkQueryLimits, claimedRoles, QueryLimits, queryLimitsFor } from './query-limits';

interface Verdict {
  readonly schemaAsked: boolean;
  readonly refused: GraphQLError | null;
}

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

/** Variables longer than this (a CSV's text, a plan's sections) are checked each time, not kept as a key. */
const MAX_REMEMBERED_VARIABLES = 2_000;
/** Verdicts kept per document (its variables and limits); beyond, the document's are forgotten. */
const MAX_VERDICTS_PER_DOCUMENT = 64;

/**
 * The policy's verdict on (document, limits, variables), computed once: Apollo hands the same
 * parsed DocumentNode for the same query text (its document cache), and the verdict depends on
 * nothing else, so a user asking the same question again does not revalidate it (the cost rule
 * walks every field: a province's plan progress has 2,500). Weakly keyed by the document: a
 * document Apollo evicts takes its verdicts with it.
 */
export function verdictMemo<Verdict>() {
  const verdicts = new WeakMap<DocumentNode, Map<string, Verdict>>();
  return (document: DocumentNode, limitsKey: string, variables: Record<string, unknown>, decide: () => Verdict): Verdict => {
    const text = JSON.stringify(variables);
    if (text.length > MAX_REMEMBERED_VARIABLES) return decide();
    const key = `${limitsKey}|${text}`;
    let known = verdicts.get(document);
    if (known?.has(key)) return known.get(key) as Verdict;
    const verdict = decide();
    if (!known || known.size >= MAX_VERDICTS_PER_DOCUMENT) verdicts.set(document, (known = new Map()));
    known.set(key, verdict);
    return verdict;
  };
}

/**
 * The subgraph's own checks before anything is resolved (the gateway checks first; a subgraph
 * is also reachable inside the network): the schema only for a signed-in user, the gateway (its
 * seal) or in development (issue 12, finding 7); the query limits (ADR 0022); the input policy
 * (ADR 0023).
 */
export function subgraphRequestPolicy(
  options: { tokens?: TokenService; development?: boolean } = {},
): ApolloServerPlugin<{ req?: { headers?: Record<string, string | string[] | undefined> } }> {
  const mayReadSchema = async (headers: Record<string, string | string[] | undefined>): Promise<boolean> => {
    if (options.development) return true;
    if (!options.tokens) return false;
    if (options.tokens.openForwarded(headers[FORWARDED_HEADER])) return true;
    return options.tokens.verify(bearerToken(headers['authorization'])).then(
      () => true,
      () => false,
    );
  };
  const decide = (schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits, variables: Record<string, unknown>): Verdict => {
    const errors = checkQueryLimits(schema, document, limits, variables);
    // The input policy (issue 12, finding 6): one walk over every argument.
    return { schemaAsked: asksForSchema(document), refused: errors[0] ?? checkInputPolicy(schema, document, variables) };
  };
  // The subgraph's one schema; should it change, the verdicts on the old one go with it.
  let memo: { schema: GraphQLSchema; verdict: ReturnType<typeof verdictMemo<Verdict>> } | null = null;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, contextValue, request }) {
          const headers = contextValue.req?.headers ?? {};
          if (memo?.schema !== schema) memo = { schema, verdict: verdictMemo<Verdict>() };
          const limits = queryLimitsFor(claimedRoles(headers['authorization']));
          const variables = request.variables ?? {};
          const { schemaAsked, refused } = memo.verdict(document, `${limits.depth}/${limits.aliases}/${limits.cost}`, variables, () =>
            decide(schema, document, limits, variables),
          );
          if (schemaAsked && !(await mayReadSchema(headers))) throw unauthenticated();
          if (refused) throw refused;
        },
      };
    },
  };
}
