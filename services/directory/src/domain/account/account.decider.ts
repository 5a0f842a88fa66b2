import { assertNever, Decider, DomainError } from '@reform/decider';
import { Role, ROLES } from '@reform/access';

/**
 * An account of a person working for a unit (stream `account-<id>`). Roles are granted at a
 * unit and cover its subtree. Facts the decider cannot know (is the username taken, does the unit
 * exist) come in through the command, looked up by the handler.
 */
export type AccountEvent =
  | { type: 'AccountCreated'; data: { accountId: string; username: string; displayName: string; unitCode: string; passwordHash: string } }
  | { type: 'RoleGranted'; data: { role: Role; unitCode: string } }
  | { type: 'RoleRevoked'; data: { role: Role; unitCode: string } }
  | { type: 'PasswordChanged'; data: { passwordHash: string } }
  | { type: 'AccountDisabled'; data: { reason: string } };

export type AccountCommand =
  | { type: 'CreateAccount'; data: { accountId: string; username: string; displayName: string; unitCode: string; passwordHash: string; usernameTaken: boolean; unitExists: boolean } }
  | { type: 'GrantRole'; data: { role: string; unitCode: string; unitExists: boolean } }
  | { type: 'RevokeRole'; data: { role: string; unitCode: string } }
  | { type: 'ChangePassword'; data: { passwordHash: string } }
  | { type: 'DisableAccount'; data: { reason: string } };

export interface Grant {
  readonly role: Role;
  readonly unitCode: string;
}

export type AccountState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'active' | 'disabled';
      readonly accountId: string;
      readonly username: string;
      readonly displayName: string;
      readonly unitCode: string;
      readonly passwordHash: string;
      readonly roles: readonly Grant[];
    };

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

const sameGrant = (a: Grant, b: { role: string; unitCode: string }) => a.role === b.role && a.unitCode === b.unitCode;

function existing(state: AccountState) {
  if (state.status === 'absent') throw new DomainError('ACCOUNT.NOT_FOUND', 'Không tìm thấy tài khoản.', { kind: 'NOT_FOUND' });
  return state;
}

function active(state: AccountState) {
  const account = existing(state);
  if (account.status === 'disabled') throw new DomainError('ACCOUNT.DISABLED', 'Tài khoản đã bị vô hiệu hóa.', { kind: 'CONFLICT' });
  return account;
}

function role(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) {
    throw new DomainError('ACCOUNT.UNKNOWN_ROLE', `Vai trò "${value}" không tồn tại. Các vai trò: ${ROLES.join(', ')}.`, { field: 'role' });
  }
  return value as Role;
}

function decide(command: AccountCommand, state: AccountState): AccountEvent[] {
  switch (command.type) {
    case 'CreateAccount': {
      const { accountId, username, displayName, unitCode, passwordHash } = command.data;
      if (state.status !== 'absent') throw new DomainError('ACCOUNT.ALREADY_EXISTS', 'Tài khoản đã tồn tại.', { kind: 'CONFLICT' });
      if (!USERNAME.test(username)) {
        throw new DomainError('ACCOUNT.INVALID_USERNAME', 'Tên đăng nhập phải dài 3–64 ký tự, gồm chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.', { field: 'username' });
      }
      if (command.data.usernameTaken) throw new DomainError('ACCOUNT.USERNAME_TAKEN', `Tên đăng nhập "${username}" đã được sử dụng.`, { field: 'username', kind: 'CONFLICT' });
      if (!command.data.unitExists) throw new DomainError('ACCOUNT.UNKNOWN_UNIT', `Không tìm thấy đơn vị có mã "${unitCode}".`, { field: 'unitCode' });
      if (!displayName.trim()) throw new DomainError('ACCOUNT.DISPLAY_NAME_REQUIRED', 'Họ tên hoặc tên hiển thị không được để trống.', { field: 'displayName' });
      return [{ type: 'AccountCreated', data: { accountId, username, displayName: displayName.trim(), unitCode, passwordHash } }];
    }
    case 'GrantRole': {
      const account = active(state);
      const granted = { role: role(command.data.role), unitCode: command.data.unitCode };
      if (!command.data.unitExists) throw new DomainError('ACCOUNT.UNKNOWN_UNIT', `Không tìm thấy đơn vị có mã "${granted.unitCode}".`, { field: 'unitCode' });
      if (account.roles.some((grant) => sameGrant(grant, granted))) return [];
      return [{ type: 'RoleGranted', data: granted }];
    }
    case 'RevokeRole': {
      const account = existing(state);
      const revoked = { role: role(command.data.role), unitCode: command.data.unitCode };
      if (!account.roles.some((grant) => sameGrant(grant, revoked))) return [];
      return [{ type: 'RoleRevoked', data: revoked }];
    }
    case 'ChangePassword':
      active(state);
      return [{ type: 'PasswordChanged', data: { passwordHash: command.data.passwordHash } }];
    case 'DisableAccount': {
      const account = existing(state);
      if (account.status === 'disabled') return [];
      if (!command.data.reason.trim()) throw new DomainError('ACCOUNT.REASON_REQUIRED', 'Cần nêu lý do vô hiệu hóa tài khoản.', { field: 'reason' });
      return [{ type: 'AccountDisabled', data: { reason: command.data.reason.trim() } }];
    }
    default:
      return assertNever(command, 'account command');
  }
}

function evolve(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'AccountCreated':
      return { status: 'active', ...event.data, roles: [] };
    case 'RoleGranted':
      return state.status === 'absent' ? state : { ...state, roles: [...state.roles, event.data] };
    case 'RoleRevoked':
      return state.status === 'absent' ? state : { ...state, roles: state.roles.filter((grant) => !sameGrant(grant, event.data)) };
    case 'PasswordChanged':
      return state.status === 'absent' ? state : { ...state, passwordHash: event.data.passwordHash };
    case 'AccountDisabled':
      return state.status === 'absent' ? state : { ...state, status: 'disabled' };
    default:
      return assertNever(event, 'account event');
  }
}

export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState> = {
  decide,
  evolve,
  initialState: { status: 'absent' },
};

export const accountStreamId = (accountId: string) => `account-${accountId}`;
