import { FixedClock } from '@reform/clock';
import { DEMO_INDEX_SET, indexSetWorkbookRows, writeWorkbook } from '@reform/scoring';
import { eventually } from '@reform/testing';
import { PLATFORM_START_MS, startTestPlatform, TestPlatform } from './test-platform';
import { COMMUNE_TASK, quangNamParPlanId, thangBinhDraft } from './thang-binh-plan';

/**
 * One clock, one day: at 00:30 on 1 January 2025 in Viet Nam (17:30 UTC on 31 December 2024)
 * every service takes "today" to be 2025-01-01 — the day Nông Sơn (519) merged into Quế Sơn —
 * not the UTC day, and not a day of its own.
 */
describe('every service agrees on the day, by the platform clock', () => {
  const clock = new FixedClock('2024-12-31T17:30:00Z');
  let test: TestPlatform;

  beforeAll(async () => {
    test = await startTestPlatform('e2e_clock', { clock });
  }, PLATFORM_START_MS);
  afterAll(() => test?.stop());

  it('directory, plans, tasks, reporting and scoring all say 2025-01-01 at 00:30 in Viet Nam', async () => {
    const { client } = test;
    // Directory: today's districts of Quảng Nam no longer hold Nông Sơn (ended on 2025-01-01)…
    const today = await client.as<{ units: Array<{ code: string }> }>('doha', '{ units(parentCode: "49", level: DISTRICT) { code } }');
    expect(today.units.map((u) => u.code)).not.toContain('519');
    // …while the day before, by UTC's reckoning, still did.
    const utcDay = await client.as<{ units: Array<{ code: string }> }>(
      'doha',
      '{ units(parentCode: "49", level: DISTRICT, asOf: "2024-12-31T12:00:00Z") { code } }',
    );
    expect(utcDay.units.map((u) => u.code)).toContain('519');

    // Plans: a plan issued without a day is issued today.
    const provincialPlanId = await quangNamParPlanId(client);
    const { draftPlan } = await client.as<{ draftPlan: { id: string } }>('d513', 'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }', {
      input: thangBinhDraft(provincialPlanId, [COMMUNE_TASK], '1/KH-UBND'),
    });
    const { issuePlan } = await client.as<{ issuePlan: { issuedOn: string } }>('d513', 'mutation($id: ID!) { issuePlan(id: $id) { issuedOn } }', {
      id: draftPlan.id,
    });
    expect(issuePlan.issuedOn).toBe('2025-01-01');

    // Tasks: a commune's completion is dated today.
    const mine = await eventually(async () => {
      const { assignments } = await client.as<{ assignments: Array<{ id: string }> }>(
        'c20794',
        'query($p: ID!) { assignments(unitCode: "20794", planId: $p) { id } }',
        { p: draftPlan.id },
      );
      expect(assignments).toHaveLength(1);
      return assignments[0];
    });
    await client.as('c20794', 'mutation($id: ID!) { acceptAssignment(id: $id) { id } }', { id: mine.id });
    const { completeAssignment } = await client.as<{ completeAssignment: { completedOn: string } }>(
      'c20794',
      'mutation($id: ID!, $input: CompletionInput!) { completeAssignment(id: $id, input: $input) { completedOn } }',
      { id: mine.id, input: { result: 'Đã niêm yết.' } },
    );
    expect(completeAssignment.completedOn).toBe('2025-01-01');

    // Reporting: a regime defined now is defined today.
    const { defineReportRegime } = await client.as<{ defineReportRegime: { definedOn: string } }>(
      'd513',
      'mutation($input: DefineReportRegimeInput!) { defineReportRegime(input: $input) { definedOn } }',
      {
        input: {
          ownerCode: '513',
          name: 'Báo cáo theo chuyên đề (kiểm thử ngày)',
          kind: 'THEMATIC',
          periodTypes: ['YEAR'],
          deadlines: [{ level: 'COMMUNE', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 2 }],
          selector: { text: 'UBND các xã', levels: ['COMMUNE'] },
          form: { sections: [{ code: 'ket-qua', title: 'Kết quả' }], items: [] },
        },
      },
    );
    expect(defineReportRegime.definedOn).toBe('2025-01-01');

    // Scoring: a campaign over the province's districts takes those in force today, without Nông Sơn.
    const districtIndexSet = { ...DEMO_INDEX_SET, code: 'CCHC-HUYEN-49-KIEM-THU-NGAY', issuerCode: '49', level: 'DISTRICT' as const, year: 2024 };
    const file = (await writeWorkbook(indexSetWorkbookRows(districtIndexSet))).toString('base64');
    await client.as('doha', 'mutation($f: FileContent!) { loadIndexSetFromExcel(file: $f) { code } }', { f: file });
    const { openAssessmentCampaign } = await client.as<{ openAssessmentCampaign: { unitCodes: string[] } }>(
      'doha',
      'mutation($input: CampaignInput!) { openAssessmentCampaign(input: $input) { unitCodes } }',
      {
        input: {
          title: 'Chỉ số CCHC năm 2024 của các huyện (kiểm thử ngày)',
          ownerCode: '49',
          year: 2024,
          frameworkCode: districtIndexSet.code,
          entryWindow: { from: '2025-01-02', to: '2025-01-31' },
          appraisalWindow: { from: '2025-02-01', to: '2025-02-28' },
        },
      },
    );
    expect(openAssessmentCampaign.unitCodes).toContain('513');
    expect(openAssessmentCampaign.unitCodes).not.toContain('519');
  });
});
