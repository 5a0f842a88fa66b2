import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  ASTVisitor,
  DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLList,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  validate,
  ValidationContext,
  ValidationRule,
  visitInParallel,
} from 'graphql';
import { ComplexityEstimator, createComplexityRule } from 'graphql-query-complexity';

/**
 * What one GraphQL operation may cost (issue 12, finding 4; ADR 0022), checked before anything
 * runs, at the gateway and again at each subgraph (a subgraph can be reached inside the network):
 * - depth: nested selections (fragments flattened);
 * - aliases: the same field asked many times over (1,000 × `assignments`);
 * - cost: every field counts 1, and a field that returns a list multiplies what is selected
 *   under it by the rows it is expected to return (LIST_SIZES, from the demo data: a district
 *   has about 15–30 communes, a unit 1–4 ancestors, `units` of a level hundreds), so `ancestors
 *   { children { ancestors { children … } } }` grows ~120-fold per pair of levels where depth
 *   alone would not see it;
 * - tokens: the document's size, at parsing (graphql-js `maxTokens`), which bounds breadth and
 *   the validation work of graphql-js itself.
 */
export interface QueryLimits {
  readonly depth: number;
  readonly aliases: number;
  readonly cost: number;
}

/** Rows a list field is assumed to return, for the cost estimate: by `Type.field`, by field name, else LIST_SIZE. */
export const LIST_SIZE = 10;
export const LIST_SIZES: Readonly<Record<string, number>> = {
  'Query.units': 1_000,
  children: 30,
  agencies: 30,
  ancestors: 4,
  accounts: 20,
  history: 50,
  plans: 50,
  assignments: 100,
  taskTimeline: 100,
  accessRecord: 100,
  // The public page (no sign-in): a province's issued plans, and their progress (at most 500 asked).
  publicPlans: 100,
  publicPlanProgress: 500,
};
/**
 * Paged lists (ADR 0029): a `…Page` field returns at most `limit` rows (its argument, else the
 * page's maximum here), so what is selected under its `items` is multiplied by that; a plain
 * list given `limit` returns at most that many rows. The maxima are the resolvers' own (API.md).
 */
export const PAGE_SIZES: Readonly<Record<string, number>> = {
  assignmentPage: 1_000,
  taskAssignmentPage: 1_000,
  taskTimelinePage: 2_000,
  planPage: 500,
  historyPage: 500,
  accessRecordPage: 1_000,
  unitPage: 1_000,
};
const PAGE_SIZE = 1_000;

/** Tokens in one document (the parser stops beyond): whatever the caller's role. */
export const MAX_TOKENS = 5_000;

/**
 * Per role (the table in ADR 0022 and API docs): no token (`login` and the public page's
 * `publicPlans` / `publicPlanProgress` answer) gets the least; auditors and administrators, who read histories and timelines across a province, the
 * most. A caller with several roles gets the largest of theirs.
 */
export const QUERY_LIMITS = {
  anonymous: { depth: 4, aliases: 2, cost: 5_000 },
  signedIn: { depth: 10, aliases: 20, cost: 50_000 },
  reader: { depth: 12, aliases: 30, cost: 200_000 },
} as const satisfies Record<string, QueryLimits>;

const READER_ROLES = new Set(['AUDITOR', 'PLATFORM_ADMIN']);

export function queryLimitsFor(roles: ReadonlyArray<{ role: string }> | null): QueryLimits {
  if (!roles) return QUERY_LIMITS.anonymous;
  return roles.some((grant) => READER_ROLES.has(grant.role)) ? QUERY_LIMITS.reader : QUERY_LIMITS.signedIn;
}

/** The refusal users see: Vietnamese, a code to branch on, which limit and by how much. */
export function queryLimitError(rule: 'depth' | 'aliases' | 'cost' | 'tokens', max: number, actual?: number): GraphQLError {
  const what = { depth: 'độ sâu', aliases: 'số bí danh (alias)', cost: 'chi phí ước tính', tokens: 'độ dài' }[rule];
  return new GraphQLError(`Truy vấn vượt giới hạn ${what}: tối đa ${max}${actual === undefined ? '' : `, truy vấn có ${actual}`}. Hãy chia nhỏ truy vấn.`, {
    extensions: { code: 'QUERY_LIMIT_EXCEEDED', rule, max, ...(actual === undefined ? {} : { actual }), http: { status: 400 } },
  });
}

const limitOf = (args: Record<string, unknown>): number | null => (typeof args['limit'] === 'number' && args['limit'] > 0 ? args['limit'] : null);

const listEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const returns = getNamedType(field.type).name;
  // A page: its rows are counted here, once, and its `items` below count as one row.
  if (returns.endsWith('Page') && !(getNullableType(field.type) instanceof GraphQLList))
    return 1 + (limitOf(args) ?? PAGE_SIZES[field.name] ?? PAGE_SIZE) * childComplexity;
  if (type.name.endsWith('Page') && field.name === 'items') return 1 + childComplexity;
  if (!(getNullableType(field.type) instanceof GraphQLList)) return 1 + childComplexity;
  const limit = limitOf(args);
  if (limit !== null) return 1 + limit * childComplexity;
  // A subgraph's `_entities` returns one row per representation the gateway sent.
  const rows =
    field.name === '_entities' && Array.isArray(args['representations'])
      ? args['representations'].length
      : (LIST_SIZES[`${type.name}.${field.name}`] ?? LIST_SIZES[field.name] ?? LIST_SIZE);
  return 1 + rows * childComplexity;
};

const found = (error: GraphQLError) => Number(/found (\d+)/.exec(error.message)?.[1] ?? Number.NaN);

/** Operations made only of introspection (`__schema`, `__type`, `_service`): their own, fixed depth. */
function introspectionOnly(document: DocumentNode): boolean {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  return (
    operations.length > 0 &&
    operations.every((operation) =>
      operation.selectionSet.selections.every(
        (selection) => selection.kind === Kind.FIELD && (selection.name.value.startsWith('__') || selection.name.value === '_service'),
      ),
    )
  );
}

/** A validation rule enforcing `limits`; reports one Vietnamese error per limit exceeded. */
export function queryLimitsRule(limits: QueryLimits, variables: Record<string, unknown> = {}): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    // The standard introspection query nests `ofType` deeper than data queries go.
    if (introspectionOnly(document))
      return maxDepthRule({
        n: 15,
        flattenFragments: true,
        ignoreIntrospection: false,
        propagateOnRejection: false,
        onReject: [(ctx, error) => ctx?.reportError(queryLimitError('depth', 15, found(error)))],
      })(context) as unknown as ASTVisitor;
    return visitInParallel([
      maxDepthRule({
        n: limits.depth,
        flattenFragments: true,
        propagateOnRejection: false,
        onReject: [(ctx, error) => ctx?.reportError(queryLimitError('depth', limits.depth, found(error)))],
      })(context) as unknown as ASTVisitor,
      maxAliasesRule({
        n: limits.aliases,
        propagateOnRejection: false,
        onReject: [(ctx, error) => ctx?.reportError(queryLimitError('aliases', limits.aliases, found(error)))],
      })(context) as unknown as ASTVisitor,
      createComplexityRule({
        maximumComplexity: limits.cost,
        variables,
        estimators: [listEstimator],
        createError: (max, actual) => queryLimitError('cost', max, actual),
      })(context),
    ]);
  };
}

/** The errors of `document` against `limits` (empty when within them). */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  limits: QueryLimits,
  variables: Record<string, unknown> = {},
): readonly GraphQLError[] {
  return validate(schema, document, [queryLimitsRule(limits, variables)]);
}

/** The roles a bearer token claims, read without verifying it: only to choose limits (the access guard verifies). */
export function claimedRoles(authorization: string | string[] | undefined | null): ReadonlyArray<{ role: string }> | null {
  const value = Array.isArray(authorization) ? authorization[0] : authorization;
  const token = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '')?.[1];
  if (!token) return null;
  try {
    const roles = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')).roles;
    return Array.isArray(roles) ? roles.filter((grant) => typeof grant?.role === 'string') : null;
  } catch {
    return null;
  }
}
