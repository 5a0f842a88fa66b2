import { Identity, isAllowed, canWriteAnywhere } from './access-policy';

// Quảng Nam (49) → Thăng Bình (513) → Bình Dương (20...); Quế Sơn (509) is a sibling district.
const THANG_BINH_COMMUNE = ['20437', '513', '49'];
const THANG_BINH = ['513', '49'];
const QUE_SON_COMMUNE = ['20593', '509', '49'];
const PROVINCE = ['49'];
const OTHER_PROVINCE = ['02'];

const who = (role: Identity['roles'][number]['role'], unitCode: string): Identity => ({
  accountId: `${role}-${unitCode}`,
  username: `${role}-${unitCode}`,
  unitCode,
  roles: [{ role, unitCode }],
});

describe('access policy', () => {
  const cases: Array<[string, Identity, Parameters<typeof isAllowed>[1], readonly string[], boolean]> = [
    ['district manager reads its commune', who('UNIT_MANAGER', '513'), 'read', THANG_BINH_COMMUNE, true],
    ['district manager manages its own unit', who('UNIT_MANAGER', '513'), 'manage', THANG_BINH, true],
    ['district manager cannot read a sibling district’s commune', who('UNIT_MANAGER', '513'), 'read', QUE_SON_COMMUNE, false],
    ['district manager cannot read the province', who('UNIT_MANAGER', '513'), 'read', PROVINCE, false],
    ['district manager cannot administer units', who('UNIT_MANAGER', '513'), 'administer', THANG_BINH, false],
    ['commune officer acts for itself', who('UNIT_OFFICER', '20437'), 'act', THANG_BINH_COMMUNE, true],
    ['commune officer cannot act for its district', who('UNIT_OFFICER', '20437'), 'act', THANG_BINH, false],
    ['commune officer cannot manage', who('UNIT_OFFICER', '20437'), 'manage', THANG_BINH_COMMUNE, false],
    ['auditor reads history in the province', who('AUDITOR', '49'), 'read-history', QUE_SON_COMMUNE, true],
    ['auditor never acts', who('AUDITOR', '49'), 'act', THANG_BINH_COMMUNE, false],
    ['auditor cannot read another province', who('AUDITOR', '49'), 'read', OTHER_PROVINCE, false],
    ['viewer reads but not history', who('VIEWER', '513'), 'read-history', THANG_BINH, false],
    ['platform administrator administers its province', who('PLATFORM_ADMIN', '49'), 'administer', QUE_SON_COMMUNE, true],
    ['platform administrator of 49 cannot administer 02', who('PLATFORM_ADMIN', '49'), 'administer', OTHER_PROVINCE, false],
  ];

  it.each(cases)('%s', (_name, identity, action, ancestry, expected) => {
    expect(isAllowed(identity, action, ancestry)).toBe(expected);
  });

  it('tells read-only identities apart', () => {
    expect(canWriteAnywhere(who('AUDITOR', '49'))).toBe(false);
    expect(canWriteAnywhere(who('VIEWER', '49'))).toBe(false);
    expect(canWriteAnywhere(who('UNIT_OFFICER', '20437'))).toBe(true);
  });
});
