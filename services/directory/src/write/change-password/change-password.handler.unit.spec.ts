import { Identity } from '@reform/access';
import { verifyPassword } from '@reform/auth';
import { accountStreamId } from '../../domain/account/account.decider';
import { createAccount } from '../create-account/create-account.handler';
import { accountWriter, admin } from '../common/in-memory-directory.fixture';
import { changePassword } from './change-password.handler';

describe('changePassword on the in-memory event store', () => {
  it("checks the current password against the account's stream, read once, and refuses a wrong one or a weak new one", async () => {
    const { accounts, readsOf } = accountWriter();
    const account = await createAccount(accounts, admin('49'), { username: 'vanthu', displayName: 'Văn thư', unitCode: '513', password: 'mat-khau-dai' });
    const self: Identity = { accountId: account.accountId, username: 'vanthu', unitCode: '513', roles: [] };
    await expect(changePassword(accounts, self, 'sai-mat-khau', 'mat-khau-moi')).rejects.toMatchObject({
      code: 'ACCOUNT.WRONG_PASSWORD',
      details: { field: 'currentPassword' },
    });
    await expect(changePassword(accounts, self, 'mat-khau-dai', 'ngan')).rejects.toMatchObject({
      code: 'ACCOUNT.WEAK_PASSWORD',
      details: { field: 'newPassword' },
    });
    const { result, reads } = await readsOf(() => changePassword(accounts, self, 'mat-khau-dai', 'mat-khau-moi'));
    expect(await verifyPassword('mat-khau-moi', result.passwordHash)).toBe(true);
    expect(reads).toEqual({ [accountStreamId(account.accountId)]: 1 });
  });
});
