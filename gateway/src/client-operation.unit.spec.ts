import { buildSchema, parse, print } from 'graphql';
import { argumentsAsVariables } from './client-operation';

const schema = buildSchema(`
  scalar Date
  input Range { from: Date! to: Date }
  type Plan { id: ID! tasks(limit: Int): [String!]! }
  type Query { plan(id: ID!, asOf: Date): Plan plans(range: Range, year: Int): [Plan!]! }
`);

describe('argumentsAsVariables (the gateway, ADR 0040)', () => {
  it('makes each literal argument a variable of its type named _<field>_<argument>, nested ones included', () => {
    const { document, values } = argumentsAsVariables(
      schema,
      parse('query P($y: Int) { plan(id: "7", asOf: "2020-13-01") { tasks(limit: 3) } plans(range: { from: "2020-01-01" }, year: $y) { id } }'),
    );
    expect(print(document)).toBe(
      'query P($y: Int, $_plan_id: ID!, $_plan_asOf: Date, $_tasks_limit: Int, $_plans_range: Range) {\n' +
        '  plan(id: $_plan_id, asOf: $_plan_asOf) {\n    tasks(limit: $_tasks_limit)\n  }\n' +
        '  plans(range: $_plans_range, year: $y) {\n    id\n  }\n}',
    );
    expect(values).toEqual({ _plan_id: '7', _plan_asOf: '2020-13-01', _tasks_limit: 3, _plans_range: { from: '2020-01-01' } });
  });

  it('gives the same argument of two aliased fields two names, inside fragments too; leaves directives and variables as written', () => {
    const { document, values } = argumentsAsVariables(
      schema,
      parse('{ a: plan(id: "1") { ...T } b: plan(id: "2") @include(if: true) { id } } fragment T on Plan { tasks(limit: 1) }'),
    );
    expect(values).toEqual({ _plan_id: '1', _plan_id_2: '2', _tasks_limit: 1 });
    expect(print(document)).toContain('b: plan(id: $_plan_id_2) @include(if: true)');
    expect(print(document)).toContain('fragment T on Plan {\n  tasks(limit: $_tasks_limit)\n}');
  });

  it('returns a document with nothing to change, or with several operations, as it is', () => {
    const none = parse('query($id: ID!) { plan(id: $id) { id } }');
    expect(argumentsAsVariables(schema, none).document).toBe(none);
    const two = parse('query A { plan(id: "1") { id } } query B { plan(id: "2") { id } }');
    expect(argumentsAsVariables(schema, two, 'A')).toEqual({ document: two, values: {} });
  });
});
