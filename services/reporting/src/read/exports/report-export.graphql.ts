import { Inject } from '@nestjs/common';
import { Args, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { UNIT_HIERARCHY, UnitHierarchy } from '@reform/unit-hierarchy';
import { Report } from '../../domain/report/report.decider';
import { REPORTING_GRAPHQL_TYPES as T } from '../../graphql-types';
import { REPORTING_SCHEMA as S } from '../../schema';
import { CompletenessQuery } from '../completeness/completeness.query';
import { consolidationOf } from '../consolidation/consolidation.query';
import { ReportAccess } from '../reports/report-access';
import { ExportFormatEnum } from '../reports/report.types';
import { ExportContext, reportDocx, reportXlsx } from './documents';

@ObjectType('ExportFile', { registerIn: T })
export class ExportFileType {
  @Field() fileName!: string;
  @Field() mediaType!: string;
  @Field({ description: 'Nội dung tệp, mã hóa base64.' }) base64!: string;
}

const MEDIA = {
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

@Resolver(() => ExportFileType)
export class ReportExportResolver {
  constructor(
    private readonly reports: ReportAccess,
    private readonly completeness: CompletenessQuery,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(UNIT_HIERARCHY) private readonly units: UnitHierarchy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AccessCheckedInResolver('read')
  @Query(() => ExportFileType, { description: 'Báo cáo (hoặc báo cáo tổng hợp) dưới dạng Word theo thể thức Nghị định 30/2020, hoặc số liệu dưới dạng Excel.' })
  async reportExport(
    @Args('id', { type: () => ID }) id: string,
    @Args('format', { type: () => ExportFormatEnum }) format: 'DOCX' | 'XLSX',
    @CurrentIdentity() identity: Identity,
  ): Promise<ExportFileType> {
    const report = await this.reports.load(id);
    await this.reports.assertRead(identity, report);
    const day = report.approvedOn ?? report.lastSubmittedOn ?? todayOf(this.clock);
    const unit = (await this.units.unit(report.unitCode, day)) ?? (await this.units.lastKnown(report.unitCode));
    const reviewer =
      report.reviewerCode !== report.unitCode ? ((await this.units.unit(report.reviewerCode, day)) ?? (await this.units.lastKnown(report.reviewerCode))) : null;
    const consolidated = report.role === 'CONSOLIDATED';
    const children: Array<{ state: Report }> = consolidated
      ? await this.dataSource.query(
          `SELECT state FROM "${S}".reports WHERE regime_id = $1 AND period = $2 AND reviewer_code = $3 AND role = 'UNIT' AND unit_code <> $3`,
          [report.regimeId, report.period, report.unitCode],
        )
      : [];
    const consolidation = consolidated ? await consolidationOf(this.dataSource, report) : null;
    const context: ExportContext = {
      report,
      unit: { name: unit?.name ?? report.unitName, type: unit?.type ?? '' },
      reviewerName: reviewer ? `UBND ${reviewer.name}` : null,
      day,
      consolidation,
      // Hierarchy order: units by their code, as the national list numbers them.
      children: children.map((row) => row.state).sort((a, b) => a.unitCode.localeCompare(b.unitCode, 'en', { numeric: true })),
      completeness: consolidated ? await this.completenessWithMissing(report) : null,
    };
    const file = format === 'DOCX' ? await reportDocx(context) : await reportXlsx(context);
    const base = `bao-cao-${report.unitCode}-${report.period}`;
    return { fileName: `${base}.${format.toLowerCase()}`, mediaType: MEDIA[format], base64: file.toString('base64') };
  }

  /** The file lists every missing unit below the reviewer (its children's reports: one file, not a page). */
  private async completenessWithMissing(report: Report): Promise<ExportContext['completeness']> {
    const c = await this.completeness.of(report.regimeId, report.period, report.unitCode);
    return c ? { ...c, missingUnitCodes: await this.completeness.missing(report.regimeId, report.period, report.unitCode, 0, c.missing) } : null;
  }
}
