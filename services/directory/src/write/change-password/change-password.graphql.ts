import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { AccountDirectory } from '../../read/accounts/account-directory';
import { AccountType, toAccountType } from '../../read/accounts/account.graphql';
import { AccountWriter } from '../common/account-writer';
import { changePassword } from './change-password.handler';

@Resolver(() => AccountType)
export class ChangePasswordResolver {
  constructor(
    private readonly writer: AccountWriter,
    private readonly accounts: AccountDirectory,
  ) {}

  // Auditors and viewers write nothing, not even their own password (the administrator resets it).
  @AccessCheckedInResolver('act')
  @Mutation(() => AccountType, { description: 'Đổi mật khẩu của chính mình.' })
  async changePassword(
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<AccountType> {
    const account = await changePassword(this.writer, identity, currentPassword, newPassword);
    return toAccountType(await this.accounts.after(account.username));
  }
}
