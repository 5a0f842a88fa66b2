import { Identity } from '@reform/access';
import { AccountWriter, ExistingAccount } from '../common/account-writer';

/** Disables an account the caller administers; tokens already issued are refused at once (ADR 0021). */
export function disableAccount(accounts: AccountWriter, identity: Identity, username: string, reason: string): Promise<ExistingAccount> {
  return accounts.administer(identity, username, () => ({ type: 'DisableAccount', data: { reason } }));
}
