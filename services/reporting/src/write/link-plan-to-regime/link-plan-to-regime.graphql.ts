import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, CurrentIdentity } from '@reform/auth';
import { regimeDecider, regimeStreamId, RegimeState } from '../../domain/regime/regime.decider';
import { RegimeType } from '../../read/reports/report.types';
import { regimeView } from '../../read/regimes/regimes.graphql';
import { PeriodOpening } from '../open-period/open-period';
import { ReportingCommands } from '../common/reporting-commands';

/** The owner links a plan to its regime by hand: the plan's assignments then pre-fill the reports (an issued plan's requirement links by itself, ADR 0038). */
@Resolver(() => RegimeType)
export class LinkPlanToRegimeResolver {
  constructor(
    private readonly commands: ReportingCommands,
    private readonly opening: PeriodOpening,
    private readonly access: AccessControl,
  ) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => RegimeType, { description: 'Gắn một kế hoạch vào chế độ báo cáo: nhiệm vụ được giao của kế hoạch được điền sẵn vào các báo cáo.' })
  async linkPlanToReportRegime(
    @Args('regimeId', { type: () => ID }) regimeId: string,
    @Args('planId', { type: () => ID }) planId: string,
    @Args('source', { type: () => String, nullable: true }) source: string | null,
    @CurrentIdentity() identity: Identity,
  ): Promise<RegimeType> {
    const regime = await this.opening.regime(regimeId);
    await this.access.assert(identity, 'manage', regime.ownerCode);
    const handled = await this.commands.execute(
      regimeDecider,
      regimeStreamId(regimeId),
      { type: 'LinkPlan', data: { planId, source: source ?? null, on: this.commands.today() } },
      await this.commands.metadataFor(identity, regime.ownerCode),
    );
    return regimeView(handled.state as Exclude<RegimeState, { status: 'NONE' }>);
  }
}
