import { Injectable } from '@nestjs/common';
import { Identity } from '@reform/access';
import { Assignment, AssignmentCommand } from '../../domain/assignment/assignment.decider';
import { AssignmentAccess } from '../../read/assignments/assignment-access';
import { AssignmentView, viewOf } from '../../read/assignments/assignment.types';
import { AssignmentCommands } from './assignment-commands';

/** What every assignment mutation does: load, check who may (act / manage), decide and append, answer the new state. */
@Injectable()
export class AssignmentMutation {
  constructor(
    private readonly assignments: AssignmentAccess,
    private readonly commands: AssignmentCommands,
  ) {}

  async run(id: string, identity: Identity, rule: 'act' | 'manage', command: (today: string) => AssignmentCommand): Promise<AssignmentView> {
    const current = await this.assignments.load(id);
    if (rule === 'act') await this.assignments.assertAct(identity, current);
    else await this.assignments.assertManage(identity, current);
    const handled = await this.commands.execute(id, command(this.commands.today()), await this.commands.metadataFor(identity, current.unitCode));
    return viewOf(handled.state as Assignment);
  }
}
