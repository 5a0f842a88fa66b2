import { IndexSetDefinition, leavesOf } from '../framework/index-set';
import { AssessmentFacts, Window } from './assessment.decider';

/** What a campaign fixes for every assessment it opens. */
export interface CampaignTerms {
  readonly id: string;
  readonly ownerCode: string;
  readonly year: number;
  readonly skipped: readonly string[];
  readonly entryWindow: Window;
  readonly appraisalWindow: Window;
}

/**
 * The facts of one unit's assessment in a campaign: the campaign's terms and its framework version
 * (maximum, grades and the criteria to score, its leaves). Opening a campaign and the demo's seed
 * open assessments alike through it.
 */
export function assessmentFactsOf(
  campaign: CampaignTerms,
  framework: IndexSetDefinition,
  frameworkVersion: number,
  assessment: { readonly assessmentId: string; readonly unitCode: string },
): AssessmentFacts {
  return {
    id: assessment.assessmentId,
    campaignId: campaign.id,
    unitCode: assessment.unitCode,
    ownerCode: campaign.ownerCode,
    year: campaign.year,
    frameworkCode: framework.code,
    frameworkVersion,
    maxTotal: framework.maxTotal,
    grades: framework.grades,
    criteria: leavesOf(framework.fields).map(({ children: _children, ...leaf }) => leaf),
    skipped: campaign.skipped,
    entryWindow: campaign.entryWindow,
    appraisalWindow: campaign.appraisalWindow,
  };
}
