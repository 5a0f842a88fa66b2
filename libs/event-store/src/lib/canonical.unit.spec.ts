import { createHash } from 'node:crypto';
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
    { previousHash: null, streamId: 'plan-1', streamVersion: 1, eventId: '8b0f4b52-7f6d-4f0e-9a34-0f5f7d1c2b11', type: 'PlanDrafted', schemaVersion: 1, data: { z: 1, a: [{ y: 'x', b: null }], nested: { q: undefined, p: 2 } } },
    { previousHash: 'ab'.repeat(32), streamId: 's"q\\uote', streamVersion: 42, eventId: '00000000-0000-4000-8000-000000000000', type: 'T', schemaVersion: 3, data: 'text "quoted"' },
    { previousHash: 'cd'.repeat(32), streamId: 'x', streamVersion: 2, eventId: '11111111-1111-4111-8111-111111111111', type: 'T', schemaVersion: 1, data: null },
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
