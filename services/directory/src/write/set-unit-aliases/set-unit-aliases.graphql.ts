import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessToUnitArgument, CurrentIdentity } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { unitDecider, unitStreamId } from '../../domain/unit/unit.decider';
import { UnitType } from '../../read/units/unit.graphql';
import { UnitDirectory, UnitView } from '../../read/units/unit-directory';
import { DirectoryCommands } from '../common/directory-commands';

/** The names officials write for a unit or an agency, the whole list at once (administrator of the unit). */
@Resolver(() => UnitType)
export class SetUnitAliasesResolver {
  constructor(
    private readonly commands: DirectoryCommands,
    private readonly units: UnitDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AccessToUnitArgument('administer', 'code')
  @Mutation(() => UnitType, { description: 'Đặt danh sách tên gọi khác (viết tắt) của đơn vị, thay danh sách cũ.' })
  async setUnitAliases(
    @Args('code', { type: () => ID }) code: string,
    @Args('aliases', { type: () => [String] }) aliases: string[],
    @CurrentIdentity() identity: Identity,
  ): Promise<UnitView | null> {
    await this.commands.execute(
      unitDecider,
      unitStreamId(code),
      { type: 'SetUnitAliases', data: { aliases } },
      await this.commands.metadataFor(identity, code),
    );
    return this.units.unit(code, null, todayOf(this.clock));
  }
}
