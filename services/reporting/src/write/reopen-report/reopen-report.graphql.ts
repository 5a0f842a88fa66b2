import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { reportView, ReportType } from '../../read/reports/report.types';
import { ReportActions } from '../common/report-actions';

/** The level above reopens one unit's locked report, with a reason, for REOPEN_DAYS days. */
@Resolver(() => ReportType)
export class ReopenReportResolver {
  constructor(
    private readonly actions: ReportActions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => ReportType, { description: 'Mở lại báo cáo đã khóa của một đơn vị (7 ngày), nêu lý do.' })
  async reopenReport(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentIdentity() identity: Identity): Promise<ReportType> {
    return reportView(await this.actions.run(id, identity, 'review', (today) => ({ type: 'ReopenReport', data: { reason, on: today } })), todayOf(this.clock));
  }
}
