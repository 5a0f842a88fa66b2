import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { AccountDirectory } from '../../read/accounts/account-directory';
import { AccountType, toAccountType } from '../../read/accounts/account.graphql';
import { DIRECTORY_GRAPHQL_TYPES } from '../../graphql-types';
import { AccountWriter } from '../common/account-writer';
import { createAccount } from './create-account.handler';

@InputType({ registerIn: DIRECTORY_GRAPHQL_TYPES })
export class CreateAccountInput {
  @Field() username!: string;
  @Field() displayName!: string;
  @Field(() => ID) unitCode!: string;
  @Field({ description: 'Ít nhất 8 ký tự.' }) password!: string;
}

/** Creating an account: the platform administrator, for a unit it administers. */
@Resolver(() => AccountType)
export class CreateAccountResolver {
  constructor(
    private readonly writer: AccountWriter,
    private readonly accounts: AccountDirectory,
  ) {}

  @AccessCheckedInResolver('administer')
  @Mutation(() => AccountType, { description: 'Tạo tài khoản cho một đơn vị (quản trị nền tảng).' })
  async createAccount(@Args('input') input: CreateAccountInput, @CurrentIdentity() identity: Identity): Promise<AccountType> {
    const account = await createAccount(this.writer, identity, input);
    return toAccountType(await this.accounts.after(account.username));
  }
}
