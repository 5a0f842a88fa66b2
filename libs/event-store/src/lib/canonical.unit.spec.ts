import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson, eventHash, eventHasher } from './canonical';

/** The definition the stored hash chains were written with: sha256 of the canonical JSON array. */
const byDefinition = (f: Parameters<typeof eventHash>[0]) =>
  createHash('sha256')
    .update(canonicalJson([f.previousHash, f.streamId, f.streamVersion, f.eventId, f.type, f.schemaVersion, f.data, f.metadata, f.recordedAt.toISOString()]))
    .digest('hex');

describe('eventHasher (metadata canonicalised once per append)', () => {
  const metadata = { tenant: '513', actor: { username: 'ngô', accountId: 'a-1', unitCode: null }, correlationId: 'c', causationId: null };
  const recordedAt = new Date('2026-12-02T06:00:00.123Z');
  const cases = [
    {
      previousHash: null,
      streamId: 'plan-1',
      streamVersion: 1,
      eventId: '8b0f4b52-7f6d-4f0e-9a34-0f5f7d1c2b11',
      type: 'PlanDrafted',
      schemaVersion: 1,
      data: { z: 1, a: [{ y: 'x', b: null }], nested: { q: undefined, p: 2 } },
    },
    {
      previousHash: 'ab'.repeat(32),
      streamId: 's"q\\uote',
      streamVersion: 42,
      eventId: '00000000-0000-4000-8000-000000000000',
      type: 'T',
      schemaVersion: 3,
      data: 'text "quoted"',
    },
    {
      previousHash: 'cd'.repeat(32),
      streamId: 'x',
      streamVersion: 2,
      eventId: '11111111-1111-4111-8111-111111111111',
      type: 'T',
      schemaVersion: 1,
      data: null,
    },
  ];

  it.each(cases.map((c, i) => [i, c] as const))('hashes case %i exactly as the canonical JSON of all nine fields', (_, fields) => {
    const expected = byDefinition({ ...fields, metadata, recordedAt });
    expect(eventHasher(metadata, recordedAt)(fields)).toBe(expected);
    expect(eventHash({ ...fields, metadata, recordedAt })).toBe(expected);
  });

  it('differs when any field differs', () => {
    const hash = eventHasher(metadata, recordedAt);
    const base = hash(cases[0]);
    expect(hash({ ...cases[0], streamVersion: 2 })).not.toBe(base);
    expect(eventHasher({ ...metadata, tenant: '514' }, recordedAt)(cases[0])).not.toBe(base);
    expect(eventHasher(metadata, new Date(recordedAt.getTime() + 1))(cases[0])).not.toBe(base);
  });
});

describe('canonicalJson', () => {
  // The form the stored hash chains were written with (before the loops): entries filtered, sorted by `<`, joined.
  const reference = (value: unknown): string => {
    if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
    if (value instanceof Date) return JSON.stringify(value.toISOString());
    if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  };

  it('writes any JSON value as the reference form does (keys in UTF-16 order, undefined members left out)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expect(canonicalJson(value)).toBe(reference(value))),
      { numRuns: 500 },
    );
    const odd = { ă: 1, a: [undefined, { z: undefined, Đ: new Date('2026-01-01T00:00:00Z') }], B: null, '😀': 'x', ｚ: 2 };
    expect(canonicalJson(odd)).toBe(reference(odd));
    expect(JSON.parse(canonicalJson(odd))).toEqual(JSON.parse(JSON.stringify(odd)));
  });
});
