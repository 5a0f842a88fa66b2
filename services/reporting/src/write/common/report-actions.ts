import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity } from '@reform/access';
import { DomainError } from '@reform/decider';
import { ItemValue, Report, ReportCommand, ReportContent, reportDecider, reportStreamId } from '../../domain/report/report.decider';
import { consolidationOf } from '../../read/consolidation/consolidation.query';
import { ReportAccess } from '../../read/reports/report-access';
import { REPORTING_SCHEMA as S } from '../../schema';
import { ReportingCommands } from './reporting-commands';

/** The children of a report inside its period: the reports whose reviewer is its unit. */
export async function outstandingChildren(
  dataSource: DataSource,
  report: Pick<Report, 'regimeId' | 'period' | 'unitCode'>,
): Promise<{ children: number; outstanding: string[] }> {
  const rows: Array<{ unit_code: string; status: string }> = await dataSource.query(
    `SELECT unit_code, status FROM "${S}".reports WHERE regime_id = $1 AND period = $2 AND reviewer_code = $3 AND role = 'UNIT' AND unit_code <> $3 ORDER BY unit_code`,
    [report.regimeId, report.period, report.unitCode],
  );
  return { children: rows.length, outstanding: rows.filter((row) => row.status !== 'ACCEPTED' && row.status !== 'WAIVED').map((row) => row.unit_code) };
}

/** What every report mutation does: load, check who may, decide and append, answer the new state. */
@Injectable()
export class ReportActions {
  constructor(
    private readonly reports: ReportAccess,
    private readonly commands: ReportingCommands,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async run(
    id: string,
    identity: Identity,
    rule: 'act' | 'review',
    command: (today: string, report: Report) => Promise<ReportCommand> | ReportCommand,
  ): Promise<Report> {
    const current = await this.reports.load(id);
    if (rule === 'act') await this.reports.assertAct(identity, current);
    else await this.reports.assertReview(identity, current);
    const today = this.commands.today();
    const handled = await this.commands.execute(
      reportDecider,
      reportStreamId(id),
      await command(today, current),
      await this.commands.metadataFor(identity, current.unitCode),
    );
    return handled.state as Report;
  }

  /** A unit with children inside the regime (a district in a province's regime) sends its report only over theirs. */
  async submit(id: string, identity: Identity, content: ReportContent): Promise<Report> {
    return this.run(id, identity, 'act', async (today, report) => {
      const { outstanding } = await outstandingChildren(this.dataSource, report);
      if (outstanding.length)
        throw new DomainError(
          'REPORT.CHILDREN_OUTSTANDING',
          `Chưa gửi được: ${outstanding.length} đơn vị cấp dưới chưa được chấp nhận báo cáo hoặc đánh dấu "không báo cáo".`,
          { kind: 'CONFLICT', field: 'id' },
        );
      return { type: 'SubmitReport', data: { content, on: today } };
    });
  }

  /** The level's own report approved over its children: its data items are the consolidation's, its text sections its own. */
  async approve(id: string, identity: Identity): Promise<Report> {
    return this.run(id, identity, 'review', async (today, report) => {
      const { children, outstanding } = await outstandingChildren(this.dataSource, report);
      const consolidation = await consolidationOf(this.dataSource, report);
      const items: Record<string, ItemValue> = {};
      for (const item of consolidation?.items ?? []) if (item.value !== null) items[item.code] = item.value;
      return { type: 'ApproveReport', data: { on: today, content: { sections: report.content.sections, items }, outstanding, children } };
    });
  }
}
