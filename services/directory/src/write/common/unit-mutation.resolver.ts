import { Inject } from '@nestjs/common';
import { Identity } from '@reform/access';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { UnitCommand, unitDecider, unitStreamId } from '../../domain/unit/unit.decider';
import { UnitDirectory, UnitView } from '../../read/units/unit-directory';
import { DirectoryCommands } from './directory-commands';

/** The base of the administrators' mutations of one unit: each answers the unit as it stands once its command is recorded. */
export abstract class UnitMutationResolver {
  constructor(
    protected readonly commands: DirectoryCommands,
    protected readonly units: UnitDirectory,
    @Inject(CLOCK) protected readonly clock: Clock,
  ) {}

  /** The unit `code` as recorded today (null when unknown). */
  protected unitToday(code: string): Promise<UnitView | null> {
    return this.units.unit(code, null, todayOf(this.clock));
  }

  /** Decides `command` on the stream of the unit `code` for `identity` (the unit's tenant), then answers the unit as it stands today. */
  protected async decideOnUnit(identity: Identity, code: string, command: UnitCommand): Promise<UnitView | null> {
    await this.commands.execute(unitDecider, unitStreamId(code), command, await this.commands.metadataFor(identity, code));
    return this.unitToday(code);
  }
}
