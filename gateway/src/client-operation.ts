import {
  ArgumentNode,
  DocumentNode,
  getOperationAST,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  parseType,
  TypeInfo,
  valueFromASTUntyped,
  ValueNode,
  VariableDefinitionNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { CLIENT_OPERATION_HEADER } from '@reform/auth';

/** A client's document with every literal argument made a variable, and those variables' values. */
export interface ArgumentsAsVariables {
  readonly document: DocumentNode;
  readonly values: Readonly<Record<string, unknown>>;
}

const hasVariable = (value: ValueNode): boolean =>
  value.kind === Kind.VARIABLE ||
  (value.kind === Kind.LIST && value.values.some(hasVariable)) ||
  (value.kind === Kind.OBJECT && value.fields.some((field) => hasVariable(field.value)));

/**
 * Each argument written as a literal becomes a variable named `_<field>_<argument>`, as the
 * stitching runtime sent them (ADR 0040): the query planner copies literals into the subgraph's
 * document, where a scalar refusing one (`recordedAsOf: "2020-13-01"`) is a validation error that
 * names no argument; a variable's refusal names it, and the subgraph answers BAD_USER_INPUT with
 * the argument (libs/subgraph errors.ts). Arguments holding a variable stay as written. A document
 * of several operations, or one that is not valid against the schema, is returned as it is.
 */
export function argumentsAsVariables(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): ArgumentsAsVariables {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = getOperationAST(document, operationName);
  if (operations.length !== 1 || !operation) return { document, values: {} };
  const taken = new Set(operation.variableDefinitions?.map((definition) => definition.variable.name.value));
  const values: Record<string, unknown> = {};
  const definitions: VariableDefinitionNode[] = [];
  const typeInfo = new TypeInfo(schema);
  let complete = true;
  const rewritten = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node: ArgumentNode): ArgumentNode | undefined {
        // A directive's argument (`@include(if: true)`) and one holding a variable stay as written.
        if (typeInfo.getDirective() || hasVariable(node.value)) return undefined;
        const argument = typeInfo.getArgument();
        const field = typeInfo.getFieldDef();
        if (!argument || !field) {
          complete = false; // a field the schema does not know: leave all as written
          return undefined;
        }
        let name = `_${field.name}_${node.name.value}`;
        for (let n = 2; taken.has(name); n++) name = `_${field.name}_${node.name.value}_${n}`;
        taken.add(name);
        values[name] = valueFromASTUntyped(node.value);
        definitions.push({
          kind: Kind.VARIABLE_DEFINITION,
          variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } },
          type: parseType(String(argument.type)),
        });
        return { ...node, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } } };
      },
    }),
  );
  if (!complete || definitions.length === 0) return { document, values: {} };
  return {
    document: {
      ...rewritten,
      definitions: rewritten.definitions.map((definition) =>
        definition.kind === Kind.OPERATION_DEFINITION
          ? ({ ...definition, variableDefinitions: [...(definition.variableDefinitions ?? []), ...definitions] } as OperationDefinitionNode)
          : definition,
      ),
    },
    values,
  };
}

interface ExecutionArgsLike {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operationName?: string | null;
  readonly variableValues?: Readonly<Record<string, unknown>> | null;
}

/**
 * The gateway's plugin for what the router runtime (ADR 0040) does not carry from the client's
 * request to the subgraphs as the stitching runtime did: literal arguments become variables
 * (argumentsAsVariables, remembered per document so the runtime's plan cache still answers), and
 * the operation's name goes in CLIENT_OPERATION_HEADER (the planner names subgraph operations
 * itself, and an auditor's access record names the client's).
 */
export function clientOperation() {
  const remembered = new WeakMap<DocumentNode, Map<string, ArgumentsAsVariables>>();
  return {
    onExecute({
      args,
      executeFn,
      setExecuteFn,
      extendContext,
    }: {
      args: ExecutionArgsLike;
      executeFn: (args: ExecutionArgsLike) => unknown;
      setExecuteFn: (execute: (args: ExecutionArgsLike) => unknown) => void;
      extendContext: (extension: { clientOperationName: string | null }) => void;
    }) {
      extendContext({ clientOperationName: getOperationAST(args.document, args.operationName)?.name?.value ?? null });
      let byOperation = remembered.get(args.document);
      if (!byOperation) remembered.set(args.document, (byOperation = new Map()));
      const key = args.operationName ?? '';
      let rewritten = byOperation.get(key);
      if (!rewritten) byOperation.set(key, (rewritten = argumentsAsVariables(args.schema, args.document, args.operationName)));
      if (rewritten.document === args.document) return;
      const { document, values } = rewritten;
      setExecuteFn((executionArgs) => executeFn({ ...executionArgs, document, variableValues: { ...executionArgs.variableValues, ...values } }));
    },
    onFetch({
      context,
      options,
      setOptions,
    }: {
      context?: { clientOperationName?: string | null };
      options: { headers?: Record<string, string> };
      setOptions(options: object): void;
    }) {
      const name = context?.clientOperationName;
      if (name) setOptions({ ...options, headers: { ...options.headers, [CLIENT_OPERATION_HEADER]: name } });
    },
  };
}
