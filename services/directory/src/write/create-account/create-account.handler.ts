import { randomUUID } from 'node:crypto';
import { Identity } from '@reform/access';
import { hashPassword } from '@reform/auth';
import { AccountWriter, checkPassword, ExistingAccount } from '../common/account-writer';

export interface NewAccount {
  readonly username: string;
  readonly displayName: string;
  readonly unitCode: string;
  readonly password: string;
}

/** An account for a unit the caller administers; the username is kept in lower case. */
export async function createAccount(accounts: AccountWriter, identity: Identity, input: NewAccount): Promise<ExistingAccount> {
  await accounts.assertAdminister(identity, input.unitCode);
  checkPassword(input.password, 'input.password');
  const username = input.username.trim().toLowerCase();
  const accountId = randomUUID();
  return accounts.create(identity, {
    type: 'CreateAccount',
    data: {
      accountId,
      username,
      displayName: input.displayName,
      unitCode: input.unitCode,
      passwordHash: await hashPassword(input.password),
      usernameTaken: await accounts.accounts.usernameTaken(username),
      unitExists: (await accounts.units.existing([input.unitCode])).has(input.unitCode),
    },
  });
}
