import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, FileContentScalar, historyTypes } from '@reform/subgraph';
import { Assessment, ASSESSMENT_STATUSES, selfResultOf } from '../../domain/assessment/assessment.decider';
import { Campaign } from '../../domain/campaign/campaign.decider';
import { SCORING_GRAPHQL_TYPES } from '../../graphql-types';
import { UnitRef } from '../papi-results/papi.types';
import { ScoringTierType } from '../frameworks/framework.types';
import { ScoringPlanRef } from '../plan-papi-scores/plan-papi-scores.graphql';

export const AssessmentStatusEnum = Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, s])) as Record<(typeof ASSESSMENT_STATUSES)[number], string>;
registerEnumType(AssessmentStatusEnum, {
  registerIn: SCORING_GRAPHQL_TYPES,
  name: 'AssessmentStatus',
  description: 'OPEN (đang tự chấm), SUBMITTED (đã nộp, chờ thẩm định), RETURNED (trả lại bổ sung), FINALISED (đã chốt thẩm định).',
});
export const AppraisalDecisionEnum = { ACCEPT: 'ACCEPT', ADJUST: 'ADJUST', RETURN: 'RETURN' } as const;
registerEnumType(AppraisalDecisionEnum, {
  registerIn: SCORING_GRAPHQL_TYPES,
  name: 'AppraisalDecision',
  description: 'ACCEPT (đồng ý điểm tự chấm), ADJUST (điều chỉnh, nêu lý do), RETURN (trả lại để bổ sung tài liệu).',
});

export const { HistoryEntryType: AssessmentHistoryEntryType } = historyTypes(SCORING_GRAPHQL_TYPES, () => UnitRef);

@ObjectType('EvidenceFile', { registerIn: SCORING_GRAPHQL_TYPES, description: 'Tài liệu kiểm chứng đã tải lên: định danh bằng SHA-256 của nội dung.' })
export class EvidenceFileType {
  @Field() sha256!: string;
  @Field(() => Int) size!: number;
  @Field() fileName!: string;
  @Field() mediaType!: string;
}

@ObjectType('DocumentCitation', { registerIn: SCORING_GRAPHQL_TYPES, description: 'Văn bản dẫn chứng: số, ký hiệu; ngày; trang.' })
export class CitationType {
  @Field() number!: string;
  @Field(() => DateScalar) date!: string;
  @Field(() => Int, { nullable: true }) page!: number | null;
}

@ObjectType('AssessmentCriterion', {
  registerIn: SCORING_GRAPHQL_TYPES,
  description: 'Một tiêu chí chấm điểm của phiếu: định nghĩa và điểm tự chấm, điểm thẩm định.',
})
export class AssessmentCriterionType {
  @Field() code!: string;
  @Field(() => [String], { description: 'Mã các cấp trên (lĩnh vực trước).' }) path!: string[];
  @Field() name!: string;
  @Field(() => Float) maxScore!: number;
  @Field() rule!: string;
  @Field(() => [ScoringTierType]) tiers!: ScoringTierType[];
  @Field() scoredBy!: string;
  @Field() skippable!: boolean;
  @Field({ description: 'MINH HỌA: không lấy từ văn bản chính thức.' }) illustrative!: boolean;
  @Field(() => String, { nullable: true }) evidenceRequired!: string | null;
  @Field({ description: 'Đợt đánh giá bỏ qua tiêu chí này cho mọi đơn vị.' }) skippedByCampaign!: boolean;
  @Field({ description: 'EMPTY, SCORED, RETURNED, ACCEPTED, ADJUSTED.' }) status!: string;
  @Field(() => Float, { nullable: true }) selfScore!: number | null;
  @Field() notApplicable!: boolean;
  @Field(() => String, { nullable: true, description: 'Giải trình.' }) explanation!: string | null;
  @Field(() => [EvidenceFileType]) files!: EvidenceFileType[];
  @Field(() => [CitationType]) citations!: CitationType[];
  @Field(() => Float, { nullable: true }) appraisedScore!: number | null;
  @Field(() => String, { nullable: true }) appraisalReason!: string | null;
  @Field(() => String, { nullable: true }) returnReason!: string | null;
}

@ObjectType('AssessmentResult', { registerIn: SCORING_GRAPHQL_TYPES })
export class AssessmentResultType {
  @Field(() => Float) total!: number;
  @Field(() => Float, { description: 'Điểm tối đa của các tiêu chí áp dụng.' }) applicableMax!: number;
  @Field(() => Float, { description: 'Tổng điểm quy đổi về thang điểm của bộ chỉ số.' }) rescaledTotal!: number;
  @Field(() => Float) percent!: number;
  @Field(() => String, { nullable: true }) grade!: string | null;
}

@ObjectType('Assessment', { registerIn: SCORING_GRAPHQL_TYPES, description: 'Phiếu tự đánh giá, chấm điểm CCHC của một đơn vị trong một đợt.' })
@Directive('@key(fields: "id")')
export class AssessmentType {
  @Field(() => ID) id!: string;
  @Field(() => ID) campaignId!: string;
  @Field(() => ID) unitCode!: string;
  @Field(() => UnitRef) unit!: UnitRef;
  @Field(() => ID) ownerCode!: string;
  @Field(() => Int) year!: number;
  @Field(() => ID) frameworkCode!: string;
  @Field(() => Int) frameworkVersion!: number;
  @Field(() => Float) maxTotal!: number;
  @Field(() => AssessmentStatusEnum) status!: string;
  @Field(() => DateScalar) entryFrom!: string;
  @Field(() => DateScalar) entryTo!: string;
  @Field(() => DateScalar) appraisalFrom!: string;
  @Field(() => DateScalar) appraisalTo!: string;
  @Field(() => DateScalar, { nullable: true }) submittedOn!: string | null;
  @Field(() => DateScalar, { nullable: true }) finalisedOn!: string | null;
  @Field(() => [AssessmentCriterionType]) criteria!: AssessmentCriterionType[];
  @Field(() => AssessmentResultType, { description: 'Tổng điểm tự chấm (quy đổi).' }) selfResult!: AssessmentResultType;
  @Field(() => AssessmentResultType, { nullable: true, description: 'Kết quả sau thẩm định (khi đã chốt).' }) result!: AssessmentResultType | null;
}

export type AssessmentView = AssessmentType & { readonly state: Assessment };

export function assessmentView(state: Assessment): AssessmentView {
  return {
    state,
    id: state.id,
    campaignId: state.campaignId,
    unitCode: state.unitCode,
    unit: { code: state.unitCode },
    ownerCode: state.ownerCode,
    year: state.year,
    frameworkCode: state.frameworkCode,
    frameworkVersion: state.frameworkVersion,
    maxTotal: state.maxTotal,
    status: state.status,
    entryFrom: state.entryWindow.from,
    entryTo: state.entryWindow.to,
    appraisalFrom: state.appraisalWindow.from,
    appraisalTo: state.appraisalWindow.to,
    submittedOn: state.submittedOn,
    finalisedOn: state.finalisedOn,
    criteria: state.criteria.map((c) => {
      const entry = state.entries[c.code];
      return {
        code: c.code,
        path: [...c.path],
        name: c.name,
        maxScore: c.maxScore,
        rule: c.rule.kind,
        tiers: c.rule.kind === 'TIERS' ? c.rule.tiers.map((t) => ({ ...t })) : [],
        scoredBy: c.scoredBy,
        skippable: c.skippable,
        illustrative: c.illustrative,
        evidenceRequired: c.evidence,
        skippedByCampaign: state.skipped.includes(c.code),
        status: entry?.status ?? 'EMPTY',
        selfScore: entry?.selfScore ?? null,
        notApplicable: entry?.notApplicable ?? false,
        explanation: entry?.explanation ?? null,
        files: [...(entry?.files ?? [])],
        citations: [...(entry?.citations ?? [])],
        appraisedScore: entry?.appraisedScore ?? null,
        appraisalReason: entry?.appraisalReason ?? null,
        returnReason: entry?.returnReason ?? null,
      };
    }),
    selfResult: selfResultOf(state),
    result: state.result,
  };
}

@ObjectType('RankingRow', { registerIn: SCORING_GRAPHQL_TYPES, description: 'Một dòng của bảng xếp hạng đã công bố.' })
export class RankingRowType {
  @Field(() => UnitRef) unit!: UnitRef;
  @Field(() => ID) unitCode!: string;
  @Field(() => ID) assessmentId!: string;
  @Field(() => Float) total!: number;
  @Field(() => Float) rescaledTotal!: number;
  @Field(() => Float) percent!: number;
  @Field(() => Int, { description: 'Thứ hạng (đồng hạng khi bằng điểm; hạng sau bỏ qua số đơn vị đồng hạng).' }) rank!: number;
  @Field(() => Int, { description: 'Số đơn vị được xếp hạng.' }) of!: number;
  @Field(() => String, { nullable: true }) grade!: string | null;
  @Field(() => Int, { nullable: true }) previousRank!: number | null;
  @Field(() => Float, { nullable: true, description: 'Tăng (+) / giảm (−) điểm quy đổi so với năm trước.' }) change!: number | null;
  @Field({ description: 'Phải ban hành kế hoạch nâng cao chỉ số (cuối bảng).' }) improvementPlanOwed!: boolean;
}

@ObjectType('ImprovementObligation', { registerIn: SCORING_GRAPHQL_TYPES, description: 'Nghĩa vụ ban hành kế hoạch nâng cao chỉ số CCHC của đơn vị xếp cuối.' })
export class ImprovementObligationType {
  @Field(() => ID) campaignId!: string;
  @Field(() => ID) unitCode!: string;
  @Field(() => UnitRef) unit!: UnitRef;
  @Field(() => DateScalar) dueOn!: string;
  @Field() text!: string;
  @Field({ description: 'OWED (chưa ban hành), FULFILLED (đã ban hành), LATE (quá hạn chưa ban hành).' }) status!: string;
  @Field(() => ID, { nullable: true }) fulfilledByPlanId!: string | null;
  @Field(() => ScoringPlanRef, { nullable: true, description: 'Kế hoạch đã ban hành (do dịch vụ kế hoạch trả lời).' }) fulfilledByPlan!: ScoringPlanRef | null;
  @Field(() => String, { nullable: true }) fulfilledByNumber!: string | null;
}

@ObjectType('AssessmentCampaign', {
  registerIn: SCORING_GRAPHQL_TYPES,
  description: 'Đợt chấm điểm CCHC: đơn vị cấp trên đánh giá các đơn vị trực thuộc trong một năm.',
})
export class AssessmentCampaignType {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => ID) ownerCode!: string;
  @Field(() => UnitRef) owner!: UnitRef;
  @Field(() => Int) year!: number;
  @Field(() => ID) frameworkCode!: string;
  @Field(() => Int) frameworkVersion!: number;
  @Field(() => DateScalar) entryFrom!: string;
  @Field(() => DateScalar) entryTo!: string;
  @Field(() => DateScalar) appraisalFrom!: string;
  @Field(() => DateScalar) appraisalTo!: string;
  @Field(() => [String]) skippedCriteria!: string[];
  @Field({ description: 'OPEN (đang chấm) hoặc PUBLISHED (đã công bố).' }) status!: string;
  @Field(() => DateScalar, { nullable: true }) publishedOn!: string | null;
  @Field(() => [ID]) unitCodes!: string[];
  @Field(() => [ImprovementObligationType]) obligations!: ImprovementObligationType[];
}

export function campaignView(state: Campaign, today: string): AssessmentCampaignType {
  return {
    id: state.id,
    title: state.title,
    ownerCode: state.ownerCode,
    owner: { code: state.ownerCode },
    year: state.year,
    frameworkCode: state.frameworkCode,
    frameworkVersion: state.frameworkVersion,
    entryFrom: state.entryWindow.from,
    entryTo: state.entryWindow.to,
    appraisalFrom: state.appraisalWindow.from,
    appraisalTo: state.appraisalWindow.to,
    skippedCriteria: [...state.skipped],
    status: state.status,
    publishedOn: state.publishedOn,
    unitCodes: state.assessments.map((a) => a.unitCode),
    obligations: state.obligations.map((o) => ({
      campaignId: state.id,
      unitCode: o.unitCode,
      unit: { code: o.unitCode },
      dueOn: o.dueOn,
      text: o.text,
      status: o.fulfilledBy ? 'FULFILLED' : today > o.dueOn ? 'LATE' : 'OWED',
      fulfilledByPlanId: o.fulfilledBy?.planId ?? null,
      fulfilledByPlan: o.fulfilledBy ? { id: o.fulfilledBy.planId } : null,
      fulfilledByNumber: o.fulfilledBy?.number ?? null,
    })),
  };
}

@InputType('DateWindowInput', { registerIn: SCORING_GRAPHQL_TYPES })
export class DateWindowInput {
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
}

@InputType('ImprovementRuleInput', { registerIn: SCORING_GRAPHQL_TYPES })
export class ImprovementRuleInput {
  @Field(() => Int, { description: 'Số đơn vị cuối bảng phải ban hành kế hoạch nâng cao chỉ số.' }) bottomCount!: number;
  @Field(() => Int, { description: 'Trong số ngày kể từ ngày công bố.' }) withinDays!: number;
}

@InputType('CampaignInput', { registerIn: SCORING_GRAPHQL_TYPES })
export class CampaignInput {
  @Field() title!: string;
  @Field(() => ID, { description: 'Đơn vị mở đợt (cấp trên).' }) ownerCode!: string;
  @Field(() => Int) year!: number;
  @Field(() => ID) frameworkCode!: string;
  @Field(() => Int, { nullable: true, description: 'Mặc định: phiên bản mới nhất.' }) frameworkVersion?: number | null;
  @Field(() => [ID], { nullable: true, description: 'Mặc định: mọi đơn vị trực thuộc ở cấp của bộ chỉ số.' }) unitCodes?: string[] | null;
  @Field(() => DateWindowInput) entryWindow!: DateWindowInput;
  @Field(() => DateWindowInput) appraisalWindow!: DateWindowInput;
  @Field(() => [String], { nullable: true, description: 'Tiêu chí bỏ qua cho mọi đơn vị (ví dụ năm không điều tra xã hội học).' }) skippedCriteria?:
    string[] | null;
  @Field(() => ImprovementRuleInput, { nullable: true }) improvement?: ImprovementRuleInput | null;
}

@InputType('CitationInput', { registerIn: SCORING_GRAPHQL_TYPES })
export class CitationInput {
  @Field() number!: string;
  @Field(() => DateScalar) date!: string;
  @Field(() => Int, { nullable: true }) page?: number | null;
}

@InputType('EvidenceUploadInput', { registerIn: SCORING_GRAPHQL_TYPES })
export class EvidenceUploadInput {
  @Field() fileName!: string;
  @Field() mediaType!: string;
  @Field(() => FileContentScalar, { description: 'Nội dung tệp, base64.' }) content!: string;
}

@InputType('CriterionScoreInput', { registerIn: SCORING_GRAPHQL_TYPES })
export class CriterionScoreInput {
  @Field() criterionCode!: string;
  @Field(() => Float, { nullable: true }) score?: number | null;
  @Field({ nullable: true, description: 'Đơn vị không có chức năng tương ứng (chỉ tiêu chí được bỏ qua).' }) notApplicable?: boolean;
  @Field(() => String, { nullable: true, description: 'Giải trình; bắt buộc khi không có tài liệu kiểm chứng.' }) explanation?: string | null;
  @Field(() => [CitationInput], { nullable: true }) citations?: CitationInput[] | null;
  @Field(() => [EvidenceUploadInput], { nullable: true, description: 'Tệp mới tải lên.' }) uploads?: EvidenceUploadInput[] | null;
  @Field(() => [String], { nullable: true, description: 'SHA-256 các tệp đã tải trước đó được giữ lại.' }) keepFiles?: string[] | null;
}

@InputType('AppraisalInput', { registerIn: SCORING_GRAPHQL_TYPES })
export class AppraisalInput {
  @Field() criterionCode!: string;
  @Field(() => AppraisalDecisionEnum) decision!: 'ACCEPT' | 'ADJUST' | 'RETURN';
  @Field(() => Float, { nullable: true }) score?: number | null;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@ObjectType('EvidenceFileContent', { registerIn: SCORING_GRAPHQL_TYPES })
export class EvidenceFileContentType {
  @Field() sha256!: string;
  @Field() fileName!: string;
  @Field() mediaType!: string;
  @Field(() => Int) size!: number;
  @Field(() => FileContentScalar, { description: 'base64' }) base64!: string;
}
