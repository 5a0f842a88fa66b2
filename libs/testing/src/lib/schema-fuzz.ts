import {
  buildASTSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLList,
  GraphQLSchema,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  parse,
} from 'graphql';

/**
 * Hostile requests generated from a schema's SDL (the composed supergraph): for every argument of
 * every query and mutation, each string leaf (String, ID, Date, DateTime, also inside input
 * objects and lists) gets each hostile value in turn, every list gets 10,000 items, and recursive
 * inputs are nested far beyond any real document; the other arguments get plain placeholders.
 * The caller sends them and checks what came back (issue 12, finding 6).
 */
export interface FuzzCase {
  readonly operation: string;
  readonly field: string;
  readonly path: string;
  readonly kind: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

export const HOSTILE_STRINGS: ReadonlyArray<[kind: string, value: string]> = [
  ['NUL byte', 'a\u0000b'],
  ['lone surrogate', 'a\uD800b'],
  ['1 MB string', 'x'.repeat(1024 * 1024)],
];
const IMPOSSIBLE: Record<string, string> = { Date: '2021-02-29', DateTime: '0000-01-01T00:00:00Z' };
const STRING_LEAVES = new Set(['String', 'ID', 'Date', 'DateTime']);

function placeholder(type: GraphQLInputType, depth: number): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType, depth);
  if (isListType(type)) {
    const item = depth > 3 ? undefined : placeholder(type.ofType, depth + 1);
    return item === undefined ? [] : [item];
  }
  if (isInputObjectType(type)) {
    if (depth > 6) return undefined;
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const inner = placeholder(field.type, depth + 1);
      if (inner !== undefined) value[field.name] = inner;
      else if (isNonNullType(field.type)) return undefined;
    }
    return value;
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  switch (type.name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return '2025-01-01';
    case 'DateTime':
      return '2025-01-01T00:00:00Z';
    case 'ID':
      return '00000000-0000-0000-0000-000000000000';
    case 'JSON':
      return {};
    default:
      return 'fuzz';
  }
}

type Leaf = { path: Array<string | number>; type: GraphQLInputType; list: boolean };

/** Every string leaf and every list in a placeholder value, with its type. */
function leaves(value: unknown, type: GraphQLInputType, path: Array<string | number>, out: Leaf[]): void {
  if (value === undefined || value === null) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    out.push({ path, type: inner, list: true });
    (value as unknown[]).forEach((item, i) => leaves(item, inner.ofType, [...path, i], out));
  } else if (isInputObjectType(inner)) {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) leaves(item, inner.getFields()[key].type, [...path, key], out);
  } else if (isScalarType(inner) && STRING_LEAVES.has(inner.name)) out.push({ path, type: inner, list: false });
}

function replaced(value: unknown, path: ReadonlyArray<string | number>, by: (old: unknown) => unknown): unknown {
  if (path.length === 0) return by(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? replaced(item, rest, by) : item));
  return { ...(value as Record<string, unknown>), [head]: replaced((value as Record<string, unknown>)[head], rest, by) };
}

/** The first recursive input field (an input that contains a list of itself), nested `depth` deep. */
function nested(type: GraphQLInputType, value: unknown, depth: number): { path: string; value: unknown } | null {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (!isInputObjectType(inner) || typeof value !== 'object' || value === null) return null;
  for (const field of Object.values(inner.getFields())) {
    if (getNamedType(field.type) === inner && isListType(isNonNullType(field.type) ? field.type.ofType : field.type)) {
      let deep: Record<string, unknown> = { ...(value as Record<string, unknown>), [field.name]: [] };
      for (let i = 0; i < depth; i++) deep = { ...(value as Record<string, unknown>), [field.name]: [deep] };
      return { path: field.name, value: deep };
    }
    const item = (value as Record<string, unknown>)[field.name];
    const below = nested(field.type, Array.isArray(item) ? item[0] : item, depth);
    if (below) return { path: `${field.name}.${below.path}`, value: replaced(value, Array.isArray(item) ? [field.name, 0] : [field.name], () => below.value) };
  }
  return null;
}

export function schemaFuzzCases(sdl: string, options: { skip?: (field: string) => boolean } = {}): FuzzCase[] {
  const schema: GraphQLSchema = buildASTSchema(parse(sdl), { assumeValidSDL: true });
  const cases: FuzzCase[] = [];
  for (const [operation, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {}) as Array<GraphQLField<unknown, unknown>>) {
      if (field.name.startsWith('_') || options.skip?.(field.name)) continue;
      const base: Record<string, unknown> = {};
      for (const argument of field.args) {
        const value = placeholder(argument.type, 0);
        if (value !== undefined) base[argument.name] = value;
      }
      const query =
        `${operation}(${field.args.map((a: GraphQLArgument) => `$${a.name}: ${String(a.type)}`).join(', ')}) { ${field.name}${field.args.length ? `(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''}${isCompositeType(getNamedType(field.type)) ? ' { __typename }' : ''} }`.replace(
          '() ',
          ' ',
        );
      const add = (path: Array<string | number>, kind: string, by: (old: unknown) => unknown) =>
        cases.push({
          operation,
          field: field.name,
          path: path
            .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
            .join('')
            .slice(1)
            .replace(/\.\[/g, '['),
          kind,
          query,
          variables: replaced(base, path, by) as Record<string, unknown>,
        });
      for (const argument of field.args) {
        const found: Leaf[] = [];
        // An optional argument left out of the placeholders is tried too.
        leaves(base[argument.name] ?? placeholder(argument.type, 0), argument.type, [argument.name], found);
        for (const leaf of found) {
          if (leaf.list) {
            const item = placeholder((leaf.type as GraphQLList<GraphQLInputType>).ofType, 0);
            if (item !== undefined) add(leaf.path, '10,000 items', () => Array.from({ length: 10_000 }, () => item));
            continue;
          }
          for (const [kind, value] of HOSTILE_STRINGS) add(leaf.path, kind, () => value);
          const name = getNamedType(leaf.type).name;
          if (IMPOSSIBLE[name]) add(leaf.path, 'impossible date', () => IMPOSSIBLE[name]);
        }
        const deep = nested(argument.type, base[argument.name], 2_000);
        if (deep) add([argument.name], `nested 2,000 deep (${deep.path})`, () => deep.value);
      }
    }
  }
  return cases;
}
