import { Identity } from '@reform/access';
import { DomainError } from '@reform/decider';
import { UnitCommand, unitDecider, unitStreamId } from '../../domain/unit/unit.decider';
import { DirectoryCommands } from '../common/directory-commands';

/** Dissolves an agency from a day; the level is checked on the unit's stream as the command is decided against it. */
export async function closeAgency(commands: DirectoryCommands, identity: Identity, code: string, effectiveOn: string): Promise<void> {
  await commands.execute(
    unitDecider,
    unitStreamId(code),
    (unit): UnitCommand => {
      if (unit.status !== 'absent' && unit.level !== 'AGENCY') {
        throw new DomainError('UNIT.NOT_AN_AGENCY', `"${code}" là đơn vị hành chính, không phải cơ quan; sáp nhập, giải thể đơn vị hành chính theo danh mục.`, {
          field: 'code',
        });
      }
      return { type: 'DissolveUnit', data: { effectiveOn } };
    },
    await commands.metadataFor(identity, code),
  );
}
