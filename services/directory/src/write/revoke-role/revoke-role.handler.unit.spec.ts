import { accountStreamId } from '../../domain/account/account.decider';
import { createAccount } from '../create-account/create-account.handler';
import { grantRole } from '../grant-role/grant-role.handler';
import { accountWriter, admin } from '../common/in-memory-directory.fixture';
import { revokeRole } from './revoke-role.handler';

describe('revokeRole on the in-memory event store', () => {
  it("ends the grant, reading the account's stream once; another province may not", async () => {
    const { accounts, readsOf } = accountWriter();
    const account = await createAccount(accounts, admin('49'), { username: 'vanthu', displayName: 'Văn thư', unitCode: '513', password: 'mat-khau-dai' });
    await grantRole(accounts, admin('49'), 'vanthu', 'UNIT_MANAGER', '513');
    await expect(revokeRole(accounts, admin('48'), 'vanthu', 'UNIT_MANAGER', '513')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const { result, reads } = await readsOf(() => revokeRole(accounts, admin('49'), 'vanthu', 'UNIT_MANAGER', '513'));
    expect(result.roles).toEqual([]);
    expect(reads).toEqual({ [accountStreamId(account.accountId)]: 1 });
  });
});
