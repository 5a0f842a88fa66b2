import { Identity } from '@reform/access';
import { AccountWriter, ExistingAccount } from '../common/account-writer';

/** A role at a unit the caller administers, to an account of a unit it administers; it covers the unit's subtree. */
export async function grantRole(accounts: AccountWriter, identity: Identity, username: string, role: string, unitCode: string): Promise<ExistingAccount> {
  return accounts.administer(identity, username, async () => {
    await accounts.assertAdminister(identity, unitCode);
    const today = accounts.today();
    return { type: 'GrantRole', data: { role, unitCode, unitExists: (await accounts.units.unit(unitCode, today, today)) !== null } };
  });
}
