import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { AccountDirectory } from '../../read/accounts/account-directory';
import { AccountType, toAccountType } from '../../read/accounts/account.graphql';
import { AccountWriter } from '../common/account-writer';
import { disableAccount } from './disable-account.handler';

@Resolver(() => AccountType)
export class DisableAccountResolver {
  constructor(
    private readonly writer: AccountWriter,
    private readonly accounts: AccountDirectory,
  ) {}

  @AccessCheckedInResolver('administer')
  @Mutation(() => AccountType, { description: 'Vô hiệu hóa tài khoản; mã truy cập đã cấp bị từ chối ngay.' })
  async disableAccount(@Args('username') username: string, @Args('reason') reason: string, @CurrentIdentity() identity: Identity): Promise<AccountType> {
    const account = await disableAccount(this.writer, identity, username, reason);
    return toAccountType(await this.accounts.after(account.username));
  }
}
