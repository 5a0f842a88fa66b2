/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation CreateAccount($input: CreateAccountInput!) { createAccount(input: $input) { id username } }": typeof types.CreateAccountDocument,
    "mutation GrantRole($username: String!, $role: Role!, $unitCode: ID!) { grantRole(username: $username, role: $role, unitCode: $unitCode) { id } }": typeof types.GrantRoleDocument,
    "mutation RevokeRole($username: String!, $role: Role!, $unitCode: ID!) { revokeRole(username: $username, role: $role, unitCode: $unitCode) { id } }": typeof types.RevokeRoleDocument,
    "mutation DisableAccount($username: String!, $reason: String!) { disableAccount(username: $username, reason: $reason) { id status } }": typeof types.DisableAccountDocument,
    "\n  query PlanPapiScores($id: ID!) { plan(id: $id) { id papiScores { indicatorCode dimensionCode dimensionName provinceCode year score rank group subScore } } }\n": typeof types.PlanPapiScoresDocument,
    "\n  query PlanTargetAchievement($id: ID!) {\n    plan(id: $id) {\n      id\n      targetAchievement {\n        taskId taskText sectionCode status kind target comparator value actual basis\n        trail { source id unitCode figure on period itemCode }\n        parts { kind status target actual basis }\n      }\n    }\n  }\n": typeof types.PlanTargetAchievementDocument,
    "\n  query AssessmentPage($id: ID!) {\n    assessment(id: $id) {\n      id campaignId unitCode unit { name } ownerCode year status maxTotal frameworkCode frameworkVersion entryFrom entryTo appraisalFrom appraisalTo\n      selfResult { total rescaledTotal grade }\n      result { total applicableMax rescaledTotal percent grade }\n      criteria {\n        code path name maxScore rule tiers { label score } scoredBy skippable illustrative evidenceRequired skippedByCampaign\n        status selfScore notApplicable explanation files { sha256 fileName size } citations { number date page }\n        appraisedScore appraisalReason returnReason\n      }\n    }\n  }\n": typeof types.AssessmentPageDocument,
    "\n  mutation ScoreCriterionPage($id: ID!, $input: CriterionScoreInput!) { scoreCriterion(assessmentId: $id, input: $input) { id status } }\n": typeof types.ScoreCriterionPageDocument,
    "\n  mutation SubmitSelfAssessmentPage($id: ID!) { submitSelfAssessment(id: $id) { id status } }\n": typeof types.SubmitSelfAssessmentPageDocument,
    "\n  mutation AppraiseCriterionPage($id: ID!, $input: AppraisalInput!) { appraiseCriterion(assessmentId: $id, input: $input) { id status } }\n": typeof types.AppraiseCriterionPageDocument,
    "\n  mutation FinaliseAppraisalPage($id: ID!) { finaliseAppraisal(id: $id) { id status } }\n": typeof types.FinaliseAppraisalPageDocument,
    "query AssessmentScorecardDocx($id: ID!) { assessmentScorecardDocx(id: $id) { fileName mediaType base64 } }": typeof types.AssessmentScorecardDocxDocument,
    "\n  query EvidenceFilePage($id: ID!, $sha: String!) { evidenceFile(assessmentId: $id, sha256: $sha) { fileName mediaType base64 } }\n": typeof types.EvidenceFilePageDocument,
    "\n  query AssignmentPage($id: ID!) {\n    assignment(id: $id) {\n      id kind role status overdue late dueOn assignedOn completedOn percent note result evidence cancelledReason\n      taskId taskText target timeframeText planId planNumber planTitle assignerCode\n      unit { code name }\n      extension { status reason requestedDueOn answer }\n      history { version type recordedAt actor { username unit { name } } data }\n    }\n  }\n": typeof types.AssignmentPageDocument,
    "mutation AcceptAssignment($id: ID!) { acceptAssignment(id: $id) { id status } }": typeof types.AcceptAssignmentDocument,
    "mutation ReportProgress($id: ID!, $input: ProgressInput!) { reportAssignmentProgress(id: $id, input: $input) { id status percent } }": typeof types.ReportProgressDocument,
    "mutation CompleteAssignment($id: ID!, $input: CompletionInput!) { completeAssignment(id: $id, input: $input) { id status } }": typeof types.CompleteAssignmentDocument,
    "mutation RequestExtension($id: ID!, $input: ExtensionRequestInput!) { requestAssignmentExtension(id: $id, input: $input) { id } }": typeof types.RequestExtensionDocument,
    "mutation GrantExtension($id: ID!, $reason: String) { grantAssignmentExtension(id: $id, reason: $reason) { id } }": typeof types.GrantExtensionDocument,
    "mutation RefuseExtension($id: ID!, $reason: String!) { refuseAssignmentExtension(id: $id, reason: $reason) { id } }": typeof types.RefuseExtensionDocument,
    "\n  query AssignmentHistory($id: ID!, $asOf: DateTime, $withState: Boolean!) {\n    assignment(id: $id) {\n      id taskText planNumber unit { name }\n      integrity { ok checkedEvents firstBrokenVersion }\n      history { version type recordedAt data actor { username unit { name } } }\n    }\n    at: assignment(id: $id, asOf: $asOf) @include(if: $withState) { status percent note result dueOn completedOn extension { status requestedDueOn } }\n  }\n": typeof types.AssignmentHistoryDocument,
    "\n  query PlanHistory($id: ID!, $asOf: DateTime, $withState: Boolean!) {\n    plan(id: $id) {\n      id number title issuer { name }\n      integrity { ok checkedEvents firstBrokenVersion }\n      history { version type recordedAt data actor { username unit { name } } }\n    }\n    at: plan(id: $id, asOf: $asOf) @include(if: $withState) { status revision title issuedOn closedOn }\n  }\n": typeof types.PlanHistoryDocument,
    "\n  query UnitHistory($code: ID!, $asOf: DateTime, $withState: Boolean!) {\n    unit(code: $code) {\n      code name\n      integrity { ok checkedEvents firstBrokenVersion }\n      history { version type recordedAt data actor { username unit { name } } }\n    }\n    at: unit(code: $code, recordedAsOf: $asOf) @include(if: $withState) { name type validTo parent { name } mergedInto { name } }\n  }\n": typeof types.UnitHistoryDocument,
    "\n  query TaskTimeline($planId: ID!, $taskId: ID!) {\n    taskTimeline(planId: $planId, taskId: $taskId) { eventId at type summary service actor { username } unit { name } }\n  }\n": typeof types.TaskTimelineDocument,
    "\n  query TaskTimelineExport($planId: ID!, $taskId: ID!) {\n    taskTimelineExport(planId: $planId, taskId: $taskId, format: CSV) { fileName content contentType entries }\n  }\n": typeof types.TaskTimelineExportDocument,
    "\n  query CampaignPage($id: ID!) {\n    assessmentCampaign(id: $id) {\n      id title year status frameworkCode frameworkVersion entryFrom entryTo appraisalFrom appraisalTo publishedOn skippedCriteria\n      owner { code name }\n      obligations { unitCode unit { name } dueOn status text fulfilledByNumber }\n    }\n    assessments(campaignId: $id) { id unitCode unit { name } status selfResult { rescaledTotal } result { rescaledTotal grade } }\n  }\n": typeof types.CampaignPageDocument,
    "\n  query CampaignRanking($id: ID!) { ranking(campaignId: $id) { unitCode unit { name } total rescaledTotal percent rank of grade previousRank change improvementPlanOwed } }\n": typeof types.CampaignRankingDocument,
    "\n  mutation PublishCampaign($id: ID!) { publishCampaignResults(campaignId: $id) { id status } }\n": typeof types.PublishCampaignDocument,
    "\n  query Dashboard($id: ID!, $unitCode: ID) {\n    plan(id: $id) {\n      id number title issuedOn documentDate issuerCode\n      issuer { code name level }\n      progress(unitCode: $unitCode) {\n        unitCode total assigned accepted inProgress completed overdue cancelled percentComplete\n        unit { code name level ancestors { code name } }\n        children { unitCode total assigned accepted inProgress completed overdue cancelled percentComplete unit { code name level } }\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query DashboardDueSoon($unitCode: ID!, $planId: ID!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, planId: $planId, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], overdue: false, limit: 1000) {\n      items { id taskText dueOn status overdue percent unitCode }\n    }\n  }\n": typeof types.DashboardDueSoonDocument,
    "\n  query DashboardDueSoonExport($unitCode: ID!, $planId: ID!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, planId: $planId, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], overdue: false, limit: 1000) {\n      items { id taskText dueOn status overdue percent unit { code name } }\n    }\n  }\n": typeof types.DashboardDueSoonExportDocument,
    "query DashboardUnitName($code: ID!) { unit(code: $code) { code name } }": typeof types.DashboardUnitNameDocument,
    "\n  query DashboardOverdue($unitCode: ID!, $planId: ID!, $offset: Int!, $limit: Int!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, planId: $planId, overdue: true, offset: $offset, limit: $limit) {\n      total\n      items { id taskText dueOn status percent unit { code name } }\n    }\n  }\n": typeof types.DashboardOverdueDocument,
    "\n  query Inbox($unitCode: ID!) {\n    assignmentPage(unitCode: $unitCode, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], limit: 1000) {\n      total\n      items {\n        id kind status overdue dueOn percent taskText timeframeText planId planNumber planTitle\n        extension { status requestedDueOn }\n      }\n    }\n  }\n": typeof types.InboxDocument,
    "\n  query ExtensionsToDecide($unitCode: ID!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], extensionStatus: REQUESTED, limit: 1000) {\n      total\n      items {\n        id assignerCode unitCode\n        extension { status reason requestedDueOn }\n      }\n    }\n  }\n": typeof types.ExtensionsToDecideDocument,
    "\n  query ExtensionRow($id: ID!) {\n    assignment(id: $id) { id taskText dueOn unit { name } }\n  }\n": typeof types.ExtensionRowDocument,
    "\n  query PapiPage($year: Int!) {\n    papiYears { year }\n    papiResults(year: $year) { provinceCode provinceName ranked total rank rankedCount group totalChange rankChange dimensions { code name score group } }\n  }\n": typeof types.PapiPageDocument,
    "\n  query PapiProfilePage($code: ID!) { papiProfile(provinceCode: $code) { year ranked total rank rankedCount group rankChange dimensions { code score group } } }\n": typeof types.PapiProfilePageDocument,
    "\n  query PlanDraft($id: ID!) {\n    plan(id: $id) {\n      id number title issuerCode year documentDate frameworks implementsPlanId implementsText status\n      sections {\n        code title\n        tasks { ...EditorTaskFields }\n        sections { code title tasks { ...EditorTaskFields } }\n      }\n    }\n  }\n  fragment EditorTaskFields on PlanTask {\n    ordinal text expectedResult target { text } lead { text } implementing { text } monitoring { text } timeframe { text }\n  }\n": typeof types.PlanDraftDocument,
    "query ParentPlans { plans { id number title status issuer { code name } } }": typeof types.ParentPlansDocument,
    "query PlanFrameworks { planFrameworks { code name } }": typeof types.PlanFrameworksDocument,
    "mutation DraftPlan($input: DraftPlanInput!) { draftPlan(input: $input) { id } }": typeof types.DraftPlanDocument,
    "mutation ReviseDraftPlan($id: ID!, $input: DraftPlanInput!) { reviseDraftPlan(id: $id, input: $input) { id } }": typeof types.ReviseDraftPlanDocument,
    "mutation IssueDraft($id: ID!) { issuePlan(id: $id) { id status } }": typeof types.IssueDraftDocument,
    "\n  query PlanView($id: ID!) {\n    plan(id: $id) {\n      id number title year status revision issuedOn documentDate closedOn closeReason frameworks implementsText\n      issuer { code name level }\n      implementsPlan { id number title }\n      amendments { revision amendedOn reason }\n      reportingRequirements { text regimeId }\n      sections {\n        code title indicator { framework code name }\n        tasks { ...AppendixTaskFields }\n        sections { code title indicator { framework code name } tasks { ...AppendixTaskFields } }\n      }\n      obligations { assignmentId dueOn status late fulfilledBy fulfilledByPlanId unit { code name } }\n      implementingPlans { id number title status issuer { name } }\n    }\n  }\n  fragment AppendixTaskFields on PlanTask {\n    id ordinal text expectedResult\n    target { text } lead { text } implementing { text } monitoring { text } timeframe { text }\n  }\n": typeof types.PlanViewDocument,
    "mutation IssuePlan($id: ID!) { issuePlan(id: $id) { id status revision issuedOn } }": typeof types.IssuePlanDocument,
    "mutation AmendPlan($id: ID!, $input: AmendPlanInput!) { amendPlan(id: $id, input: $input) { id revision } }": typeof types.AmendPlanDocument,
    "mutation ClosePlan($id: ID!, $reason: String) { closePlan(id: $id, reason: $reason) { id status } }": typeof types.ClosePlanDocument,
    "\n  query Plans($issuerCode: ID, $year: Int, $scope: ID) {\n    plans(issuerCode: $issuerCode, year: $year) {\n      id number title year status issuedOn documentDate\n      issuer { code name }\n      progress(unitCode: $scope) { percentComplete total overdue }\n    }\n  }\n": typeof types.PlansDocument,
    "\n  query PublicPlans($provinceCode: ID!, $year: Int) {\n    publicPlans(provinceCode: $provinceCode, year: $year) { id number title year issuedOn issuerName status }\n  }\n": typeof types.PublicPlansDocument,
    "\n  query PublicProgress($planIds: [ID!]!) {\n    publicPlanProgress(planIds: $planIds) { planId total completed overdue percentComplete }\n  }\n": typeof types.PublicProgressDocument,
    "\n  query ReportPage($id: ID!) {\n    report(id: $id) {\n      id regimeName period unitCode unitName role reviewerCode status dueOn closesOn cutOffFrom cutOffTo lockReason late submittedOn returnReason waivedReason\n      sections { code title text }\n      items { code name unit type number yes text }\n      prefilledAssignments { assignmentId planNumber taskText status percent completedOn overdueDays }\n      changes { key prefilled entered }\n      reopened { reason on until }\n      consolidation { children accepted items { code name unit rule value } sections { code title units { unitCode unitName text } } }\n      history { version type recordedAt actor { username } }\n    }\n  }\n": typeof types.ReportPageDocument,
    "mutation SaveReportDraft($id: ID!, $input: ReportInput!) { saveReportDraft(id: $id, input: $input) { id status } }": typeof types.SaveReportDraftDocument,
    "mutation SubmitReport($id: ID!, $input: ReportInput!) { submitReport(id: $id, input: $input) { id status late } }": typeof types.SubmitReportDocument,
    "mutation AcceptReport($id: ID!) { acceptReport(id: $id) { id status } }": typeof types.AcceptReportDocument,
    "mutation ReturnReport($id: ID!, $reason: String!) { returnReport(id: $id, reason: $reason) { id status } }": typeof types.ReturnReportDocument,
    "mutation ReopenReport($id: ID!, $reason: String!) { reopenReport(id: $id, reason: $reason) { id status } }": typeof types.ReopenReportDocument,
    "mutation WaiveReport($id: ID!, $reason: String!) { waiveReport(id: $id, reason: $reason) { id status } }": typeof types.WaiveReportDocument,
    "mutation ApproveReport($id: ID!) { approveReport(id: $id) { id status } }": typeof types.ApproveReportDocument,
    "query ReportExport($id: ID!, $format: ExportFormat!) { reportExport(id: $id, format: $format) { fileName mediaType base64 } }": typeof types.ReportExportDocument,
    "\n  query ReportsPage($unitCode: ID!) {\n    reports(unitCode: $unitCode) { id regimeName period unitName role status dueOn late submittedOn lockReason }\n    reportRegimes(ownerCode: $unitCode) { id name kind periodTypes definedOn fromPlan { planId planNumber requirement } periods { period expected } }\n  }\n": typeof types.ReportsPageDocument,
    "\n  query ReportReviewQueue($unitCode: ID!) {\n    reportsToReview(reviewerCode: $unitCode) { id regimeName period unitName status dueOn late submittedOn submissions }\n  }\n": typeof types.ReportReviewQueueDocument,
    "\n  query ReportCompleteness($regimeId: ID!, $period: String!, $unitCode: ID!) {\n    reportingCompleteness(regimeId: $regimeId, period: $period, unitCode: $unitCode) {\n      expected submitted onTime late missing accepted returned waived submittedRate onTimeRate\n      children { unitCode unit { name } expected submitted onTime late missing accepted }\n    }\n  }\n": typeof types.ReportCompletenessDocument,
    "\n  query ScoringCampaigns($unit: ID!) {\n    owned: assessmentCampaigns(unitCode: $unit) { id title year status entryFrom entryTo appraisalFrom appraisalTo publishedOn unitCodes }\n    assessed: assessmentCampaigns(unitCode: $unit, assessed: true) { id title year status entryFrom entryTo appraisalFrom appraisalTo owner { code name } }\n    unitAssessments(unitCode: $unit) { id campaignId year status }\n    frameworks { code version kind name year level issuerCode illustrative }\n  }\n": typeof types.ScoringCampaignsDocument,
    "\n  mutation LoadIndexSet($file: FileContent!, $fileName: String) { loadIndexSetFromExcel(file: $file, fileName: $fileName) { code version name illustrative } }\n": typeof types.LoadIndexSetDocument,
    "\n  mutation OpenCampaign($input: CampaignInput!) { openAssessmentCampaign(input: $input) { id } }\n": typeof types.OpenCampaignDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token expiresAt }\n  }\n": typeof types.LoginDocument,
    "\n  query Me {\n    me { username displayName roles { role unit { code name level } } }\n  }\n": typeof types.MeDocument,
    "\n  query UnitPage($code: ID!, $asOf: DateTime) {\n    unit(code: $code, asOf: $asOf) {\n      code name type level validFrom validTo dissolved\n      mergedInto { code name }\n      ancestors { code name }\n      children { code name type validFrom validTo mergedInto { code name } }\n      agencies { code name kind }\n    }\n  }\n": typeof types.UnitPageDocument,
    "\n  query UnitAccounts($code: ID!) {\n    unit(code: $code) { code accounts { id username displayName status roles { role unit { code name } } } }\n  }\n": typeof types.UnitAccountsDocument,
};
const documents: Documents = {
    "mutation CreateAccount($input: CreateAccountInput!) { createAccount(input: $input) { id username } }": types.CreateAccountDocument,
    "mutation GrantRole($username: String!, $role: Role!, $unitCode: ID!) { grantRole(username: $username, role: $role, unitCode: $unitCode) { id } }": types.GrantRoleDocument,
    "mutation RevokeRole($username: String!, $role: Role!, $unitCode: ID!) { revokeRole(username: $username, role: $role, unitCode: $unitCode) { id } }": types.RevokeRoleDocument,
    "mutation DisableAccount($username: String!, $reason: String!) { disableAccount(username: $username, reason: $reason) { id status } }": types.DisableAccountDocument,
    "\n  query PlanPapiScores($id: ID!) { plan(id: $id) { id papiScores { indicatorCode dimensionCode dimensionName provinceCode year score rank group subScore } } }\n": types.PlanPapiScoresDocument,
    "\n  query PlanTargetAchievement($id: ID!) {\n    plan(id: $id) {\n      id\n      targetAchievement {\n        taskId taskText sectionCode status kind target comparator value actual basis\n        trail { source id unitCode figure on period itemCode }\n        parts { kind status target actual basis }\n      }\n    }\n  }\n": types.PlanTargetAchievementDocument,
    "\n  query AssessmentPage($id: ID!) {\n    assessment(id: $id) {\n      id campaignId unitCode unit { name } ownerCode year status maxTotal frameworkCode frameworkVersion entryFrom entryTo appraisalFrom appraisalTo\n      selfResult { total rescaledTotal grade }\n      result { total applicableMax rescaledTotal percent grade }\n      criteria {\n        code path name maxScore rule tiers { label score } scoredBy skippable illustrative evidenceRequired skippedByCampaign\n        status selfScore notApplicable explanation files { sha256 fileName size } citations { number date page }\n        appraisedScore appraisalReason returnReason\n      }\n    }\n  }\n": types.AssessmentPageDocument,
    "\n  mutation ScoreCriterionPage($id: ID!, $input: CriterionScoreInput!) { scoreCriterion(assessmentId: $id, input: $input) { id status } }\n": types.ScoreCriterionPageDocument,
    "\n  mutation SubmitSelfAssessmentPage($id: ID!) { submitSelfAssessment(id: $id) { id status } }\n": types.SubmitSelfAssessmentPageDocument,
    "\n  mutation AppraiseCriterionPage($id: ID!, $input: AppraisalInput!) { appraiseCriterion(assessmentId: $id, input: $input) { id status } }\n": types.AppraiseCriterionPageDocument,
    "\n  mutation FinaliseAppraisalPage($id: ID!) { finaliseAppraisal(id: $id) { id status } }\n": types.FinaliseAppraisalPageDocument,
    "query AssessmentScorecardDocx($id: ID!) { assessmentScorecardDocx(id: $id) { fileName mediaType base64 } }": types.AssessmentScorecardDocxDocument,
    "\n  query EvidenceFilePage($id: ID!, $sha: String!) { evidenceFile(assessmentId: $id, sha256: $sha) { fileName mediaType base64 } }\n": types.EvidenceFilePageDocument,
    "\n  query AssignmentPage($id: ID!) {\n    assignment(id: $id) {\n      id kind role status overdue late dueOn assignedOn completedOn percent note result evidence cancelledReason\n      taskId taskText target timeframeText planId planNumber planTitle assignerCode\n      unit { code name }\n      extension { status reason requestedDueOn answer }\n      history { version type recordedAt actor { username unit { name } } data }\n    }\n  }\n": types.AssignmentPageDocument,
    "mutation AcceptAssignment($id: ID!) { acceptAssignment(id: $id) { id status } }": types.AcceptAssignmentDocument,
    "mutation ReportProgress($id: ID!, $input: ProgressInput!) { reportAssignmentProgress(id: $id, input: $input) { id status percent } }": types.ReportProgressDocument,
    "mutation CompleteAssignment($id: ID!, $input: CompletionInput!) { completeAssignment(id: $id, input: $input) { id status } }": types.CompleteAssignmentDocument,
    "mutation RequestExtension($id: ID!, $input: ExtensionRequestInput!) { requestAssignmentExtension(id: $id, input: $input) { id } }": types.RequestExtensionDocument,
    "mutation GrantExtension($id: ID!, $reason: String) { grantAssignmentExtension(id: $id, reason: $reason) { id } }": types.GrantExtensionDocument,
    "mutation RefuseExtension($id: ID!, $reason: String!) { refuseAssignmentExtension(id: $id, reason: $reason) { id } }": types.RefuseExtensionDocument,
    "\n  query AssignmentHistory($id: ID!, $asOf: DateTime, $withState: Boolean!) {\n    assignment(id: $id) {\n      id taskText planNumber unit { name }\n      integrity { ok checkedEvents firstBrokenVersion }\n      history { version type recordedAt data actor { username unit { name } } }\n    }\n    at: assignment(id: $id, asOf: $asOf) @include(if: $withState) { status percent note result dueOn completedOn extension { status requestedDueOn } }\n  }\n": types.AssignmentHistoryDocument,
    "\n  query PlanHistory($id: ID!, $asOf: DateTime, $withState: Boolean!) {\n    plan(id: $id) {\n      id number title issuer { name }\n      integrity { ok checkedEvents firstBrokenVersion }\n      history { version type recordedAt data actor { username unit { name } } }\n    }\n    at: plan(id: $id, asOf: $asOf) @include(if: $withState) { status revision title issuedOn closedOn }\n  }\n": types.PlanHistoryDocument,
    "\n  query UnitHistory($code: ID!, $asOf: DateTime, $withState: Boolean!) {\n    unit(code: $code) {\n      code name\n      integrity { ok checkedEvents firstBrokenVersion }\n      history { version type recordedAt data actor { username unit { name } } }\n    }\n    at: unit(code: $code, recordedAsOf: $asOf) @include(if: $withState) { name type validTo parent { name } mergedInto { name } }\n  }\n": types.UnitHistoryDocument,
    "\n  query TaskTimeline($planId: ID!, $taskId: ID!) {\n    taskTimeline(planId: $planId, taskId: $taskId) { eventId at type summary service actor { username } unit { name } }\n  }\n": types.TaskTimelineDocument,
    "\n  query TaskTimelineExport($planId: ID!, $taskId: ID!) {\n    taskTimelineExport(planId: $planId, taskId: $taskId, format: CSV) { fileName content contentType entries }\n  }\n": types.TaskTimelineExportDocument,
    "\n  query CampaignPage($id: ID!) {\n    assessmentCampaign(id: $id) {\n      id title year status frameworkCode frameworkVersion entryFrom entryTo appraisalFrom appraisalTo publishedOn skippedCriteria\n      owner { code name }\n      obligations { unitCode unit { name } dueOn status text fulfilledByNumber }\n    }\n    assessments(campaignId: $id) { id unitCode unit { name } status selfResult { rescaledTotal } result { rescaledTotal grade } }\n  }\n": types.CampaignPageDocument,
    "\n  query CampaignRanking($id: ID!) { ranking(campaignId: $id) { unitCode unit { name } total rescaledTotal percent rank of grade previousRank change improvementPlanOwed } }\n": types.CampaignRankingDocument,
    "\n  mutation PublishCampaign($id: ID!) { publishCampaignResults(campaignId: $id) { id status } }\n": types.PublishCampaignDocument,
    "\n  query Dashboard($id: ID!, $unitCode: ID) {\n    plan(id: $id) {\n      id number title issuedOn documentDate issuerCode\n      issuer { code name level }\n      progress(unitCode: $unitCode) {\n        unitCode total assigned accepted inProgress completed overdue cancelled percentComplete\n        unit { code name level ancestors { code name } }\n        children { unitCode total assigned accepted inProgress completed overdue cancelled percentComplete unit { code name level } }\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query DashboardDueSoon($unitCode: ID!, $planId: ID!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, planId: $planId, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], overdue: false, limit: 1000) {\n      items { id taskText dueOn status overdue percent unitCode }\n    }\n  }\n": types.DashboardDueSoonDocument,
    "\n  query DashboardDueSoonExport($unitCode: ID!, $planId: ID!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, planId: $planId, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], overdue: false, limit: 1000) {\n      items { id taskText dueOn status overdue percent unit { code name } }\n    }\n  }\n": types.DashboardDueSoonExportDocument,
    "query DashboardUnitName($code: ID!) { unit(code: $code) { code name } }": types.DashboardUnitNameDocument,
    "\n  query DashboardOverdue($unitCode: ID!, $planId: ID!, $offset: Int!, $limit: Int!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, planId: $planId, overdue: true, offset: $offset, limit: $limit) {\n      total\n      items { id taskText dueOn status percent unit { code name } }\n    }\n  }\n": types.DashboardOverdueDocument,
    "\n  query Inbox($unitCode: ID!) {\n    assignmentPage(unitCode: $unitCode, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], limit: 1000) {\n      total\n      items {\n        id kind status overdue dueOn percent taskText timeframeText planId planNumber planTitle\n        extension { status requestedDueOn }\n      }\n    }\n  }\n": types.InboxDocument,
    "\n  query ExtensionsToDecide($unitCode: ID!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], extensionStatus: REQUESTED, limit: 1000) {\n      total\n      items {\n        id assignerCode unitCode\n        extension { status reason requestedDueOn }\n      }\n    }\n  }\n": types.ExtensionsToDecideDocument,
    "\n  query ExtensionRow($id: ID!) {\n    assignment(id: $id) { id taskText dueOn unit { name } }\n  }\n": types.ExtensionRowDocument,
    "\n  query PapiPage($year: Int!) {\n    papiYears { year }\n    papiResults(year: $year) { provinceCode provinceName ranked total rank rankedCount group totalChange rankChange dimensions { code name score group } }\n  }\n": types.PapiPageDocument,
    "\n  query PapiProfilePage($code: ID!) { papiProfile(provinceCode: $code) { year ranked total rank rankedCount group rankChange dimensions { code score group } } }\n": types.PapiProfilePageDocument,
    "\n  query PlanDraft($id: ID!) {\n    plan(id: $id) {\n      id number title issuerCode year documentDate frameworks implementsPlanId implementsText status\n      sections {\n        code title\n        tasks { ...EditorTaskFields }\n        sections { code title tasks { ...EditorTaskFields } }\n      }\n    }\n  }\n  fragment EditorTaskFields on PlanTask {\n    ordinal text expectedResult target { text } lead { text } implementing { text } monitoring { text } timeframe { text }\n  }\n": types.PlanDraftDocument,
    "query ParentPlans { plans { id number title status issuer { code name } } }": types.ParentPlansDocument,
    "query PlanFrameworks { planFrameworks { code name } }": types.PlanFrameworksDocument,
    "mutation DraftPlan($input: DraftPlanInput!) { draftPlan(input: $input) { id } }": types.DraftPlanDocument,
    "mutation ReviseDraftPlan($id: ID!, $input: DraftPlanInput!) { reviseDraftPlan(id: $id, input: $input) { id } }": types.ReviseDraftPlanDocument,
    "mutation IssueDraft($id: ID!) { issuePlan(id: $id) { id status } }": types.IssueDraftDocument,
    "\n  query PlanView($id: ID!) {\n    plan(id: $id) {\n      id number title year status revision issuedOn documentDate closedOn closeReason frameworks implementsText\n      issuer { code name level }\n      implementsPlan { id number title }\n      amendments { revision amendedOn reason }\n      reportingRequirements { text regimeId }\n      sections {\n        code title indicator { framework code name }\n        tasks { ...AppendixTaskFields }\n        sections { code title indicator { framework code name } tasks { ...AppendixTaskFields } }\n      }\n      obligations { assignmentId dueOn status late fulfilledBy fulfilledByPlanId unit { code name } }\n      implementingPlans { id number title status issuer { name } }\n    }\n  }\n  fragment AppendixTaskFields on PlanTask {\n    id ordinal text expectedResult\n    target { text } lead { text } implementing { text } monitoring { text } timeframe { text }\n  }\n": types.PlanViewDocument,
    "mutation IssuePlan($id: ID!) { issuePlan(id: $id) { id status revision issuedOn } }": types.IssuePlanDocument,
    "mutation AmendPlan($id: ID!, $input: AmendPlanInput!) { amendPlan(id: $id, input: $input) { id revision } }": types.AmendPlanDocument,
    "mutation ClosePlan($id: ID!, $reason: String) { closePlan(id: $id, reason: $reason) { id status } }": types.ClosePlanDocument,
    "\n  query Plans($issuerCode: ID, $year: Int, $scope: ID) {\n    plans(issuerCode: $issuerCode, year: $year) {\n      id number title year status issuedOn documentDate\n      issuer { code name }\n      progress(unitCode: $scope) { percentComplete total overdue }\n    }\n  }\n": types.PlansDocument,
    "\n  query PublicPlans($provinceCode: ID!, $year: Int) {\n    publicPlans(provinceCode: $provinceCode, year: $year) { id number title year issuedOn issuerName status }\n  }\n": types.PublicPlansDocument,
    "\n  query PublicProgress($planIds: [ID!]!) {\n    publicPlanProgress(planIds: $planIds) { planId total completed overdue percentComplete }\n  }\n": types.PublicProgressDocument,
    "\n  query ReportPage($id: ID!) {\n    report(id: $id) {\n      id regimeName period unitCode unitName role reviewerCode status dueOn closesOn cutOffFrom cutOffTo lockReason late submittedOn returnReason waivedReason\n      sections { code title text }\n      items { code name unit type number yes text }\n      prefilledAssignments { assignmentId planNumber taskText status percent completedOn overdueDays }\n      changes { key prefilled entered }\n      reopened { reason on until }\n      consolidation { children accepted items { code name unit rule value } sections { code title units { unitCode unitName text } } }\n      history { version type recordedAt actor { username } }\n    }\n  }\n": types.ReportPageDocument,
    "mutation SaveReportDraft($id: ID!, $input: ReportInput!) { saveReportDraft(id: $id, input: $input) { id status } }": types.SaveReportDraftDocument,
    "mutation SubmitReport($id: ID!, $input: ReportInput!) { submitReport(id: $id, input: $input) { id status late } }": types.SubmitReportDocument,
    "mutation AcceptReport($id: ID!) { acceptReport(id: $id) { id status } }": types.AcceptReportDocument,
    "mutation ReturnReport($id: ID!, $reason: String!) { returnReport(id: $id, reason: $reason) { id status } }": types.ReturnReportDocument,
    "mutation ReopenReport($id: ID!, $reason: String!) { reopenReport(id: $id, reason: $reason) { id status } }": types.ReopenReportDocument,
    "mutation WaiveReport($id: ID!, $reason: String!) { waiveReport(id: $id, reason: $reason) { id status } }": types.WaiveReportDocument,
    "mutation ApproveReport($id: ID!) { approveReport(id: $id) { id status } }": types.ApproveReportDocument,
    "query ReportExport($id: ID!, $format: ExportFormat!) { reportExport(id: $id, format: $format) { fileName mediaType base64 } }": types.ReportExportDocument,
    "\n  query ReportsPage($unitCode: ID!) {\n    reports(unitCode: $unitCode) { id regimeName period unitName role status dueOn late submittedOn lockReason }\n    reportRegimes(ownerCode: $unitCode) { id name kind periodTypes definedOn fromPlan { planId planNumber requirement } periods { period expected } }\n  }\n": types.ReportsPageDocument,
    "\n  query ReportReviewQueue($unitCode: ID!) {\n    reportsToReview(reviewerCode: $unitCode) { id regimeName period unitName status dueOn late submittedOn submissions }\n  }\n": types.ReportReviewQueueDocument,
    "\n  query ReportCompleteness($regimeId: ID!, $period: String!, $unitCode: ID!) {\n    reportingCompleteness(regimeId: $regimeId, period: $period, unitCode: $unitCode) {\n      expected submitted onTime late missing accepted returned waived submittedRate onTimeRate\n      children { unitCode unit { name } expected submitted onTime late missing accepted }\n    }\n  }\n": types.ReportCompletenessDocument,
    "\n  query ScoringCampaigns($unit: ID!) {\n    owned: assessmentCampaigns(unitCode: $unit) { id title year status entryFrom entryTo appraisalFrom appraisalTo publishedOn unitCodes }\n    assessed: assessmentCampaigns(unitCode: $unit, assessed: true) { id title year status entryFrom entryTo appraisalFrom appraisalTo owner { code name } }\n    unitAssessments(unitCode: $unit) { id campaignId year status }\n    frameworks { code version kind name year level issuerCode illustrative }\n  }\n": types.ScoringCampaignsDocument,
    "\n  mutation LoadIndexSet($file: FileContent!, $fileName: String) { loadIndexSetFromExcel(file: $file, fileName: $fileName) { code version name illustrative } }\n": types.LoadIndexSetDocument,
    "\n  mutation OpenCampaign($input: CampaignInput!) { openAssessmentCampaign(input: $input) { id } }\n": types.OpenCampaignDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token expiresAt }\n  }\n": types.LoginDocument,
    "\n  query Me {\n    me { username displayName roles { role unit { code name level } } }\n  }\n": types.MeDocument,
    "\n  query UnitPage($code: ID!, $asOf: DateTime) {\n    unit(code: $code, asOf: $asOf) {\n      code name type level validFrom validTo dissolved\n      mergedInto { code name }\n      ancestors { code name }\n      children { code name type validFrom validTo mergedInto { code name } }\n      agencies { code name kind }\n    }\n  }\n": types.UnitPageDocument,
    "\n  query UnitAccounts($code: ID!) {\n    unit(code: $code) { code accounts { id username displayName status roles { role unit { code name } } } }\n  }\n": types.UnitAccountsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateAccount($input: CreateAccountInput!) { createAccount(input: $input) { id username } }"): (typeof documents)["mutation CreateAccount($input: CreateAccountInput!) { createAccount(input: $input) { id username } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation GrantRole($username: String!, $role: Role!, $unitCode: ID!) { grantRole(username: $username, role: $role, unitCode: $unitCode) { id } }"): (typeof documents)["mutation GrantRole($username: String!, $role: Role!, $unitCode: ID!) { grantRole(username: $username, role: $role, unitCode: $unitCode) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeRole($username: String!, $role: Role!, $unitCode: ID!) { revokeRole(username: $username, role: $role, unitCode: $unitCode) { id } }"): (typeof documents)["mutation RevokeRole($username: String!, $role: Role!, $unitCode: ID!) { revokeRole(username: $username, role: $role, unitCode: $unitCode) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DisableAccount($username: String!, $reason: String!) { disableAccount(username: $username, reason: $reason) { id status } }"): (typeof documents)["mutation DisableAccount($username: String!, $reason: String!) { disableAccount(username: $username, reason: $reason) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanPapiScores($id: ID!) { plan(id: $id) { id papiScores { indicatorCode dimensionCode dimensionName provinceCode year score rank group subScore } } }\n"): (typeof documents)["\n  query PlanPapiScores($id: ID!) { plan(id: $id) { id papiScores { indicatorCode dimensionCode dimensionName provinceCode year score rank group subScore } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanTargetAchievement($id: ID!) {\n    plan(id: $id) {\n      id\n      targetAchievement {\n        taskId taskText sectionCode status kind target comparator value actual basis\n        trail { source id unitCode figure on period itemCode }\n        parts { kind status target actual basis }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlanTargetAchievement($id: ID!) {\n    plan(id: $id) {\n      id\n      targetAchievement {\n        taskId taskText sectionCode status kind target comparator value actual basis\n        trail { source id unitCode figure on period itemCode }\n        parts { kind status target actual basis }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssessmentPage($id: ID!) {\n    assessment(id: $id) {\n      id campaignId unitCode unit { name } ownerCode year status maxTotal frameworkCode frameworkVersion entryFrom entryTo appraisalFrom appraisalTo\n      selfResult { total rescaledTotal grade }\n      result { total applicableMax rescaledTotal percent grade }\n      criteria {\n        code path name maxScore rule tiers { label score } scoredBy skippable illustrative evidenceRequired skippedByCampaign\n        status selfScore notApplicable explanation files { sha256 fileName size } citations { number date page }\n        appraisedScore appraisalReason returnReason\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssessmentPage($id: ID!) {\n    assessment(id: $id) {\n      id campaignId unitCode unit { name } ownerCode year status maxTotal frameworkCode frameworkVersion entryFrom entryTo appraisalFrom appraisalTo\n      selfResult { total rescaledTotal grade }\n      result { total applicableMax rescaledTotal percent grade }\n      criteria {\n        code path name maxScore rule tiers { label score } scoredBy skippable illustrative evidenceRequired skippedByCampaign\n        status selfScore notApplicable explanation files { sha256 fileName size } citations { number date page }\n        appraisedScore appraisalReason returnReason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScoreCriterionPage($id: ID!, $input: CriterionScoreInput!) { scoreCriterion(assessmentId: $id, input: $input) { id status } }\n"): (typeof documents)["\n  mutation ScoreCriterionPage($id: ID!, $input: CriterionScoreInput!) { scoreCriterion(assessmentId: $id, input: $input) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitSelfAssessmentPage($id: ID!) { submitSelfAssessment(id: $id) { id status } }\n"): (typeof documents)["\n  mutation SubmitSelfAssessmentPage($id: ID!) { submitSelfAssessment(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AppraiseCriterionPage($id: ID!, $input: AppraisalInput!) { appraiseCriterion(assessmentId: $id, input: $input) { id status } }\n"): (typeof documents)["\n  mutation AppraiseCriterionPage($id: ID!, $input: AppraisalInput!) { appraiseCriterion(assessmentId: $id, input: $input) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinaliseAppraisalPage($id: ID!) { finaliseAppraisal(id: $id) { id status } }\n"): (typeof documents)["\n  mutation FinaliseAppraisalPage($id: ID!) { finaliseAppraisal(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AssessmentScorecardDocx($id: ID!) { assessmentScorecardDocx(id: $id) { fileName mediaType base64 } }"): (typeof documents)["query AssessmentScorecardDocx($id: ID!) { assessmentScorecardDocx(id: $id) { fileName mediaType base64 } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EvidenceFilePage($id: ID!, $sha: String!) { evidenceFile(assessmentId: $id, sha256: $sha) { fileName mediaType base64 } }\n"): (typeof documents)["\n  query EvidenceFilePage($id: ID!, $sha: String!) { evidenceFile(assessmentId: $id, sha256: $sha) { fileName mediaType base64 } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignmentPage($id: ID!) {\n    assignment(id: $id) {\n      id kind role status overdue late dueOn assignedOn completedOn percent note result evidence cancelledReason\n      taskId taskText target timeframeText planId planNumber planTitle assignerCode\n      unit { code name }\n      extension { status reason requestedDueOn answer }\n      history { version type recordedAt actor { username unit { name } } data }\n    }\n  }\n"): (typeof documents)["\n  query AssignmentPage($id: ID!) {\n    assignment(id: $id) {\n      id kind role status overdue late dueOn assignedOn completedOn percent note result evidence cancelledReason\n      taskId taskText target timeframeText planId planNumber planTitle assignerCode\n      unit { code name }\n      extension { status reason requestedDueOn answer }\n      history { version type recordedAt actor { username unit { name } } data }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptAssignment($id: ID!) { acceptAssignment(id: $id) { id status } }"): (typeof documents)["mutation AcceptAssignment($id: ID!) { acceptAssignment(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReportProgress($id: ID!, $input: ProgressInput!) { reportAssignmentProgress(id: $id, input: $input) { id status percent } }"): (typeof documents)["mutation ReportProgress($id: ID!, $input: ProgressInput!) { reportAssignmentProgress(id: $id, input: $input) { id status percent } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CompleteAssignment($id: ID!, $input: CompletionInput!) { completeAssignment(id: $id, input: $input) { id status } }"): (typeof documents)["mutation CompleteAssignment($id: ID!, $input: CompletionInput!) { completeAssignment(id: $id, input: $input) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestExtension($id: ID!, $input: ExtensionRequestInput!) { requestAssignmentExtension(id: $id, input: $input) { id } }"): (typeof documents)["mutation RequestExtension($id: ID!, $input: ExtensionRequestInput!) { requestAssignmentExtension(id: $id, input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation GrantExtension($id: ID!, $reason: String) { grantAssignmentExtension(id: $id, reason: $reason) { id } }"): (typeof documents)["mutation GrantExtension($id: ID!, $reason: String) { grantAssignmentExtension(id: $id, reason: $reason) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RefuseExtension($id: ID!, $reason: String!) { refuseAssignmentExtension(id: $id, reason: $reason) { id } }"): (typeof documents)["mutation RefuseExtension($id: ID!, $reason: String!) { refuseAssignmentExtension(id: $id, reason: $reason) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignmentHistory($id: ID!, $asOf: DateTime, $withState: Boolean!) {\n    assignment(id: $id) {\n      id taskText planNumber unit { name }\n      integrity { ok checkedEvents firstBrokenVersion }\n      history { version type recordedAt data actor { username unit { name } } }\n    }\n    at: assignment(id: $id, asOf: $asOf) @include(if: $withState) { status percent note result dueOn completedOn extension { status requestedDueOn } }\n  }\n"): (typeof documents)["\n  query AssignmentHistory($id: ID!, $asOf: DateTime, $withState: Boolean!) {\n    assignment(id: $id) {\n      id taskText planNumber unit { name }\n      integrity { ok checkedEvents firstBrokenVersion }\n      history { version type recordedAt data actor { username unit { name } } }\n    }\n    at: assignment(id: $id, asOf: $asOf) @include(if: $withState) { status percent note result dueOn completedOn extension { status requestedDueOn } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanHistory($id: ID!, $asOf: DateTime, $withState: Boolean!) {\n    plan(id: $id) {\n      id number title issuer { name }\n      integrity { ok checkedEvents firstBrokenVersion }\n      history { version type recordedAt data actor { username unit { name } } }\n    }\n    at: plan(id: $id, asOf: $asOf) @include(if: $withState) { status revision title issuedOn closedOn }\n  }\n"): (typeof documents)["\n  query PlanHistory($id: ID!, $asOf: DateTime, $withState: Boolean!) {\n    plan(id: $id) {\n      id number title issuer { name }\n      integrity { ok checkedEvents firstBrokenVersion }\n      history { version type recordedAt data actor { username unit { name } } }\n    }\n    at: plan(id: $id, asOf: $asOf) @include(if: $withState) { status revision title issuedOn closedOn }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitHistory($code: ID!, $asOf: DateTime, $withState: Boolean!) {\n    unit(code: $code) {\n      code name\n      integrity { ok checkedEvents firstBrokenVersion }\n      history { version type recordedAt data actor { username unit { name } } }\n    }\n    at: unit(code: $code, recordedAsOf: $asOf) @include(if: $withState) { name type validTo parent { name } mergedInto { name } }\n  }\n"): (typeof documents)["\n  query UnitHistory($code: ID!, $asOf: DateTime, $withState: Boolean!) {\n    unit(code: $code) {\n      code name\n      integrity { ok checkedEvents firstBrokenVersion }\n      history { version type recordedAt data actor { username unit { name } } }\n    }\n    at: unit(code: $code, recordedAsOf: $asOf) @include(if: $withState) { name type validTo parent { name } mergedInto { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskTimeline($planId: ID!, $taskId: ID!) {\n    taskTimeline(planId: $planId, taskId: $taskId) { eventId at type summary service actor { username } unit { name } }\n  }\n"): (typeof documents)["\n  query TaskTimeline($planId: ID!, $taskId: ID!) {\n    taskTimeline(planId: $planId, taskId: $taskId) { eventId at type summary service actor { username } unit { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskTimelineExport($planId: ID!, $taskId: ID!) {\n    taskTimelineExport(planId: $planId, taskId: $taskId, format: CSV) { fileName content contentType entries }\n  }\n"): (typeof documents)["\n  query TaskTimelineExport($planId: ID!, $taskId: ID!) {\n    taskTimelineExport(planId: $planId, taskId: $taskId, format: CSV) { fileName content contentType entries }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignPage($id: ID!) {\n    assessmentCampaign(id: $id) {\n      id title year status frameworkCode frameworkVersion entryFrom entryTo appraisalFrom appraisalTo publishedOn skippedCriteria\n      owner { code name }\n      obligations { unitCode unit { name } dueOn status text fulfilledByNumber }\n    }\n    assessments(campaignId: $id) { id unitCode unit { name } status selfResult { rescaledTotal } result { rescaledTotal grade } }\n  }\n"): (typeof documents)["\n  query CampaignPage($id: ID!) {\n    assessmentCampaign(id: $id) {\n      id title year status frameworkCode frameworkVersion entryFrom entryTo appraisalFrom appraisalTo publishedOn skippedCriteria\n      owner { code name }\n      obligations { unitCode unit { name } dueOn status text fulfilledByNumber }\n    }\n    assessments(campaignId: $id) { id unitCode unit { name } status selfResult { rescaledTotal } result { rescaledTotal grade } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignRanking($id: ID!) { ranking(campaignId: $id) { unitCode unit { name } total rescaledTotal percent rank of grade previousRank change improvementPlanOwed } }\n"): (typeof documents)["\n  query CampaignRanking($id: ID!) { ranking(campaignId: $id) { unitCode unit { name } total rescaledTotal percent rank of grade previousRank change improvementPlanOwed } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishCampaign($id: ID!) { publishCampaignResults(campaignId: $id) { id status } }\n"): (typeof documents)["\n  mutation PublishCampaign($id: ID!) { publishCampaignResults(campaignId: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($id: ID!, $unitCode: ID) {\n    plan(id: $id) {\n      id number title issuedOn documentDate issuerCode\n      issuer { code name level }\n      progress(unitCode: $unitCode) {\n        unitCode total assigned accepted inProgress completed overdue cancelled percentComplete\n        unit { code name level ancestors { code name } }\n        children { unitCode total assigned accepted inProgress completed overdue cancelled percentComplete unit { code name level } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard($id: ID!, $unitCode: ID) {\n    plan(id: $id) {\n      id number title issuedOn documentDate issuerCode\n      issuer { code name level }\n      progress(unitCode: $unitCode) {\n        unitCode total assigned accepted inProgress completed overdue cancelled percentComplete\n        unit { code name level ancestors { code name } }\n        children { unitCode total assigned accepted inProgress completed overdue cancelled percentComplete unit { code name level } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardDueSoon($unitCode: ID!, $planId: ID!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, planId: $planId, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], overdue: false, limit: 1000) {\n      items { id taskText dueOn status overdue percent unitCode }\n    }\n  }\n"): (typeof documents)["\n  query DashboardDueSoon($unitCode: ID!, $planId: ID!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, planId: $planId, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], overdue: false, limit: 1000) {\n      items { id taskText dueOn status overdue percent unitCode }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardDueSoonExport($unitCode: ID!, $planId: ID!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, planId: $planId, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], overdue: false, limit: 1000) {\n      items { id taskText dueOn status overdue percent unit { code name } }\n    }\n  }\n"): (typeof documents)["\n  query DashboardDueSoonExport($unitCode: ID!, $planId: ID!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, planId: $planId, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], overdue: false, limit: 1000) {\n      items { id taskText dueOn status overdue percent unit { code name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardUnitName($code: ID!) { unit(code: $code) { code name } }"): (typeof documents)["query DashboardUnitName($code: ID!) { unit(code: $code) { code name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardOverdue($unitCode: ID!, $planId: ID!, $offset: Int!, $limit: Int!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, planId: $planId, overdue: true, offset: $offset, limit: $limit) {\n      total\n      items { id taskText dueOn status percent unit { code name } }\n    }\n  }\n"): (typeof documents)["\n  query DashboardOverdue($unitCode: ID!, $planId: ID!, $offset: Int!, $limit: Int!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, planId: $planId, overdue: true, offset: $offset, limit: $limit) {\n      total\n      items { id taskText dueOn status percent unit { code name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inbox($unitCode: ID!) {\n    assignmentPage(unitCode: $unitCode, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], limit: 1000) {\n      total\n      items {\n        id kind status overdue dueOn percent taskText timeframeText planId planNumber planTitle\n        extension { status requestedDueOn }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Inbox($unitCode: ID!) {\n    assignmentPage(unitCode: $unitCode, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], limit: 1000) {\n      total\n      items {\n        id kind status overdue dueOn percent taskText timeframeText planId planNumber planTitle\n        extension { status requestedDueOn }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExtensionsToDecide($unitCode: ID!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], extensionStatus: REQUESTED, limit: 1000) {\n      total\n      items {\n        id assignerCode unitCode\n        extension { status reason requestedDueOn }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExtensionsToDecide($unitCode: ID!) {\n    assignmentPage(unitCode: $unitCode, includeSubtree: true, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], extensionStatus: REQUESTED, limit: 1000) {\n      total\n      items {\n        id assignerCode unitCode\n        extension { status reason requestedDueOn }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExtensionRow($id: ID!) {\n    assignment(id: $id) { id taskText dueOn unit { name } }\n  }\n"): (typeof documents)["\n  query ExtensionRow($id: ID!) {\n    assignment(id: $id) { id taskText dueOn unit { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PapiPage($year: Int!) {\n    papiYears { year }\n    papiResults(year: $year) { provinceCode provinceName ranked total rank rankedCount group totalChange rankChange dimensions { code name score group } }\n  }\n"): (typeof documents)["\n  query PapiPage($year: Int!) {\n    papiYears { year }\n    papiResults(year: $year) { provinceCode provinceName ranked total rank rankedCount group totalChange rankChange dimensions { code name score group } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PapiProfilePage($code: ID!) { papiProfile(provinceCode: $code) { year ranked total rank rankedCount group rankChange dimensions { code score group } } }\n"): (typeof documents)["\n  query PapiProfilePage($code: ID!) { papiProfile(provinceCode: $code) { year ranked total rank rankedCount group rankChange dimensions { code score group } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanDraft($id: ID!) {\n    plan(id: $id) {\n      id number title issuerCode year documentDate frameworks implementsPlanId implementsText status\n      sections {\n        code title\n        tasks { ...EditorTaskFields }\n        sections { code title tasks { ...EditorTaskFields } }\n      }\n    }\n  }\n  fragment EditorTaskFields on PlanTask {\n    ordinal text expectedResult target { text } lead { text } implementing { text } monitoring { text } timeframe { text }\n  }\n"): (typeof documents)["\n  query PlanDraft($id: ID!) {\n    plan(id: $id) {\n      id number title issuerCode year documentDate frameworks implementsPlanId implementsText status\n      sections {\n        code title\n        tasks { ...EditorTaskFields }\n        sections { code title tasks { ...EditorTaskFields } }\n      }\n    }\n  }\n  fragment EditorTaskFields on PlanTask {\n    ordinal text expectedResult target { text } lead { text } implementing { text } monitoring { text } timeframe { text }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ParentPlans { plans { id number title status issuer { code name } } }"): (typeof documents)["query ParentPlans { plans { id number title status issuer { code name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PlanFrameworks { planFrameworks { code name } }"): (typeof documents)["query PlanFrameworks { planFrameworks { code name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DraftPlan($input: DraftPlanInput!) { draftPlan(input: $input) { id } }"): (typeof documents)["mutation DraftPlan($input: DraftPlanInput!) { draftPlan(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReviseDraftPlan($id: ID!, $input: DraftPlanInput!) { reviseDraftPlan(id: $id, input: $input) { id } }"): (typeof documents)["mutation ReviseDraftPlan($id: ID!, $input: DraftPlanInput!) { reviseDraftPlan(id: $id, input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IssueDraft($id: ID!) { issuePlan(id: $id) { id status } }"): (typeof documents)["mutation IssueDraft($id: ID!) { issuePlan(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanView($id: ID!) {\n    plan(id: $id) {\n      id number title year status revision issuedOn documentDate closedOn closeReason frameworks implementsText\n      issuer { code name level }\n      implementsPlan { id number title }\n      amendments { revision amendedOn reason }\n      reportingRequirements { text regimeId }\n      sections {\n        code title indicator { framework code name }\n        tasks { ...AppendixTaskFields }\n        sections { code title indicator { framework code name } tasks { ...AppendixTaskFields } }\n      }\n      obligations { assignmentId dueOn status late fulfilledBy fulfilledByPlanId unit { code name } }\n      implementingPlans { id number title status issuer { name } }\n    }\n  }\n  fragment AppendixTaskFields on PlanTask {\n    id ordinal text expectedResult\n    target { text } lead { text } implementing { text } monitoring { text } timeframe { text }\n  }\n"): (typeof documents)["\n  query PlanView($id: ID!) {\n    plan(id: $id) {\n      id number title year status revision issuedOn documentDate closedOn closeReason frameworks implementsText\n      issuer { code name level }\n      implementsPlan { id number title }\n      amendments { revision amendedOn reason }\n      reportingRequirements { text regimeId }\n      sections {\n        code title indicator { framework code name }\n        tasks { ...AppendixTaskFields }\n        sections { code title indicator { framework code name } tasks { ...AppendixTaskFields } }\n      }\n      obligations { assignmentId dueOn status late fulfilledBy fulfilledByPlanId unit { code name } }\n      implementingPlans { id number title status issuer { name } }\n    }\n  }\n  fragment AppendixTaskFields on PlanTask {\n    id ordinal text expectedResult\n    target { text } lead { text } implementing { text } monitoring { text } timeframe { text }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IssuePlan($id: ID!) { issuePlan(id: $id) { id status revision issuedOn } }"): (typeof documents)["mutation IssuePlan($id: ID!) { issuePlan(id: $id) { id status revision issuedOn } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AmendPlan($id: ID!, $input: AmendPlanInput!) { amendPlan(id: $id, input: $input) { id revision } }"): (typeof documents)["mutation AmendPlan($id: ID!, $input: AmendPlanInput!) { amendPlan(id: $id, input: $input) { id revision } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClosePlan($id: ID!, $reason: String) { closePlan(id: $id, reason: $reason) { id status } }"): (typeof documents)["mutation ClosePlan($id: ID!, $reason: String) { closePlan(id: $id, reason: $reason) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Plans($issuerCode: ID, $year: Int, $scope: ID) {\n    plans(issuerCode: $issuerCode, year: $year) {\n      id number title year status issuedOn documentDate\n      issuer { code name }\n      progress(unitCode: $scope) { percentComplete total overdue }\n    }\n  }\n"): (typeof documents)["\n  query Plans($issuerCode: ID, $year: Int, $scope: ID) {\n    plans(issuerCode: $issuerCode, year: $year) {\n      id number title year status issuedOn documentDate\n      issuer { code name }\n      progress(unitCode: $scope) { percentComplete total overdue }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicPlans($provinceCode: ID!, $year: Int) {\n    publicPlans(provinceCode: $provinceCode, year: $year) { id number title year issuedOn issuerName status }\n  }\n"): (typeof documents)["\n  query PublicPlans($provinceCode: ID!, $year: Int) {\n    publicPlans(provinceCode: $provinceCode, year: $year) { id number title year issuedOn issuerName status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicProgress($planIds: [ID!]!) {\n    publicPlanProgress(planIds: $planIds) { planId total completed overdue percentComplete }\n  }\n"): (typeof documents)["\n  query PublicProgress($planIds: [ID!]!) {\n    publicPlanProgress(planIds: $planIds) { planId total completed overdue percentComplete }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportPage($id: ID!) {\n    report(id: $id) {\n      id regimeName period unitCode unitName role reviewerCode status dueOn closesOn cutOffFrom cutOffTo lockReason late submittedOn returnReason waivedReason\n      sections { code title text }\n      items { code name unit type number yes text }\n      prefilledAssignments { assignmentId planNumber taskText status percent completedOn overdueDays }\n      changes { key prefilled entered }\n      reopened { reason on until }\n      consolidation { children accepted items { code name unit rule value } sections { code title units { unitCode unitName text } } }\n      history { version type recordedAt actor { username } }\n    }\n  }\n"): (typeof documents)["\n  query ReportPage($id: ID!) {\n    report(id: $id) {\n      id regimeName period unitCode unitName role reviewerCode status dueOn closesOn cutOffFrom cutOffTo lockReason late submittedOn returnReason waivedReason\n      sections { code title text }\n      items { code name unit type number yes text }\n      prefilledAssignments { assignmentId planNumber taskText status percent completedOn overdueDays }\n      changes { key prefilled entered }\n      reopened { reason on until }\n      consolidation { children accepted items { code name unit rule value } sections { code title units { unitCode unitName text } } }\n      history { version type recordedAt actor { username } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SaveReportDraft($id: ID!, $input: ReportInput!) { saveReportDraft(id: $id, input: $input) { id status } }"): (typeof documents)["mutation SaveReportDraft($id: ID!, $input: ReportInput!) { saveReportDraft(id: $id, input: $input) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubmitReport($id: ID!, $input: ReportInput!) { submitReport(id: $id, input: $input) { id status late } }"): (typeof documents)["mutation SubmitReport($id: ID!, $input: ReportInput!) { submitReport(id: $id, input: $input) { id status late } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptReport($id: ID!) { acceptReport(id: $id) { id status } }"): (typeof documents)["mutation AcceptReport($id: ID!) { acceptReport(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReturnReport($id: ID!, $reason: String!) { returnReport(id: $id, reason: $reason) { id status } }"): (typeof documents)["mutation ReturnReport($id: ID!, $reason: String!) { returnReport(id: $id, reason: $reason) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReopenReport($id: ID!, $reason: String!) { reopenReport(id: $id, reason: $reason) { id status } }"): (typeof documents)["mutation ReopenReport($id: ID!, $reason: String!) { reopenReport(id: $id, reason: $reason) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WaiveReport($id: ID!, $reason: String!) { waiveReport(id: $id, reason: $reason) { id status } }"): (typeof documents)["mutation WaiveReport($id: ID!, $reason: String!) { waiveReport(id: $id, reason: $reason) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApproveReport($id: ID!) { approveReport(id: $id) { id status } }"): (typeof documents)["mutation ApproveReport($id: ID!) { approveReport(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReportExport($id: ID!, $format: ExportFormat!) { reportExport(id: $id, format: $format) { fileName mediaType base64 } }"): (typeof documents)["query ReportExport($id: ID!, $format: ExportFormat!) { reportExport(id: $id, format: $format) { fileName mediaType base64 } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportsPage($unitCode: ID!) {\n    reports(unitCode: $unitCode) { id regimeName period unitName role status dueOn late submittedOn lockReason }\n    reportRegimes(ownerCode: $unitCode) { id name kind periodTypes definedOn fromPlan { planId planNumber requirement } periods { period expected } }\n  }\n"): (typeof documents)["\n  query ReportsPage($unitCode: ID!) {\n    reports(unitCode: $unitCode) { id regimeName period unitName role status dueOn late submittedOn lockReason }\n    reportRegimes(ownerCode: $unitCode) { id name kind periodTypes definedOn fromPlan { planId planNumber requirement } periods { period expected } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportReviewQueue($unitCode: ID!) {\n    reportsToReview(reviewerCode: $unitCode) { id regimeName period unitName status dueOn late submittedOn submissions }\n  }\n"): (typeof documents)["\n  query ReportReviewQueue($unitCode: ID!) {\n    reportsToReview(reviewerCode: $unitCode) { id regimeName period unitName status dueOn late submittedOn submissions }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportCompleteness($regimeId: ID!, $period: String!, $unitCode: ID!) {\n    reportingCompleteness(regimeId: $regimeId, period: $period, unitCode: $unitCode) {\n      expected submitted onTime late missing accepted returned waived submittedRate onTimeRate\n      children { unitCode unit { name } expected submitted onTime late missing accepted }\n    }\n  }\n"): (typeof documents)["\n  query ReportCompleteness($regimeId: ID!, $period: String!, $unitCode: ID!) {\n    reportingCompleteness(regimeId: $regimeId, period: $period, unitCode: $unitCode) {\n      expected submitted onTime late missing accepted returned waived submittedRate onTimeRate\n      children { unitCode unit { name } expected submitted onTime late missing accepted }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScoringCampaigns($unit: ID!) {\n    owned: assessmentCampaigns(unitCode: $unit) { id title year status entryFrom entryTo appraisalFrom appraisalTo publishedOn unitCodes }\n    assessed: assessmentCampaigns(unitCode: $unit, assessed: true) { id title year status entryFrom entryTo appraisalFrom appraisalTo owner { code name } }\n    unitAssessments(unitCode: $unit) { id campaignId year status }\n    frameworks { code version kind name year level issuerCode illustrative }\n  }\n"): (typeof documents)["\n  query ScoringCampaigns($unit: ID!) {\n    owned: assessmentCampaigns(unitCode: $unit) { id title year status entryFrom entryTo appraisalFrom appraisalTo publishedOn unitCodes }\n    assessed: assessmentCampaigns(unitCode: $unit, assessed: true) { id title year status entryFrom entryTo appraisalFrom appraisalTo owner { code name } }\n    unitAssessments(unitCode: $unit) { id campaignId year status }\n    frameworks { code version kind name year level issuerCode illustrative }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LoadIndexSet($file: FileContent!, $fileName: String) { loadIndexSetFromExcel(file: $file, fileName: $fileName) { code version name illustrative } }\n"): (typeof documents)["\n  mutation LoadIndexSet($file: FileContent!, $fileName: String) { loadIndexSetFromExcel(file: $file, fileName: $fileName) { code version name illustrative } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenCampaign($input: CampaignInput!) { openAssessmentCampaign(input: $input) { id } }\n"): (typeof documents)["\n  mutation OpenCampaign($input: CampaignInput!) { openAssessmentCampaign(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token expiresAt }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { token expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { username displayName roles { role unit { code name level } } }\n  }\n"): (typeof documents)["\n  query Me {\n    me { username displayName roles { role unit { code name level } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitPage($code: ID!, $asOf: DateTime) {\n    unit(code: $code, asOf: $asOf) {\n      code name type level validFrom validTo dissolved\n      mergedInto { code name }\n      ancestors { code name }\n      children { code name type validFrom validTo mergedInto { code name } }\n      agencies { code name kind }\n    }\n  }\n"): (typeof documents)["\n  query UnitPage($code: ID!, $asOf: DateTime) {\n    unit(code: $code, asOf: $asOf) {\n      code name type level validFrom validTo dissolved\n      mergedInto { code name }\n      ancestors { code name }\n      children { code name type validFrom validTo mergedInto { code name } }\n      agencies { code name kind }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitAccounts($code: ID!) {\n    unit(code: $code) { code accounts { id username displayName status roles { role unit { code name } } } }\n  }\n"): (typeof documents)["\n  query UnitAccounts($code: ID!) {\n    unit(code: $code) { code accounts { id username displayName status roles { role unit { code name } } } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;