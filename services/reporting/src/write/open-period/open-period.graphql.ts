import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, CurrentIdentity } from '@reform/auth';
import { CycleType } from '../../read/reports/report.types';
import { cycleView } from '../../read/regimes/regimes.graphql';
import { PeriodOpening } from './open-period';

@Resolver(() => CycleType)
export class OpenPeriodResolver {
  constructor(private readonly opening: PeriodOpening) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => CycleType, {
    description: 'Mở một kỳ báo cáo: mỗi đơn vị báo cáo (xác định vào hôm nay) có một báo cáo phải nộp, điền sẵn từ nhiệm vụ được giao.',
  })
  async openReportingPeriod(
    @Args('regimeId', { type: () => ID }) regimeId: string,
    @Args('period') period: string,
    @CurrentIdentity() identity: Identity,
  ): Promise<CycleType> {
    const opened = await this.opening.open(identity, regimeId, period);
    return cycleView(opened.cycle);
  }
}
