import { assertNever, Decider, DomainError } from '@reform/decider';
import { Role, ROLES } from '@reform/access';

/**
 * An account of a person working for a unit (stream `account-<id>`). Roles are granted at a
 * unit and cover its subtree. Facts the decider cannot know (is the username taken, does the unit
 * exist) come in through the command, looked up by the handler.
 */
export type AccountEvent =
  | { type: 'AccountCreated'; data: { accountId: string; username: string; displayName: string; unitCode: string; passwordHash: string } }
  /** `reason`: set when an administrative act of a reorganisation moved or ended the grant. */
  | { type: 'RoleGranted'; data: { role: Role; unitCode: string; reason?: string } }
  | { type: 'RoleRevoked'; data: { role: Role; unitCode: string; reason?: string } }
  | { type: 'PasswordChanged'; data: { passwordHash: string } }
  | { type: 'AccountDisabled'; data: { reason: string } }
  /** The account now works for another unit (its own ended in a reorganisation). */
  | { type: 'AccountMoved'; data: { fromUnitCode: string; toUnitCode: string; reason: string } };

export type AccountCommand =
  | {
      type: 'CreateAccount';
      data: { accountId: string; username: string; displayName: string; unitCode: string; passwordHash: string; usernameTaken: boolean; unitExists: boolean };
    }
  | { type: 'GrantRole'; data: { role: string; unitCode: string; unitExists: boolean } }
  | { type: 'RevokeRole'; data: { role: string; unitCode: string } }
  | { type: 'ChangePassword'; data: { passwordHash: string } }
  | { type: 'DisableAccount'; data: { reason: string } }
  /**
   * The administrative act that carries an account across a reorganisation: grants at ended
   * units move to the unit that took the whole of it, or end; the account's own unit, if it
   * ended, is replaced by its successor or by `toUnitCode`. `units` holds, for each unit the
   * account names, what the handler found: in force today, else its successor in force (null
   * when it was abolished or split) and the act that ended it.
   */
  | {
      type: 'CarryAcrossReorganisation';
      data: { units: Readonly<Record<string, UnitFate>>; toUnitCode: string | null; toUnitInForce: boolean };
    };

/** A unit as a reorganisation left it: still in force, or ended with its one successor (if any). */
export type UnitFate = { readonly inForce: true } | { readonly inForce: false; readonly successor: string | null; readonly source: string | null };

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
        throw new DomainError(
          'ACCOUNT.INVALID_USERNAME',
          'Tên đăng nhập phải dài 3–64 ký tự, gồm chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.',
          { field: 'username' },
        );
      }
      if (command.data.usernameTaken)
        throw new DomainError('ACCOUNT.USERNAME_TAKEN', `Tên đăng nhập "${username}" đã được sử dụng.`, { field: 'username', kind: 'CONFLICT' });
      if (!command.data.unitExists) throw new DomainError('ACCOUNT.UNKNOWN_UNIT', `Không tìm thấy đơn vị có mã "${unitCode}".`, { field: 'unitCode' });
      if (!displayName.trim())
        throw new DomainError('ACCOUNT.DISPLAY_NAME_REQUIRED', 'Họ tên hoặc tên hiển thị không được để trống.', { field: 'displayName' });
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
    case 'CarryAcrossReorganisation':
      return carryAcross(active(state), command.data);
    default:
      return assertNever(command, 'account command');
  }
}

const why = (code: string, fate: Extract<UnitFate, { inForce: false }>) =>
  `Sắp xếp đơn vị hành chính: đơn vị ${code} ${fate.successor ? `đã nhập vào ${fate.successor}` : 'đã kết thúc'}${fate.source ? ` (${fate.source})` : ''}.`;

function carryAcross(
  account: Exclude<AccountState, { status: 'absent' }>,
  data: Extract<AccountCommand, { type: 'CarryAcrossReorganisation' }>['data'],
): AccountEvent[] {
  const fateOf = (code: string): UnitFate => {
    const fate = data.units[code];
    if (!fate) throw new Error(`no fate given for unit ${code}`);
    return fate;
  };
  const events: AccountEvent[] = [];
  const own = fateOf(account.unitCode);
  if (data.toUnitCode !== null && !data.toUnitInForce) {
    throw new DomainError('ACCOUNT.UNKNOWN_UNIT', `Đơn vị "${data.toUnitCode}" không có hoặc không còn hiệu lực.`, { field: 'toUnitCode' });
  }
  if (!own.inForce) {
    const to = data.toUnitCode ?? own.successor;
    if (!to) {
      throw new DomainError(
        'ACCOUNT.SUCCESSOR_REQUIRED',
        `Đơn vị ${account.unitCode} của tài khoản đã kết thúc mà không có một đơn vị kế thừa duy nhất; cần chọn đơn vị mới.`,
        { field: 'toUnitCode' },
      );
    }
    events.push({ type: 'AccountMoved', data: { fromUnitCode: account.unitCode, toUnitCode: to, reason: why(account.unitCode, own) } });
  }
  const kept = new Set(account.roles.map((grant) => `${grant.role}@${grant.unitCode}`));
  for (const grant of account.roles) {
    const fate = fateOf(grant.unitCode);
    if (fate.inForce) continue;
    const reason = why(grant.unitCode, fate);
    events.push({ type: 'RoleRevoked', data: { role: grant.role, unitCode: grant.unitCode, reason } });
    if (fate.successor && !kept.has(`${grant.role}@${fate.successor}`)) {
      events.push({ type: 'RoleGranted', data: { role: grant.role, unitCode: fate.successor, reason } });
      kept.add(`${grant.role}@${fate.successor}`);
    }
  }
  return events;
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
    case 'AccountMoved':
      return state.status === 'absent' ? state : { ...state, unitCode: event.data.toUnitCode };
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
