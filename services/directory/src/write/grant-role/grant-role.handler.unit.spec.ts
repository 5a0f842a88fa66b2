import { accountStreamId } from '../../domain/account/account.decider';
import { createAccount } from '../create-account/create-account.handler';
import { accountWriter, admin } from '../common/in-memory-directory.fixture';
import { grantRole } from './grant-role.handler';

describe('grantRole on the in-memory event store', () => {
  it("reads the account's stream once: access on its unit is checked on the state the grant is decided against", async () => {
    const { accounts, readsOf } = accountWriter();
    const account = await createAccount(accounts, admin('49'), { username: 'vanthu', displayName: 'Văn thư', unitCode: '513', password: 'mat-khau-dai' });
    const { result, reads } = await readsOf(() => grantRole(accounts, admin('49'), 'vanthu', 'UNIT_MANAGER', '513'));
    expect(result.roles).toEqual([{ role: 'UNIT_MANAGER', unitCode: '513' }]);
    expect(reads).toEqual({ [accountStreamId(account.accountId)]: 1 });
  });

  it("refuses an administrator of another province, at the account's unit or the role's; an unknown name is NOT_FOUND to a platform administrator", async () => {
    const { accounts } = accountWriter();
    await createAccount(accounts, admin('49'), { username: 'vanthu', displayName: 'Văn thư', unitCode: '513', password: 'mat-khau-dai' });
    await expect(grantRole(accounts, admin('48'), 'vanthu', 'UNIT_MANAGER', '48')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(grantRole(accounts, admin('49'), 'vanthu', 'UNIT_MANAGER', '48')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(grantRole(accounts, admin('49'), 'khong-co', 'UNIT_MANAGER', '513')).rejects.toMatchObject({
      code: 'ACCOUNT.NOT_FOUND',
      details: { field: 'username' },
    });
  });
});
