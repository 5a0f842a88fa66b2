import { Identity } from '@reform/access';
import { AccountWriter, ExistingAccount } from '../common/account-writer';

/** Ends a grant of an account the caller administers. */
export function revokeRole(accounts: AccountWriter, identity: Identity, username: string, role: string, unitCode: string): Promise<ExistingAccount> {
  return accounts.administer(identity, username, () => ({ type: 'RevokeRole', data: { role, unitCode } }));
}
