import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessToUnitArgument, CurrentIdentity } from '@reform/auth';
import { DateScalar } from '@reform/subgraph';
import { UnitType } from '../../read/units/unit.graphql';
import { UnitView } from '../../read/units/unit-directory';
import { UnitMutationResolver } from '../common/unit-mutation.resolver';
import { closeAgency } from './close-agency.handler';

/** An agency closed from a day (dissolved); an administrative unit ends by the list's acts, not here. */
@Resolver(() => UnitType)
export class CloseAgencyResolver extends UnitMutationResolver {
  @AccessToUnitArgument('administer', 'code')
  @Mutation(() => UnitType, { description: 'Chấm dứt hoạt động của cơ quan từ một ngày (giải thể); kế hoạch ban hành trước ngày đó vẫn giữ cơ quan.' })
  async closeAgency(
    @Args('code', { type: () => ID }) code: string,
    @Args('effectiveOn', { type: () => DateScalar }) effectiveOn: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<UnitView | null> {
    await closeAgency(this.commands, identity, code, effectiveOn);
    return this.unitToday(code);
  }
}
