import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { reportView, ReportType } from '../../read/reports/report.types';
import { ReportActions } from '../common/report-actions';

/** The level above marks a report not yet sent "không báo cáo", with a reason. */
@Resolver(() => ReportType)
export class WaiveReportResolver {
  constructor(
    private readonly actions: ReportActions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => ReportType, { description: 'Đánh dấu "không báo cáo" cho báo cáo chưa gửi của đơn vị cấp dưới, nêu lý do.' })
  async waiveReport(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentIdentity() identity: Identity): Promise<ReportType> {
    return reportView(await this.actions.run(id, identity, 'review', (today) => ({ type: 'WaiveReport', data: { reason, on: today } })), todayOf(this.clock));
  }
}
