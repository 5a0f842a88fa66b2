import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity } from '@reform/access';
import { AccessControl, forbidden } from '@reform/auth';
import { Report } from '../../domain/report/report.decider';
import { REPORTING_SCHEMA as S } from '../../schema';

/**
 * Who may see and touch a report, decided on the report itself:
 * - read: `read` on the reporting unit (grants cover subtrees: the district reads its communes',
 *   a commune never its sibling's, a district never another district's); scoring's
 *   `Plan.targetAchievement` shows a report's figures by the same rule (`AccessControl.allowedUnits`);
 * - act (save a draft, submit): `act` on the reporting unit;
 * - review (accept, return, reopen, mark "không báo cáo") and approve a level's own report:
 *   `manage` on the reviewer, the level above.
 */
@Injectable()
export class ReportAccess {
  constructor(
    private readonly access: AccessControl,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The current state; FORBIDDEN for an unknown id, as for one the caller may not see. */
  async load(id: string): Promise<Report> {
    const [row]: Array<{ state: Report }> = await this.dataSource.query(`SELECT state FROM "${S}".reports WHERE id = $1`, [id]);
    if (!row) throw forbidden();
    return row.state;
  }

  assertRead(identity: Identity, report: Report): Promise<void> {
    return this.access.assert(identity, 'read', report.unitCode);
  }

  assertAct(identity: Identity, report: Report): Promise<void> {
    return this.access.assert(identity, 'act', report.unitCode);
  }

  assertReview(identity: Identity, report: Report): Promise<void> {
    return this.access.assert(identity, 'manage', report.reviewerCode);
  }
}
