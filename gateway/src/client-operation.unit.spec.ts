import { buildSchema, parse, print } from 'graphql';
import { argumentsAsVariables } from './client-operation';

const schema = buildSchema(`
  scalar Date
  input Range { from: Date! to: Date }
  type Plan { id: ID! tasks(limit: Int): [String!]! }
  type Query { plan(id: ID!, asOf: Date): Plan plans(range: Range, year: Int): [Plan!]! }
`);

describe('argumentsAsVariables (the gateway, ADR 0040)', () => {
  it("makes each argument a variable of its type named _<field>_<argument>: literals, nested ones and the client's variables", () => {
    const rewritten = argumentsAsVariables(
      schema,
      parse('query P($y: Int, $from: Date) { plan(id: "7", asOf: "2020-13-01") { tasks(limit: 3) } plans(range: { from: $from }, year: $y) { id } }'),
    );
    expect(print(rewritten.document)).toBe(
      'query P($_plan_id: ID!, $_plan_asOf: Date, $_tasks_limit: Int, $_plans_range: Range, $_plans_year: Int) {\n' +
        '  plan(id: $_plan_id, asOf: $_plan_asOf) {\n    tasks(limit: $_tasks_limit)\n  }\n' +
        '  plans(range: $_plans_range, year: $_plans_year) {\n    id\n  }\n}',
    );
    expect(rewritten.values({ y: 2021, from: '2021-01-01' })).toEqual({
      _plan_id: '7',
      _plan_asOf: '2020-13-01',
      _tasks_limit: 3,
      _plans_range: { from: '2021-01-01' },
      _plans_year: 2021,
    });
  });

  it("leaves out an argument whose variable the client left out, and applies the client's defaults", () => {
    const rewritten = argumentsAsVariables(schema, parse('query($y: Int, $id: ID! = "9") { plans(year: $y) { id } plan(id: $id) { id } }'));
    expect(rewritten.values({})).toEqual({ _plan_id: '9' });
    expect(rewritten.values({ y: null, id: '4' })).toEqual({ _plans_year: null, _plan_id: '4' });
  });

  it("gives the same argument of two aliased fields two names, inside fragments too; leaves directives' arguments and their variables", () => {
    const rewritten = argumentsAsVariables(
      schema,
      parse('query($show: Boolean!) { a: plan(id: "1") { ...T } b: plan(id: "2") @include(if: $show) { id } } fragment T on Plan { tasks(limit: 1) }'),
    );
    expect(rewritten.values({ show: true })).toEqual({ _plan_id: '1', _plan_id_2: '2', _tasks_limit: 1 });
    const printed = print(rewritten.document);
    expect(printed).toContain('query ($show: Boolean!, $_plan_id: ID!, $_plan_id_2: ID!, $_tasks_limit: Int)');
    expect(printed).toContain('b: plan(id: $_plan_id_2) @include(if: $show)');
    expect(printed).toContain('fragment T on Plan {\n  tasks(limit: $_tasks_limit)\n}');
  });

  it('returns a document without arguments, or with several operations, as it is', () => {
    const none = parse('{ plans { id } }');
    expect(argumentsAsVariables(schema, none).document).toBe(none);
    const two = parse('query A { plan(id: "1") { id } } query B { plan(id: "2") { id } }');
    expect(argumentsAsVariables(schema, two, 'A').document).toBe(two);
  });
});
