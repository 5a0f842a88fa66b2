import { RecordedEvent } from '@reform/event-store';
import { accessAncestry, chainInForce, streamCommandMetadata, tenantOf, tenantOfChain, UnitChainLink, UnitReader } from './tenancy';

/** Quảng Nam's Thăng Bình around the 2025 reorganisation, as periods per unit. */
type Period = { from: string | null; to: string | null; parentCode: string | null };
const UNITS: Record<string, { level: UnitChainLink['level']; periods: Period[]; successors?: UnitChainLink['successors'] }> = {
  '48': { level: 'PROVINCE', periods: [{ from: null, to: null, parentCode: null }] },
  '49': {
    level: 'PROVINCE',
    periods: [{ from: null, to: '2025-07-01', parentCode: null }],
    successors: [{ code: '48', relation: 'MERGED_INTO', effectiveOn: '2025-07-01' }],
  },
  '49.SNV': {
    level: 'AGENCY',
    periods: [{ from: null, to: '2025-07-01', parentCode: '49' }],
    successors: [{ code: '48.SNV', relation: 'MERGED_INTO', effectiveOn: '2025-07-01' }],
  },
  '48.SNV': { level: 'AGENCY', periods: [{ from: null, to: null, parentCode: '48' }] },
  '513': { level: 'DISTRICT', periods: [{ from: null, to: '2025-07-01', parentCode: '49' }] },
  // 20794 kept its code: it moved from its district to the province.
  '20794': {
    level: 'COMMUNE',
    periods: [
      { from: null, to: '2025-07-01', parentCode: '513' },
      { from: '2025-07-01', to: null, parentCode: '48' },
    ],
  },
  '20797': {
    level: 'COMMUNE',
    periods: [{ from: null, to: '2025-07-01', parentCode: '513' }],
    successors: [{ code: '20794', relation: 'MERGED_INTO', effectiveOn: '2025-07-01' }],
  },
  '20797.VPTK': { level: 'AGENCY', periods: [{ from: null, to: '2025-07-01', parentCode: '20797' }] },
};

const link = (code: string, period: Period): UnitChainLink => {
  const unit = UNITS[code];
  return {
    code,
    level: unit.level,
    parentCode: period.parentCode,
    validFrom: unit.periods[0].from,
    validTo: unit.periods[unit.periods.length - 1].to,
    successors: unit.successors ?? [],
  };
};
const reader: UnitReader = {
  unit: async (code, day) => {
    const period = UNITS[code]?.periods.find((p) => (p.from === null || p.from <= day) && (p.to === null || day < p.to));
    return period ? link(code, period) : null;
  },
  lastKnown: async (code) => (UNITS[code] ? link(code, UNITS[code].periods[UNITS[code].periods.length - 1]) : null),
};

describe('tenancy across the 2025 reorganisation', () => {
  it('a district before 2025-07-01, a commune after, the province for its own bodies', async () => {
    expect(await tenantOf(reader, '20794', '2023-05-01')).toBe('513');
    expect(await tenantOf(reader, '20794', '2025-07-01')).toBe('20794');
    expect(await tenantOf(reader, '48.SNV', '2026-01-01')).toBe('48');
    expect(tenantOfChain([{ code: 'x', level: 'AGENCY' }])).toBe('platform');
  });

  it('an ended unit keeps its last place: its work stays in its district’s tenancy', async () => {
    expect((await chainInForce(reader, '20797.VPTK', '2026-01-01')).map((u) => u.code)).toEqual(['20797.VPTK', '20797', '513', '49']);
    expect(await tenantOf(reader, '20797', '2026-01-01')).toBe('513');
  });

  it('follows lineage in effect for access: a role at the successor covers its predecessors’ records', async () => {
    expect(await accessAncestry(reader, '20797', '2026-01-01')).toEqual(['20797', '513', '49', '20794', '48']);
    expect(await accessAncestry(reader, '49.SNV', '2026-01-01')).toEqual(['49.SNV', '49', '48.SNV', '48']);
    // Not before it takes effect.
    expect(await accessAncestry(reader, '20797', '2025-06-30')).toEqual(['20797', '513', '49']);
    expect(await accessAncestry(reader, 'nowhere', '2026-01-01')).toBeNull();
  });

  it("gives a command on a stream its actor, its tenant and the stream's thread: the first event's correlation, caused by the last", async () => {
    const acting = { accountId: 'a-1', username: 'd513', unitCode: '513', roles: [] };
    const metadata = await streamCommandMetadata(reader, acting, '20794', '2023-05-01');
    const fresh = metadata([]);
    expect(fresh).toEqual({
      actor: { accountId: 'a-1', username: 'd513', unitCode: '513' },
      tenant: '513',
      correlationId: expect.any(String),
      causationId: null,
    });
    const past = [
      { eventId: 'e-1', metadata: { correlationId: 'c-1' } },
      { eventId: 'e-2', metadata: { correlationId: 'c-2' } },
    ] as unknown as RecordedEvent[];
    expect(metadata(past)).toMatchObject({ tenant: '513', correlationId: 'c-1', causationId: 'e-2' });
    expect((await streamCommandMetadata(reader, acting, null, '2023-05-01'))([]).tenant).toBe('platform');
  });
});
