import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { reportView, ReportType } from '../../read/reports/report.types';
import { ReportActions } from '../common/report-actions';

/** A level approves its own consolidated report, only over its children's accepted or waived ones. */
@Resolver(() => ReportType)
export class ApproveReportResolver {
  constructor(
    private readonly actions: ReportActions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => ReportType, {
    description: 'Phê duyệt báo cáo tổng hợp của cấp mình: chỉ khi mọi báo cáo cấp dưới đã được chấp nhận hoặc đánh dấu "không báo cáo".',
  })
  async approveReport(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() identity: Identity): Promise<ReportType> {
    return reportView(await this.actions.approve(id, identity), todayOf(this.clock));
  }
}
