import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { AccountDirectory } from '../../read/accounts/account-directory';
import { AccountType, toAccountType } from '../../read/accounts/account.graphql';
import { AccountWriter } from '../common/account-writer';
import { carryAccountAcrossReorganisation } from './carry-account-across-reorganisation.handler';

@Resolver(() => AccountType)
export class CarryAccountAcrossReorganisationResolver {
  constructor(
    private readonly writer: AccountWriter,
    private readonly accounts: AccountDirectory,
  ) {}

  @AccessCheckedInResolver('administer')
  @Mutation(() => AccountType, {
    description:
      'Chuyển tài khoản qua đợt sắp xếp đơn vị hành chính (văn bản hành chính được ghi nhận): vai trò tại đơn vị đã nhập vào đơn vị khác được chuyển sang đơn vị đó, vai trò tại đơn vị đã giải thể hoặc chia tách bị chấm dứt; đơn vị của tài khoản, nếu đã kết thúc, được thay bằng đơn vị kế thừa hoặc toUnitCode. Trước đó tài khoản không thể thao tác.',
  })
  async carryAccountAcrossReorganisation(
    @Args('username') username: string,
    @Args('toUnitCode', {
      type: () => ID,
      nullable: true,
      description: 'Đơn vị mới của tài khoản khi đơn vị cũ không có một đơn vị kế thừa duy nhất (giải thể, chia tách).',
    })
    toUnitCode: string | null,
    @CurrentIdentity() identity: Identity,
  ): Promise<AccountType> {
    const account = await carryAccountAcrossReorganisation(this.writer, identity, username, toUnitCode);
    return toAccountType(await this.accounts.after(account.username));
  }
}
