import { accountStreamId } from '../../domain/account/account.decider';
import { createAccount } from '../create-account/create-account.handler';
import { accountWriter, admin } from '../common/in-memory-directory.fixture';
import { carryAccountAcrossReorganisation } from './carry-account-across-reorganisation.handler';

describe('carryAccountAcrossReorganisation on the in-memory event store', () => {
  it('moves an account of Nông Sơn (merged into Quế Sơn on 2025-01-01, today in Viet Nam) to Quế Sơn, by the unit its stream names, read once', async () => {
    const { accounts, store, readsOf } = accountWriter();
    const account = await createAccount(accounts, admin('49'), {
      username: 'vanthu.nongson',
      displayName: 'Văn thư Nông Sơn',
      unitCode: '519',
      password: 'mat-khau-dai',
    });
    await expect(carryAccountAcrossReorganisation(accounts, admin('48'), 'vanthu.nongson', null)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const { result, reads } = await readsOf(() => carryAccountAcrossReorganisation(accounts, admin('49'), 'vanthu.nongson', null));
    expect(result.unitCode).toBe('513');
    expect(reads).toEqual({ [accountStreamId(account.accountId)]: 1 });
    const events = await store.readStream(accountStreamId(account.accountId));
    expect(events.map((event) => [event.type, event.data])).toContainEqual([
      'AccountMoved',
      expect.objectContaining({ fromUnitCode: '519', toUnitCode: '513' }),
    ]);
  });
});
