import { spec } from '@reform/decider';
import { AccountCommand, AccountEvent, accountDecider } from './account.decider';

const created: AccountEvent = {
  type: 'AccountCreated',
  data: { accountId: 'a1', username: 'd513', displayName: 'Phòng Nội vụ huyện Thăng Bình', unitCode: '513', passwordHash: 'scrypt$h' },
};
const create = (overrides: Partial<Extract<AccountCommand, { type: 'CreateAccount' }>['data']> = {}): AccountCommand => ({
  type: 'CreateAccount',
  data: { accountId: 'a1', username: 'd513', displayName: 'Phòng Nội vụ huyện Thăng Bình', unitCode: '513', passwordHash: 'scrypt$h', usernameTaken: false, unitExists: true, ...overrides },
});
const manager: AccountEvent = { type: 'RoleGranted', data: { role: 'UNIT_MANAGER', unitCode: '513' } };
const account = spec(accountDecider);

describe('Account decider', () => {
  it('creates an account', () => account.given([]).when(create()).then([created]));
  it('refuses a second creation', () => account.given([created]).when(create()).thenThrows('ACCOUNT.ALREADY_EXISTS'));
  it('refuses a taken username, naming the field', () => account.given([]).when(create({ usernameTaken: true })).thenThrows('ACCOUNT.USERNAME_TAKEN', 'username'));
  it('refuses a malformed username', () => account.given([]).when(create({ username: 'Đ 513' })).thenThrows('ACCOUNT.INVALID_USERNAME', 'username'));
  it('refuses an unknown unit', () => account.given([]).when(create({ unitExists: false })).thenThrows('ACCOUNT.UNKNOWN_UNIT', 'unitCode'));

  it('grants a role once', () => {
    account.given([created]).when({ type: 'GrantRole', data: { role: 'UNIT_MANAGER', unitCode: '513', unitExists: true } }).then([manager]);
    account.given([created, manager]).when({ type: 'GrantRole', data: { role: 'UNIT_MANAGER', unitCode: '513', unitExists: true } }).then([]);
  });
  it('refuses an unknown role', () =>
    account.given([created]).when({ type: 'GrantRole', data: { role: 'KING', unitCode: '513', unitExists: true } }).thenThrows('ACCOUNT.UNKNOWN_ROLE', 'role'));
  it('revokes a held role and ignores one not held', () => {
    account.given([created, manager]).when({ type: 'RevokeRole', data: { role: 'UNIT_MANAGER', unitCode: '513' } }).then([{ type: 'RoleRevoked', data: { role: 'UNIT_MANAGER', unitCode: '513' } }]);
    account.given([created]).when({ type: 'RevokeRole', data: { role: 'AUDITOR', unitCode: '49' } }).then([]);
  });
  it('disables with a reason, then refuses grants and password changes', () => {
    const disabled: AccountEvent = { type: 'AccountDisabled', data: { reason: 'Chuyển công tác' } };
    account.given([created]).when({ type: 'DisableAccount', data: { reason: ' Chuyển công tác ' } }).then([disabled]);
    account.given([created]).when({ type: 'DisableAccount', data: { reason: ' ' } }).thenThrows('ACCOUNT.REASON_REQUIRED', 'reason');
    account.given([created, disabled]).when({ type: 'ChangePassword', data: { passwordHash: 'x' } }).thenThrows('ACCOUNT.DISABLED');
    account.given([created, disabled]).when({ type: 'GrantRole', data: { role: 'VIEWER', unitCode: '513', unitExists: true } }).thenThrows('ACCOUNT.DISABLED');
  });
  it('folds roles and status into the state', () =>
    account.given([created, manager]).when({ type: 'ChangePassword', data: { passwordHash: 'scrypt$new' } }).thenState((state) => {
      expect(state).toMatchObject({ status: 'active', passwordHash: 'scrypt$new', roles: [{ role: 'UNIT_MANAGER', unitCode: '513' }] });
    }));
  it('needs an account for every other command', () =>
    account.given([]).when({ type: 'ChangePassword', data: { passwordHash: 'x' } }).thenThrows('ACCOUNT.NOT_FOUND'));
});
