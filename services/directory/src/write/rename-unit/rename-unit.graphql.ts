import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessToUnitArgument, CurrentIdentity } from '@reform/auth';
import { DateScalar } from '@reform/subgraph';
import { UnitType } from '../../read/units/unit.graphql';
import { UnitView } from '../../read/units/unit-directory';
import { UnitMutationResolver } from '../common/unit-mutation.resolver';

/** Renaming a unit from a date (an administrative decision): the platform administrator only. */
@Resolver(() => UnitType)
export class RenameUnitResolver extends UnitMutationResolver {
  @AccessToUnitArgument('administer', 'code')
  @Mutation(() => UnitType, { description: 'Đổi tên đơn vị từ một ngày (quản trị nền tảng).' })
  async renameUnit(
    @Args('code', { type: () => ID }) code: string,
    @Args('name') name: string,
    @Args('type') type: string,
    @Args('effectiveOn', { type: () => DateScalar }) effectiveOn: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<UnitView | null> {
    return this.decideOnUnit(identity, code, { type: 'RenameUnit', data: { name, type, effectiveOn } });
  }
}
