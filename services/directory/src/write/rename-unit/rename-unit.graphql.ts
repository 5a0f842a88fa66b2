import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessToUnitArgument, CurrentIdentity } from '@reform/auth';
import { DateScalar } from '@reform/subgraph';
import { unitDecider, unitStreamId } from '../../domain/unit/unit.decider';
import { UnitType } from '../../read/units/unit.graphql';
import { UnitDirectory, UnitView } from '../../read/units/unit-directory';
import { DirectoryCommands } from '../common/directory-commands';
import { CLOCK, Clock, todayOf } from '@reform/clock';

/** Renaming a unit from a date (an administrative decision): the platform administrator only. */
@Resolver(() => UnitType)
export class RenameUnitResolver {
  constructor(
    private readonly commands: DirectoryCommands,
    private readonly units: UnitDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AccessToUnitArgument('administer', 'code')
  @Mutation(() => UnitType, { description: 'Đổi tên đơn vị từ một ngày (quản trị nền tảng).' })
  async renameUnit(
    @Args('code', { type: () => ID }) code: string,
    @Args('name') name: string,
    @Args('type') type: string,
    @Args('effectiveOn', { type: () => DateScalar }) effectiveOn: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<UnitView | null> {
    await this.commands.execute(
      unitDecider,
      unitStreamId(code),
      { type: 'RenameUnit', data: { name, type, effectiveOn } },
      await this.commands.metadataFor(identity, code),
    );
    return this.units.unit(code, null, todayOf(this.clock));
  }
}
