import { buildSchema, parse } from 'graphql';
import { checkQueryLimits } from './query-limits';

// A schema with a plain list, a paged list and its page type, as the subgraphs declare them.
const schema = buildSchema(`
  type Item { id: ID! a: String b: String c: String }
  type ItemPage { items: [Item!]! total: Int! offset: Int! limit: Int! hasNextPage: Boolean! }
  type Query {
    assignments(offset: Int, limit: Int): [Item!]!
    assignmentPage(offset: Int, limit: Int): ItemPage!
  }
`);
const cost = (query: string, variables: Record<string, unknown> = {}): number => {
  const errors = checkQueryLimits(schema, parse(query), { depth: 50, aliases: 50, cost: 1 }, variables);
  return Number(errors.find((error) => error.extensions['rule'] === 'cost')?.extensions['actual']);
};

describe('query cost of paged lists (ADR 0022, ADR 0029)', () => {
  it('a page costs its limit (argument or variable) times what is selected under its items, and the page maximum without one', () => {
    expect(cost('{ assignmentPage(limit: 10) { total items { id a } } }')).toBe(1 + 10 * (1 + (1 + 2)));
    expect(cost('query($l: Int) { assignmentPage(limit: $l) { items { id } } }', { l: 500 })).toBe(1 + 500 * (1 + 1));
    expect(cost('{ assignmentPage { items { id } } }')).toBe(1 + 1_000 * (1 + 1));
  });

  it('a plain list with limit costs that many rows; without, the size assumed for the field', () => {
    expect(cost('{ assignments(limit: 1000) { id a b c } }')).toBe(1 + 1_000 * 4);
    expect(cost('{ assignments { id } }')).toBe(1 + 100 * 1);
  });
});
