import { Identity } from '@reform/access';
import { hashPassword, verifyPassword } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { AccountWriter, checkPassword, ExistingAccount } from '../common/account-writer';

/** One's own password, given the current one (checked against the account's stream, not a copy). */
export function changePassword(accounts: AccountWriter, identity: Identity, currentPassword: string, newPassword: string): Promise<ExistingAccount> {
  const wrong = () => new DomainError('ACCOUNT.WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng.', { field: 'currentPassword' });
  return accounts.own(
    identity,
    async (account) => {
      if (!(await verifyPassword(currentPassword, account.passwordHash))) throw wrong();
      checkPassword(newPassword, 'newPassword');
      return { type: 'ChangePassword', data: { passwordHash: await hashPassword(newPassword) } };
    },
    wrong,
  );
}
