import { Injectable } from '@nestjs/common';
import { Identity } from '@reform/access';
import { forbidden } from '@reform/auth';
import { Assignment, AssignmentCommand, AssignmentState } from '../../domain/assignment/assignment.decider';
import { AssignmentAccess } from '../../read/assignments/assignment-access';
import { AssignmentView, viewOf } from '../../read/assignments/assignment.types';
import { AssignmentCommands } from './assignment-commands';

/**
 * What every assignment mutation does: read the assignment's stream once, check who may (act /
 * manage) on the state the command is decided against, decide and append, answer the new state.
 */
@Injectable()
export class AssignmentMutation {
  constructor(
    private readonly assignments: AssignmentAccess,
    private readonly commands: AssignmentCommands,
  ) {}

  async run(id: string, identity: Identity, rule: 'act' | 'manage', command: (today: string) => AssignmentCommand): Promise<AssignmentView> {
    const today = this.commands.today();
    const handled = await this.commands.execute(
      id,
      async (state: AssignmentState) => {
        // An unknown id answers as another tenant's assignment does (issue 12, finding 7).
        if (state.status === 'NONE') throw forbidden();
        if (rule === 'act') await this.assignments.assertAct(identity, state);
        else await this.assignments.assertManage(identity, state);
        return command(today);
      },
      (past, state) => this.commands.metadataFor(identity, (state as Assignment).unitCode, past),
    );
    return viewOf(handled.state as Assignment);
  }
}
