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

/** A client's document with every argument made a variable, and how to give those variables their values. */
export interface ArgumentsAsVariables {
  readonly document: DocumentNode;
  /** The new variables' values for one request, from the client's variables (defaults applied). */
  values(variables: Readonly<Record<string, unknown>> | null | undefined): Record<string, unknown>;
}

const unchanged = (document: DocumentNode): ArgumentsAsVariables => ({ document, values: () => ({}) });

/**
 * Each field argument becomes a variable named `_<field>_<argument>` (`_<field>_<argument>_2` for
 * a second one), as the stitching runtime sent them (ADR 0040), whether the client wrote a literal
 * or its own variable (`$i`): a subgraph's scalar refusing a literal (`recordedAsOf: "2020-13-01"`)
 * is a validation error naming no argument, and one refusing a variable names the variable, which
 * is the client's name, not the argument's; refusing `$_unit_recordedAsOf` names the argument
 * (libs/subgraph errors.ts answers BAD_USER_INPUT with it). A directive's argument stays as
 * written; so does a document of several operations, or one the schema does not know.
 */
export function argumentsAsVariables(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): ArgumentsAsVariables {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = getOperationAST(document, operationName);
  if (operations.length !== 1 || !operation) return unchanged(document);
  const clientDefinitions = operation.variableDefinitions ?? [];
  const taken = new Set(clientDefinitions.map((definition) => definition.variable.name.value));
  const hoisted: Array<{ name: string; value: ValueNode }> = [];
  const definitions: VariableDefinitionNode[] = [];
  const typeInfo = new TypeInfo(schema);
  let complete = true;
  const rewritten = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node: ArgumentNode): ArgumentNode | undefined {
        if (typeInfo.getDirective()) return undefined;
        const argument = typeInfo.getArgument();
        const field = typeInfo.getFieldDef();
        if (!argument || !field) {
          complete = false; // a field the schema does not know: leave all as written
          return undefined;
        }
        let name = `_${field.name}_${node.name.value}`;
        for (let n = 2; taken.has(name); n++) name = `_${field.name}_${node.name.value}_${n}`;
        taken.add(name);
        hoisted.push({ name, value: node.value });
        definitions.push({
          kind: Kind.VARIABLE_DEFINITION,
          variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } },
          type: parseType(String(argument.type)),
        });
        return { ...node, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } } };
      },
    }),
  );
  if (!complete || hoisted.length === 0) return unchanged(document);
  // The client's variables still used (in a directive's argument): kept; the others are gone.
  const stillUsed = new Set<string>();
  visit(rewritten, { VariableDefinition: () => false, Variable: (node) => void stillUsed.add(node.name.value) });
  const defaults = clientDefinitions.filter((definition) => definition.defaultValue);
  return {
    document: {
      ...rewritten,
      definitions: rewritten.definitions.map((definition) =>
        definition.kind === Kind.OPERATION_DEFINITION
          ? ({
              ...definition,
              variableDefinitions: [...clientDefinitions.filter((kept) => stillUsed.has(kept.variable.name.value)), ...definitions],
            } as OperationDefinitionNode)
          : definition,
      ),
    },
    values(variables) {
      const given: Record<string, unknown> = { ...variables };
      for (const definition of defaults)
        if (given[definition.variable.name.value] === undefined)
          given[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue as ValueNode);
      const values: Record<string, unknown> = {};
      for (const { name, value } of hoisted) {
        // An argument given a variable the client left out stays left out (its default applies).
        if (value.kind === Kind.VARIABLE && !(value.name.value in given)) continue;
        values[name] = valueFromASTUntyped(value, given);
      }
      return values;
    },
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
 * request to the subgraphs as the stitching runtime did: arguments become variables
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
      setExecuteFn((executionArgs) =>
        executeFn({ ...executionArgs, document, variableValues: { ...executionArgs.variableValues, ...values(executionArgs.variableValues) } }),
      );
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
