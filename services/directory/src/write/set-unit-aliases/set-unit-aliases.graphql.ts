import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessToUnitArgument, CurrentIdentity } from '@reform/auth';
import { UnitType } from '../../read/units/unit.graphql';
import { UnitView } from '../../read/units/unit-directory';
import { UnitMutationResolver } from '../common/unit-mutation.resolver';

/** The names officials write for a unit or an agency, the whole list at once (administrator of the unit). */
@Resolver(() => UnitType)
export class SetUnitAliasesResolver extends UnitMutationResolver {
  @AccessToUnitArgument('administer', 'code')
  @Mutation(() => UnitType, { description: 'Đặt danh sách tên gọi khác (viết tắt) của đơn vị, thay danh sách cũ.' })
  async setUnitAliases(
    @Args('code', { type: () => ID }) code: string,
    @Args('aliases', { type: () => [String] }) aliases: string[],
    @CurrentIdentity() identity: Identity,
  ): Promise<UnitView | null> {
    return this.decideOnUnit(identity, code, { type: 'SetUnitAliases', data: { aliases } });
  }
}
