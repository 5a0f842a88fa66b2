import {
  DocumentNode,
  getNamedType,
  GraphQLError,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/**
 * One input policy for every string and list of the API (issue 12, finding 6), checked on the
 * arguments of every field of an operation before anything runs, whatever the resolver:
 * - no NUL character and no lone surrogate in any string (PostgreSQL refuses the first, the
 *   second is not text);
 * - strings at most MAX_STRING (an ID, a code, a day or an instant: MAX_ID), lists at most
 *   MAX_ITEMS (a few fields less: ITEMS_BY_FIELD), input objects nested at most MAX_NESTING;
 * - a refusal is BAD_USER_INPUT naming the argument's path (`input.sections[0].title`), in
 *   Vietnamese. Days and instants themselves are checked by their scalars (strictly valid).
 */
export const INPUT_LIMITS = {
  MAX_STRING: 10_000,
  MAX_ID: 200,
  MAX_ITEMS: 1_000,
  MAX_NESTING: 8,
  /** Lists that have a smaller natural size. */
  ITEMS_BY_FIELD: { evidence: 50, representations: 1_000 } as Readonly<Record<string, number>>,
  /** A `FileContent` argument (a CSV's text, an upload's base64): bounded by the gateway's 2 MiB body. */
  MAX_FILE_CHARS: 3 * 1024 * 1024,
} as const;

const SHORT_SCALARS = new Set(['ID', 'Date', 'DateTime', 'Boolean', 'Int', 'Float']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function inputError(field: string, reason: string, rule: string): GraphQLError {
  return new GraphQLError(`${field}: ${reason}`, { extensions: { code: 'BAD_USER_INPUT', field, rule, http: { status: 400 } } });
}

function checkValue(value: unknown, type: GraphQLInputType, path: string, name: string, nesting: number): GraphQLError | null {
  if (value === null || value === undefined) return null;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    if (!Array.isArray(value)) return checkValue(value, inner.ofType, path, name, nesting);
    const max = INPUT_LIMITS.ITEMS_BY_FIELD[name] ?? INPUT_LIMITS.MAX_ITEMS;
    if (value.length > max) return inputError(path, `có ${value.length} phần tử, tối đa ${max}.`, 'INPUT.TOO_MANY_ITEMS');
    for (let i = 0; i < value.length; i++) {
      const error = checkValue(value[i], inner.ofType, `${path}[${i}]`, name, nesting);
      if (error) return error;
    }
    return null;
  }
  if (isInputObjectType(inner)) {
    if (nesting >= INPUT_LIMITS.MAX_NESTING) return inputError(path, `lồng nhau quá ${INPUT_LIMITS.MAX_NESTING} cấp.`, 'INPUT.TOO_DEEP');
    if (typeof value !== 'object' || Array.isArray(value)) return null; // graphql-js refuses it (not an object)
    const fields = inner.getFields();
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[key];
      if (!field) continue; // graphql-js refuses an unknown field
      const error = checkValue(item, field.type, `${path}.${key}`, key, nesting + 1);
      if (error) return error;
    }
    return null;
  }
  if (typeof value !== 'string') return null;
  if (value.includes('\u0000')) return inputError(path, 'chứa ký tự NUL (\\u0000), không được phép.', 'INPUT.NUL_CHARACTER');
  if (LONE_SURROGATE.test(value)) return inputError(path, 'chứa ký tự Unicode không hợp lệ (nửa cặp thay thế đứng một mình).', 'INPUT.LONE_SURROGATE');
  const named = getNamedType(inner).name;
  const max =
    named === 'FileContent' ? INPUT_LIMITS.MAX_FILE_CHARS : SHORT_SCALARS.has(named) || isEnumType(inner) ? INPUT_LIMITS.MAX_ID : INPUT_LIMITS.MAX_STRING;
  if (value.length > max) return inputError(path, `dài ${value.length} ký tự, tối đa ${max}.`, 'INPUT.TOO_LONG');
  return null;
}

/** The first breach of the input policy among the arguments of `document`'s fields, or null. */
export function checkInputPolicy(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}): GraphQLError | null {
  const typeInfo = new TypeInfo(schema);
  let found: GraphQLError | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (found) return false;
        const argument = typeInfo.getArgument();
        if (!argument) return false;
        const value = node.value.kind === 'Variable' ? variables[node.value.name.value] : valueFromASTUntyped(node.value, variables);
        found = checkValue(value, argument.type, node.name.value, node.name.value, 0);
        return false;
      },
    }),
  );
  return found;
}
