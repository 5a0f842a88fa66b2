import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { CLOCK, Clock, todayOf } from '@reform/clock';
import { contentOf, ReportInput, reportView, ReportType } from '../../read/reports/report.types';
import { ReportActions } from '../common/report-actions';

/** The reporting unit saves its draft: the sections and items it sends, the others kept. */
@Resolver(() => ReportType)
export class SaveReportDraftResolver {
  constructor(
    private readonly actions: ReportActions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @AccessCheckedInResolver('act')
  @Mutation(() => ReportType, { description: 'Lưu bản nháp báo cáo (các phần, chỉ tiêu không gửi lên giữ nguyên).' })
  async saveReportDraft(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ReportInput,
    @CurrentIdentity() identity: Identity,
  ): Promise<ReportType> {
    const report = await this.actions.run(id, identity, 'act', (today, current) => ({
      type: 'SaveDraft',
      data: { content: contentOf(input, current.content), on: today },
    }));
    return reportView(report, todayOf(this.clock));
  }
}
