import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { reportView, ReportType } from '../../read/reports/report.types';
import { ReportActions } from '../shared/report-actions';

/** The level above's review of a child's report: accept, return with a reason, reopen after the lock, mark "không báo cáo". */
@Resolver(() => ReportType)
export class ReviewReportResolver {
  constructor(
    private readonly actions: ReportActions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => ReportType, { description: 'Chấp nhận báo cáo đã gửi của đơn vị cấp dưới.' })
  async acceptReport(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() identity: Identity): Promise<ReportType> {
    return reportView(await this.actions.run(id, identity, 'review', (today) => ({ type: 'AcceptReport', data: { on: today } })), todayOf(this.clock));
  }

  @AccessCheckedInResolver('manage')
  @Mutation(() => ReportType, { description: 'Trả lại báo cáo để đơn vị sửa, nêu lý do.' })
  async returnReport(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentIdentity() identity: Identity): Promise<ReportType> {
    return reportView(await this.actions.run(id, identity, 'review', (today) => ({ type: 'ReturnReport', data: { reason, on: today } })), todayOf(this.clock));
  }

  @AccessCheckedInResolver('manage')
  @Mutation(() => ReportType, { description: 'Mở lại báo cáo đã khóa của một đơn vị (7 ngày), nêu lý do.' })
  async reopenReport(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentIdentity() identity: Identity): Promise<ReportType> {
    return reportView(await this.actions.run(id, identity, 'review', (today) => ({ type: 'ReopenReport', data: { reason, on: today } })), todayOf(this.clock));
  }

  @AccessCheckedInResolver('manage')
  @Mutation(() => ReportType, { description: 'Đánh dấu "không báo cáo" cho báo cáo chưa gửi của đơn vị cấp dưới, nêu lý do.' })
  async waiveReport(@Args('id', { type: () => ID }) id: string, @Args('reason') reason: string, @CurrentIdentity() identity: Identity): Promise<ReportType> {
    return reportView(await this.actions.run(id, identity, 'review', (today) => ({ type: 'WaiveReport', data: { reason, on: today } })), todayOf(this.clock));
  }

  @AccessCheckedInResolver('manage')
  @Mutation(() => ReportType, { description: 'Phê duyệt báo cáo tổng hợp của cấp mình: chỉ khi mọi báo cáo cấp dưới đã được chấp nhận hoặc đánh dấu "không báo cáo".' })
  async approveReport(@Args('id', { type: () => ID }) id: string, @CurrentIdentity() identity: Identity): Promise<ReportType> {
    return reportView(await this.actions.approve(id, identity), todayOf(this.clock));
  }
}
