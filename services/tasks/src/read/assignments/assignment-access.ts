import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity } from '@reform/access';
import { AccessControl, forbidden } from '@reform/auth';
import { Assignment } from '../../domain/assignment/assignment.decider';
import { TASKS_SCHEMA as S } from '../../schema';
import { fromStored, StoredAssignment } from './stored-assignment';

/**
 * Who may see and touch an assignment, decided on the assignment itself (its id says nothing):
 * - read: `read` on the assignee unit, or on the task's lead or monitoring unit, or on the plan's
 *   issuer (each "or a unit above it": grants cover subtrees), so a monitoring office sees every
 *   assignment of the task it follows;
 * - act (accept, progress, complete, ask for more time): `act` on the assignee unit only, so a
 *   commune never acts on its sibling's assignment;
 * - decide on an extension: `manage` on the issuer.
 */
@Injectable()
export class AssignmentAccess {
  constructor(
    private readonly access: AccessControl,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The current state from the read model; FORBIDDEN for an unknown id, as for one the caller may not see (issue 12, finding 7). */
  async load(id: string): Promise<Assignment> {
    const [row]: Array<{ state: StoredAssignment }> = await this.dataSource.query(`SELECT state FROM "${S}".assignments WHERE id = $1`, [id]);
    if (!row) throw forbidden();
    return fromStored(row.state);
  }

  async canRead(identity: Identity, assignment: Assignment): Promise<boolean> {
    for (const code of new Set([assignment.unitCode, ...assignment.leadCodes, ...assignment.monitoringCodes, assignment.assignerCode])) {
      if (await this.access.allows(identity, 'read', code)) return true;
    }
    return false;
  }

  /** A whole task's assignments: for its issuer, its lead and its monitoring units (and the units above them). */
  async assertReadTask(identity: Identity, task: Assignment): Promise<void> {
    for (const code of new Set([...task.leadCodes, ...task.monitoringCodes, task.assignerCode])) {
      if (await this.access.allows(identity, 'read', code)) return;
    }
    throw forbidden();
  }

  async assertRead(identity: Identity, assignment: Assignment): Promise<void> {
    if (!(await this.canRead(identity, assignment))) throw forbidden();
  }

  async assertAct(identity: Identity, assignment: Assignment): Promise<void> {
    await this.access.assert(identity, 'act', assignment.unitCode);
  }

  async assertManage(identity: Identity, assignment: Assignment): Promise<void> {
    await this.access.assert(identity, 'manage', assignment.assignerCode);
  }
}
