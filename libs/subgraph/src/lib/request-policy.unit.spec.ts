import { parse } from 'graphql';
import { verdictMemo } from './request-policy.plugin';

describe('the request policy decides once per document, limits and variables', () => {
  it('asks again only for other variables or other limits, and keeps no long variables as keys', () => {
    const memo = verdictMemo<string>();
    const document = parse('query($id: ID!) { plan(id: $id) { id } }');
    let decided = 0;
    const decide = () => `verdict ${++decided}`;
    expect(memo(document, 'signedIn', { id: 'a' }, decide)).toBe('verdict 1');
    expect(memo(document, 'signedIn', { id: 'a' }, decide)).toBe('verdict 1');
    expect(memo(document, 'signedIn', { id: 'b' }, decide)).toBe('verdict 2');
    expect(memo(document, 'reader', { id: 'a' }, decide)).toBe('verdict 3');
    // Another parse of the same text is another document (Apollo's cache hands the same one).
    expect(memo(parse('query($id: ID!) { plan(id: $id) { id } }'), 'signedIn', { id: 'a' }, decide)).toBe('verdict 4');
    const long = { id: 'x'.repeat(3_000) };
    expect(memo(document, 'signedIn', long, decide)).toBe('verdict 5');
    expect(memo(document, 'signedIn', long, decide)).toBe('verdict 6');
    expect(decided).toBe(6);
  });
});
