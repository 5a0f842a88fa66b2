import { Injectable } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { Identity } from '@reform/access';
import { AccessCheckedInResolver, AccessControl, CurrentIdentity } from '@reform/auth';
import { DomainError } from '@reform/decider';
import { EventMetadata, RecordedEvent } from '@reform/event-store';
import { assessmentDecider, assessmentStreamId } from '../../domain/assessment/assessment.decider';
import { campaignDecider, campaignStreamId } from '../../domain/campaign/campaign.decider';
import { assessmentFactsOf } from '../../domain/assessment/assessment-opening';
import { IndexSetDefinition } from '../../domain/framework/index-set';
import { AssessmentAccess } from '../../read/assessments/assessment-access';
import { AssessmentCampaignType, CampaignInput, campaignView } from '../../read/assessments/assessment.types';
import { FrameworkCatalogue } from '../../read/frameworks/framework-catalogue';
import { ScoringCommands } from '../common/scoring-commands';

const bad = (code: string, message: string, field: string) => new DomainError(code, message, { kind: 'BAD_USER_INPUT', field });
const LEVEL_OF_UNITS = { COMMUNE: 'COMMUNE', DISTRICT: 'DISTRICT', DEPARTMENT: 'AGENCY' } as const;

/** Opens a campaign and every child's assessment in one transaction: all or nothing. */
@Injectable()
export class CampaignOpener {
  constructor(
    private readonly commands: ScoringCommands,
    private readonly catalogue: FrameworkCatalogue,
  ) {}

  async open(input: CampaignInput, metadata: (past: readonly RecordedEvent[]) => EventMetadata): Promise<{ campaignId: string }> {
    const found = await this.catalogue.definition(input.frameworkCode, input.frameworkVersion);
    if (!found || found.definition.kind !== 'PAR_INDEX_SET')
      throw bad(
        'CAMPAIGN.UNKNOWN_FRAMEWORK',
        `input.frameworkCode: không có bộ chỉ số CCHC "${input.frameworkCode}"${input.frameworkVersion ? ` phiên bản ${input.frameworkVersion}` : ''}.`,
        'input.frameworkCode',
      );
    const framework = found.definition as IndexSetDefinition;
    const today = this.commands.today();
    const children = await this.commands.units.children(input.ownerCode, today, { level: LEVEL_OF_UNITS[framework.level] });
    const unitCodes = input.unitCodes?.length ? input.unitCodes : children.map((u) => u.code);
    input.unitCodes?.forEach((code, i) => {
      if (!children.some((child) => child.code === code))
        throw bad(
          'CAMPAIGN.NOT_A_CHILD',
          `input.unitCodes[${i}]: ${code} không phải đơn vị trực thuộc ${input.ownerCode} (cấp ${framework.level}).`,
          `input.unitCodes[${i}]`,
        );
    });
    const campaignId = randomUUID();
    const assessments = unitCodes.map((unitCode) => ({ assessmentId: randomUUID(), unitCode }));
    const facts = {
      id: campaignId,
      title: input.title,
      ownerCode: input.ownerCode,
      year: input.year,
      entryWindow: { from: input.entryWindow.from, to: input.entryWindow.to },
      appraisalWindow: { from: input.appraisalWindow.from, to: input.appraisalWindow.to },
      skipped: [...new Set(input.skippedCriteria ?? [])],
      improvement: input.improvement ? { bottomCount: input.improvement.bottomCount, withinDays: input.improvement.withinDays } : null,
      assessments,
    };
    await this.commands.store.transaction(async ({ manager }) => {
      const store = this.commands.store.withManager(manager);
      await this.commands.execute(
        campaignDecider,
        campaignStreamId(campaignId),
        { type: 'OpenCampaign', data: { ...facts, framework, frameworkVersion: found.version, today } },
        metadata,
        store,
      );
      for (const assessment of assessments) {
        await this.commands.execute(
          assessmentDecider,
          assessmentStreamId(assessment.assessmentId),
          { type: 'OpenAssessment', data: { ...assessmentFactsOf(facts, framework, found.version, assessment), on: today } },
          metadata,
          store,
        );
      }
    });
    return { campaignId };
  }
}

@Resolver(() => AssessmentCampaignType)
export class OpenCampaignResolver {
  constructor(
    private readonly opener: CampaignOpener,
    private readonly commands: ScoringCommands,
    private readonly access: AccessControl,
    private readonly guard: AssessmentAccess,
  ) {}

  @AccessCheckedInResolver('manage')
  @Mutation(() => AssessmentCampaignType, { description: 'Mở đợt chấm điểm CCHC năm cho các đơn vị trực thuộc, với thời hạn tự chấm và thời hạn thẩm định.' })
  async openAssessmentCampaign(
    @Args('input', { type: () => CampaignInput }) input: CampaignInput,
    @CurrentIdentity() identity: Identity,
  ): Promise<AssessmentCampaignType> {
    await this.access.assert(identity, 'manage', input.ownerCode);
    const { campaignId } = await this.opener.open(input, await this.commands.metadataFor(identity, input.ownerCode));
    return campaignView(await this.guard.campaign(campaignId), this.commands.today());
  }
}
