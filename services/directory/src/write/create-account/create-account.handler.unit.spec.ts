import { accountStreamId } from '../../domain/account/account.decider';
import { accountWriter, admin } from '../common/in-memory-directory.fixture';
import { createAccount } from './create-account.handler';

const input = { username: ' Vanthu.QueSon ', displayName: 'Văn thư Quế Sơn', unitCode: '513', password: 'mat-khau-dai' };

describe('createAccount on the in-memory event store', () => {
  it("creates the account for a unit the administrator administers, reading the new stream once, the tenant the account's unit", async () => {
    const { accounts, store, readsOf, published } = accountWriter();
    const { result, reads } = await readsOf(() => createAccount(accounts, admin('49'), input));
    expect(result).toMatchObject({ status: 'active', username: 'vanthu.queson', unitCode: '513', roles: [] });
    expect(reads).toEqual({ [accountStreamId(result.accountId)]: 1 });
    const [created] = await store.readStream(accountStreamId(result.accountId));
    expect(created.metadata).toMatchObject({ tenant: '513', actor: { username: 'admin49' } });
    expect(published).toHaveLength(1);
  });

  it('refuses another province, a weak password and a username taken', async () => {
    const { accounts } = accountWriter();
    await expect(createAccount(accounts, admin('48'), input)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(createAccount(accounts, admin('49'), { ...input, password: 'ngan' })).rejects.toMatchObject({
      code: 'ACCOUNT.WEAK_PASSWORD',
      details: { field: 'input.password' },
    });
    await createAccount(accounts, admin('49'), input);
    await expect(createAccount(accounts, admin('49'), input)).rejects.toMatchObject({ code: 'ACCOUNT.USERNAME_TAKEN' });
  });
});
