import { accountStreamId } from '../../domain/account/account.decider';
import { createAccount } from '../create-account/create-account.handler';
import { grantRole } from '../grant-role/grant-role.handler';
import { accountWriter, admin } from '../common/in-memory-directory.fixture';
import { disableAccount } from './disable-account.handler';

describe('disableAccount on the in-memory event store', () => {
  it('disables the account, reading its stream once; a disabled account takes no new role', async () => {
    const { accounts, readsOf } = accountWriter();
    const account = await createAccount(accounts, admin('49'), { username: 'vanthu', displayName: 'Văn thư', unitCode: '513', password: 'mat-khau-dai' });
    await expect(disableAccount(accounts, admin('48'), 'vanthu', 'Nghỉ hưu')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const { result, reads } = await readsOf(() => disableAccount(accounts, admin('49'), 'vanthu', 'Nghỉ hưu'));
    expect(result.status).toBe('disabled');
    expect(reads).toEqual({ [accountStreamId(account.accountId)]: 1 });
    await expect(grantRole(accounts, admin('49'), 'vanthu', 'UNIT_MANAGER', '513')).rejects.toMatchObject({ code: 'ACCOUNT.DISABLED' });
  });
});
