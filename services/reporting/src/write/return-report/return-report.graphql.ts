import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { reportView, ReportType } from '../../read/reports/report.types';
import { ReportActions } from '../common/report-actions';

/** The level above returns a child's report with a reason; the unit resubmits. */
@Resolver(() => ReportType)
export class ReturnReportResolver {
  constructor(
    private readonly actions: ReportActions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => ReportType, { description: 'Trả lại báo cáo để đơn vị sửa, nêu lý do.' })
  async returnReport(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentIdentity() identity: Identity): Promise<ReportType> {
    return reportView(await this.actions.run(id, identity, 'review', (today) => ({ type: 'ReturnReport', data: { reason, on: today } })), todayOf(this.clock));
  }
}
