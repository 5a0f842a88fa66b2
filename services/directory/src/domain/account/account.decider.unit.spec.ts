import { spec } from '@reform/decider';
import { AccountCommand, AccountEvent, accountDecider } from './account.decider';

const created: AccountEvent = {
  type: 'AccountCreated',
  data: { accountId: 'a1', username: 'd513', displayName: 'Phòng Nội vụ huyện Thăng Bình', unitCode: '513', passwordHash: 'scrypt$h' },
};
const create = (overrides: Partial<Extract<AccountCommand, { type: 'CreateAccount' }>['data']> = {}): AccountCommand => ({
  type: 'CreateAccount',
  data: {
    accountId: 'a1',
    username: 'd513',
    displayName: 'Phòng Nội vụ huyện Thăng Bình',
    unitCode: '513',
    passwordHash: 'scrypt$h',
    usernameTaken: false,
    unitExists: true,
    ...overrides,
  },
});
const manager: AccountEvent = { type: 'RoleGranted', data: { role: 'UNIT_MANAGER', unitCode: '513' } };
const account = spec(accountDecider);

describe('Account decider', () => {
  it('creates an account', () => account.given([]).when(create()).then([created]));
  it('refuses a second creation', () => account.given([created]).when(create()).thenThrows('ACCOUNT.ALREADY_EXISTS'));
  it('refuses a taken username, naming the field', () =>
    account
      .given([])
      .when(create({ usernameTaken: true }))
      .thenThrows('ACCOUNT.USERNAME_TAKEN', 'username'));
  it('refuses a malformed username', () =>
    account
      .given([])
      .when(create({ username: 'Đ 513' }))
      .thenThrows('ACCOUNT.INVALID_USERNAME', 'username'));
  it('refuses an unknown unit', () =>
    account
      .given([])
      .when(create({ unitExists: false }))
      .thenThrows('ACCOUNT.UNKNOWN_UNIT', 'unitCode'));

  it('grants a role once', () => {
    account
      .given([created])
      .when({ type: 'GrantRole', data: { role: 'UNIT_MANAGER', unitCode: '513', unitExists: true } })
      .then([manager]);
    account
      .given([created, manager])
      .when({ type: 'GrantRole', data: { role: 'UNIT_MANAGER', unitCode: '513', unitExists: true } })
      .then([]);
  });
  it('refuses an unknown role', () =>
    account
      .given([created])
      .when({ type: 'GrantRole', data: { role: 'KING', unitCode: '513', unitExists: true } })
      .thenThrows('ACCOUNT.UNKNOWN_ROLE', 'role'));
  it('revokes a held role and ignores one not held', () => {
    account
      .given([created, manager])
      .when({ type: 'RevokeRole', data: { role: 'UNIT_MANAGER', unitCode: '513' } })
      .then([{ type: 'RoleRevoked', data: { role: 'UNIT_MANAGER', unitCode: '513' } }]);
    account
      .given([created])
      .when({ type: 'RevokeRole', data: { role: 'AUDITOR', unitCode: '49' } })
      .then([]);
  });
  it('disables with a reason, then refuses grants and password changes', () => {
    const disabled: AccountEvent = { type: 'AccountDisabled', data: { reason: 'Chuyển công tác' } };
    account
      .given([created])
      .when({ type: 'DisableAccount', data: { reason: ' Chuyển công tác ' } })
      .then([disabled]);
    account
      .given([created])
      .when({ type: 'DisableAccount', data: { reason: ' ' } })
      .thenThrows('ACCOUNT.REASON_REQUIRED', 'reason');
    account
      .given([created, disabled])
      .when({ type: 'ChangePassword', data: { passwordHash: 'x' } })
      .thenThrows('ACCOUNT.DISABLED');
    account
      .given([created, disabled])
      .when({ type: 'GrantRole', data: { role: 'VIEWER', unitCode: '513', unitExists: true } })
      .thenThrows('ACCOUNT.DISABLED');
  });
  it('folds roles and status into the state', () =>
    account
      .given([created, manager])
      .when({ type: 'ChangePassword', data: { passwordHash: 'scrypt$new' } })
      .thenState((state) => {
        expect(state).toMatchObject({ status: 'active', passwordHash: 'scrypt$new', roles: [{ role: 'UNIT_MANAGER', unitCode: '513' }] });
      }));
  it('needs an account for every other command', () =>
    account
      .given([])
      .when({ type: 'ChangePassword', data: { passwordHash: 'x' } })
      .thenThrows('ACCOUNT.NOT_FOUND'));
});

describe('Account decider: carried across a reorganisation (an explicit, recorded act)', () => {
  const doha: AccountEvent = {
    type: 'AccountCreated',
    data: { accountId: 'a2', username: 'doha', displayName: 'Sở Nội vụ tỉnh Quảng Nam', unitCode: '49.SNV', passwordHash: 'scrypt$h' },
  };
  const admin: AccountEvent = { type: 'RoleGranted', data: { role: 'PLATFORM_ADMIN', unitCode: '49' } };
  const merged = (successor: string | null, source = 'NQ 202/2025/QH15') => ({ inForce: false as const, successor, source });
  const carry = (units: Record<string, unknown>, toUnitCode: string | null = null, toUnitInForce = false): AccountCommand => ({
    type: 'CarryAcrossReorganisation',
    data: { units: units as never, toUnitCode, toUnitInForce },
  });

  it('moves the account and its grants to the unit that took the whole of them, citing the act', () =>
    account
      .given([doha, admin])
      .when(carry({ '49.SNV': merged('48.SNV'), '49': merged('48') }))
      .then([
        {
          type: 'AccountMoved',
          data: { fromUnitCode: '49.SNV', toUnitCode: '48.SNV', reason: 'Sắp xếp đơn vị hành chính: đơn vị 49.SNV đã nhập vào 48.SNV (NQ 202/2025/QH15).' },
        },
        {
          type: 'RoleRevoked',
          data: { role: 'PLATFORM_ADMIN', unitCode: '49', reason: 'Sắp xếp đơn vị hành chính: đơn vị 49 đã nhập vào 48 (NQ 202/2025/QH15).' },
        },
        {
          type: 'RoleGranted',
          data: { role: 'PLATFORM_ADMIN', unitCode: '48', reason: 'Sắp xếp đơn vị hành chính: đơn vị 49 đã nhập vào 48 (NQ 202/2025/QH15).' },
        },
      ]));
  it('ends a grant at an abolished district and asks where the account goes now', () =>
    account
      .given([created, manager])
      .when(carry({ '513': merged(null, 'Luật 72/2025/QH15') }))
      .thenThrows('ACCOUNT.SUCCESSOR_REQUIRED', 'toUnitCode'));
  it('ends a grant at an abolished district, moving the account where the administrator says', () =>
    account
      .given([created, manager])
      .when(carry({ '513': merged(null, 'Luật 72/2025/QH15') }, '48.SNV', true))
      .then([
        {
          type: 'AccountMoved',
          data: { fromUnitCode: '513', toUnitCode: '48.SNV', reason: 'Sắp xếp đơn vị hành chính: đơn vị 513 đã kết thúc (Luật 72/2025/QH15).' },
        },
        {
          type: 'RoleRevoked',
          data: { role: 'UNIT_MANAGER', unitCode: '513', reason: 'Sắp xếp đơn vị hành chính: đơn vị 513 đã kết thúc (Luật 72/2025/QH15).' },
        },
      ]));
  it('refuses a new unit that is not in force', () =>
    account
      .given([created, manager])
      .when(carry({ '513': merged(null) }, '513', false))
      .thenThrows('ACCOUNT.UNKNOWN_UNIT', 'toUnitCode'));
  it('appends nothing when every unit is in force', () =>
    account
      .given([created, manager])
      .when(carry({ '513': { inForce: true } }))
      .then([]));
  it('folds the move: the account works for its new unit', () =>
    account
      .given([doha, admin])
      .when(carry({ '49.SNV': merged('48.SNV'), '49': merged('48') }))
      .thenState((state) => expect(state).toMatchObject({ unitCode: '48.SNV', roles: [{ role: 'PLATFORM_ADMIN', unitCode: '48' }] })));
});
