import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { reportView, ReportType } from '../../read/reports/report.types';
import { ReportActions } from '../common/report-actions';

/** The level above accepts a child's submitted report. */
@Resolver(() => ReportType)
export class AcceptReportResolver {
  constructor(
    private readonly actions: ReportActions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => ReportType, { description: 'Chấp nhận báo cáo đã gửi của đơn vị cấp dưới.' })
  async acceptReport(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() identity: Identity): Promise<ReportType> {
    return reportView(await this.actions.run(id, identity, 'review', (today) => ({ type: 'AcceptReport', data: { on: today } })), todayOf(this.clock));
  }
}
