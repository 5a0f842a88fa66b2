import { Identity } from '@reform/access';
import { AccessControl, UnitAncestry } from './access-control';

/** After 2025-07-01: Thăng Bình (513) abolished, Quảng Nam (49) merged into Đà Nẵng (48). */
const units: UnitAncestry = {
  ancestry: async (code) =>
    ({ '20800': ['20800', '513', '49', '20791', '48'], '513': ['513', '49', '48'], '48': ['48'], '20791': ['20791', '48'] })[code] ?? null,
  inForce: async (code) => ['48', '48.SNV', '20791'].includes(code),
};
const d513: Identity = { accountId: 'a', username: 'd513', unitCode: '513.PNV', roles: [{ role: 'UNIT_MANAGER', unitCode: '513' }] };
const carried: Identity = {
  accountId: 'b',
  username: 'doha',
  unitCode: '48.SNV',
  roles: [
    { role: 'PLATFORM_ADMIN', unitCode: '48' },
    { role: 'PLATFORM_ADMIN', unitCode: '49' },
  ],
};

describe('AccessControl across a reorganisation', () => {
  const access = new AccessControl(units);

  it('lets an account of an ended unit read its records but not act', async () => {
    expect(await access.allows(d513, 'read', '20800')).toBe(true);
    expect(await access.allows(d513, 'read-history', '513')).toBe(true);
    expect(await access.allows(d513, 'act', '20800')).toBe(false);
    expect(await access.allows(d513, 'manage', '513')).toBe(false);
    expect((await access.actingIdentity(d513)).roles).toEqual([]);
  });

  it('counts for writes only the grants at units in force', async () => {
    expect((await access.actingIdentity(carried)).roles).toEqual([{ role: 'PLATFORM_ADMIN', unitCode: '48' }]);
    expect(await access.allows(carried, 'administer', '20791')).toBe(true);
  });

  it('changes nothing where the service cannot tell what is in force', async () => {
    const old = new AccessControl({ ancestry: units.ancestry });
    expect(await old.allows(d513, 'manage', '513')).toBe(true);
  });

  it('keeps of several units those the identity may read: its own subtree, not a unit above, not an unknown one', async () => {
    expect([...(await access.allowedUnits(d513, 'read', ['20800', '48', '513', '20800', 'nowhere']))].sort()).toEqual(['20800', '513']);
  });
});
