import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { contentOf, ReportInput, reportView, ReportType } from '../../read/reports/report.types';
import { ReportAccess } from '../../read/reports/report-access';
import { ReportActions } from '../common/report-actions';

/** The reporting unit submits its report to the level above (on time or late, from the deadline); again after a return. */
@Resolver(() => ReportType)
export class SubmitReportResolver {
  constructor(
    private readonly actions: ReportActions,
    private readonly reports: ReportAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AccessCheckedInResolver('act')
  @Mutation(() => ReportType, { description: 'Gửi báo cáo lên cấp trên (đúng hạn hoặc trễ hạn theo hạn của cấp); gửi lại sau khi bị trả lại.' })
  async submitReport(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ReportInput,
    @CurrentIdentity() identity: Identity,
  ): Promise<ReportType> {
    const current = await this.reports.load(id);
    const report = await this.actions.submit(id, identity, contentOf(input, current.content));
    return reportView(report, todayOf(this.clock));
  }
}
