import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity, Role } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { AccountDirectory } from '../../read/accounts/account-directory';
import { AccountType, RoleEnum, toAccountType } from '../../read/accounts/account.graphql';
import { AccountWriter } from '../common/account-writer';
import { revokeRole } from './revoke-role.handler';

@Resolver(() => AccountType)
export class RevokeRoleResolver {
  constructor(
    private readonly writer: AccountWriter,
    private readonly accounts: AccountDirectory,
  ) {}

  @AccessCheckedInResolver('administer')
  @Mutation(() => AccountType, { description: 'Thu hồi vai trò.' })
  async revokeRole(
    @Args('username') username: string,
    @Args('role', { type: () => RoleEnum }) role: Role,
    @Args('unitCode', { type: () => ID }) unitCode: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<AccountType> {
    const account = await revokeRole(this.writer, identity, username, role, unitCode);
    return toAccountType(await this.accounts.after(account.username));
  }
}
