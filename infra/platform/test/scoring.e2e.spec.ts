import { DataSource } from 'typeorm';
import { FixedClock } from '@reform/clock';
import {
  DEMO_CAMPAIGN_2019,
  DEMO_DAYS,
  DEMO_INDEX_SET,
  demoSelfScores,
  indexSetWorkbookRows,
  QUANG_DIEN_UNITS,
  QUANG_VINH,
  writeWorkbook,
} from '@reform/scoring';
import { GraphQLTestClient } from '@reform/testing';
import { RunningPlatform } from '../src/platform';
import { beforeReorganisation, PLATFORM_START_MS, startTestPlatform, TestPlatform } from './test-platform';

/**
 * Issue 19's acceptance through the gateway: seed 003's situation on the days of 2019–2020 —
 * Quảng Điền (477, Thừa Thiên Huế) opens the 2019 commune assessment with an index set loaded from
 * Excel (illustrative, and said so), its 11 communes and town self-assess with evidence, the
 * district adjusts two scores and returns one criterion, publishes; Quảng Vinh is 11/11 and owes
 * an improvement plan. And PAPI as the demo imported it.
 */
const at = (day: string) => `${day}T03:00:00Z`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const SCORE = 'mutation($id: ID!, $input: CriterionScoreInput!) { scoreCriterion(assessmentId: $id, input: $input) { id } }';
const APPRAISE = 'mutation($id: ID!, $input: AppraisalInput!) { appraiseCriterion(assessmentId: $id, input: $input) { id status } }';
const SUBMIT = 'mutation($id: ID!) { submitSelfAssessment(id: $id) { status } }';

describe('scoring through the gateway: Quảng Điền 2019 (seed 003) and PAPI', () => {
  let test: TestPlatform;
  let platform: RunningPlatform;
  let client: GraphQLTestClient;
  // Started on the demo's usual day (its plans are issued on their days), then set to 2019.
  const clock = new FixedClock(beforeReorganisation().now());
  let campaignId = '';
  const assessmentOf = new Map<string, string>();
  const scoringEvents = async () =>
    (await platform.scoring.get(DataSource).query(`SELECT count(*)::int AS n FROM scoring.events WHERE event_type <> 'AuditorQueried'`))[0].n as number;

  beforeAll(async () => {
    test = await startTestPlatform('e2e_scoring', { clock });
    ({ platform, client } = test);
    clock.set(at(DEMO_DAYS.open));
    // The same start as every e2e suite's (scoring's demo is part of all of them): the shared
    // allowance. Its scoring steps take 3.5–7 s of a 52–79 s start at load 12–20 (docs/benchmarks.md,
    // `npm run bench:platform-start`).
  }, PLATFORM_START_MS);
  afterAll(() => test?.stop());

  it('PAPI: Thừa Thiên Huế 2023 and Quảng Ninh 2024 as published; provinces left out are not ranked', async () => {
    const Q = 'query($y: Int!) { papiResults(year: $y) { provinceCode province { name } ranked total rank group dimensions { code group } } }';
    const { papiResults: y2023 } = await client.as('d477', Q, { y: 2023 });
    expect(y2023[0]).toMatchObject({ provinceCode: '46', total: 46.0415, rank: 1, group: 'HIGHEST', ranked: true });
    expect(y2023[0].dimensions.every((d: { group: string | null }) => d.group !== null)).toBe(true);
    expect(y2023.find((r: { provinceCode: string }) => r.provinceCode === '22')).toMatchObject({ ranked: false, total: null, rank: null });
    const { papiResults: y2024 } = await client.as('c19885', Q, { y: 2024 });
    expect(y2024[0]).toMatchObject({ provinceCode: '22', total: 47.8212, rank: 1 });
    expect(
      y2024
        .filter((r: { ranked: boolean }) => !r.ranked)
        .map((r: { provinceCode: string }) => r.provinceCode)
        .sort(),
    ).toEqual(['26', '82']);
  });

  it('the district loads the index set from Excel (illustrative, marked) and opens the 2019 commune assessment', async () => {
    const xlsx = (await writeWorkbook(indexSetWorkbookRows(DEMO_INDEX_SET))).toString('base64');
    const { loadIndexSetFromExcel } = await client.as(
      'd477',
      'mutation($f: FileContent!) { loadIndexSetFromExcel(file: $f) { code version illustrative source } }',
      { f: xlsx },
    );
    expect(loadIndexSetFromExcel).toMatchObject({ code: DEMO_INDEX_SET.code, illustrative: true });
    expect(loadIndexSetFromExcel.source).toMatch(/^MINH HỌA/);
    const { openAssessmentCampaign } = await client.as('d477', 'mutation($input: CampaignInput!) { openAssessmentCampaign(input: $input) { id unitCodes } }', {
      input: DEMO_CAMPAIGN_2019,
    });
    expect([...openAssessmentCampaign.unitCodes].sort()).toEqual([...QUANG_DIEN_UNITS].sort());
    campaignId = openAssessmentCampaign.id;
    const { assessments } = await client.as('d477', 'query($c: ID!) { assessments(campaignId: $c) { id unitCode } }', { c: campaignId });
    for (const a of assessments) assessmentOf.set(a.unitCode, a.id);
  });

  it('bad input is refused with a Vietnamese reason naming the field, nothing stored', async () => {
    const vinh = assessmentOf.get(QUANG_VINH) as string;
    const before = await scoringEvents();
    const token = await client.login(`c${QUANG_VINH}`);
    const refusal = async (input: Record<string, unknown>) => (await client.request(SCORE, { id: vinh, input }, token)).errors?.[0];
    expect(await refusal({ criterionCode: '2.2', score: 3, explanation: 'x' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.criterionCode' },
      message: expect.stringContaining('ngoài thời hạn tự chấm điểm'),
    });
    clock.set(at(DEMO_DAYS.entry));
    expect(await refusal({ criterionCode: '2.2', score: 5.5, explanation: 'x' })).toMatchObject({
      extensions: { field: 'input.score' },
      message: 'input.score: điểm 5.5 vượt điểm tối đa 5 của tiêu chí 2.2.',
    });
    expect(await refusal({ criterionCode: '2.2', score: -2, explanation: 'x' })).toMatchObject({
      extensions: { field: 'input.score' },
      message: 'input.score: điểm không được âm (tiêu chí 2.2, nhập -2).',
    });
    expect(
      await refusal({
        criterionCode: '2.2',
        score: 3,
        uploads: [{ fileName: 'lon.pdf', mediaType: 'application/pdf', content: Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]).toString('base64') }],
      }),
    ).toMatchObject({
      extensions: { field: 'input.uploads[0].content' },
      message: expect.stringContaining('vượt giới hạn'),
    });
    expect(
      await refusal({ criterionCode: '2.2', score: 3, uploads: [{ fileName: 'a.exe', mediaType: 'application/x-msdownload', content: 'TVo=' }] }),
    ).toMatchObject({ extensions: { field: 'input.uploads[0].mediaType' }, message: expect.stringContaining('không được nhận') });
    expect(await scoringEvents()).toBe(before);
  });

  it('the communes self-assess with evidence: an upload, a citation, a score explained without evidence', async () => {
    for (const code of QUANG_DIEN_UNITS) {
      for (const { criterionCode, score } of demoSelfScores(code)) {
        const input: Record<string, unknown> = { criterionCode, score };
        if (criterionCode === '1.1') input.uploads = [{ fileName: 'ke-hoach-cchc-2019.pdf', mediaType: 'application/pdf', content: PDF.toString('base64') }];
        else if (criterionCode === '1.3') input.citations = [{ number: '25/BC-UBND', date: '2019-06-14', page: 3 }];
        else input.explanation = 'Tự đánh giá theo kết quả thực hiện trong năm.';
        await client.as(`c${code}`, SCORE, { id: assessmentOf.get(code), input });
      }
      await client.as(`c${code}`, SUBMIT, { id: assessmentOf.get(code) });
    }
  });

  it('before publication a commune cannot read its sibling; the auditor reads all and changes nothing; evidence is refused without read access', async () => {
    const vinh = assessmentOf.get(QUANG_VINH) as string;
    expect(await client.outcome(`c${QUANG_VINH}`, 'query($id: ID!) { assessment(id: $id) { id } }', { id: assessmentOf.get('19870') })).toBe('FORBIDDEN');
    expect(await client.outcome('c19870', 'query($c: ID!) { ranking(campaignId: $c) { rank } }', { c: campaignId })).toBe('FORBIDDEN');
    const { assessment } = await client.as('auditor46', 'query($id: ID!) { assessment(id: $id) { criteria { code files { sha256 } } integrity { ok } } }', {
      id: vinh,
    });
    expect(assessment.integrity.ok).toBe(true);
    const sha = assessment.criteria.find((c: { code: string }) => c.code === '1.1').files[0].sha256;
    const FILE = 'query($id: ID!, $s: String!) { evidenceFile(assessmentId: $id, sha256: $s) { base64 } }';
    expect((await client.as('auditor46', FILE, { id: vinh, s: sha })).evidenceFile.base64).toBe(PDF.toString('base64'));
    expect(await client.outcome('c19870', FILE, { id: vinh, s: sha })).toBe('FORBIDDEN');
    expect(await client.outcome('d476', FILE, { id: vinh, s: sha })).toBe('FORBIDDEN');
    expect(await client.outcome('auditor', FILE, { id: vinh, s: sha })).toBe('FORBIDDEN'); // Quảng Nam's auditor
    const before = await scoringEvents();
    for (const [mutation, variables] of [
      [SCORE, { id: vinh, input: { criterionCode: '2.2', score: 1, explanation: 'x' } }],
      [SUBMIT, { id: vinh }],
      [APPRAISE, { id: vinh, input: { criterionCode: '2.2', decision: 'ACCEPT' } }],
      ['mutation($id: ID!) { finaliseAppraisal(id: $id) { id } }', { id: vinh }],
      ['mutation($c: ID!) { publishCampaignResults(campaignId: $c) { id } }', { c: campaignId }],
      ['mutation($input: CampaignInput!) { openAssessmentCampaign(input: $input) { id } }', { input: DEMO_CAMPAIGN_2019 }],
    ] as const) {
      expect([mutation, await client.outcome('auditor46', mutation, variables as Record<string, unknown>)]).toEqual([mutation, 'FORBIDDEN']);
    }
    expect(await scoringEvents()).toBe(before);
  });

  it('the district adjusts two scores with reasons, returns one criterion, finalises and publishes: every commune ranked and graded, Quảng Vinh 11/11 owes a plan', async () => {
    const vinh = assessmentOf.get(QUANG_VINH) as string;
    clock.set(at(DEMO_DAYS.appraisal));
    await client.as('d477', APPRAISE, {
      id: vinh,
      input: { criterionCode: '2.2', decision: 'ADJUST', score: 1, reason: 'Không có báo cáo kiểm tra việc thực hiện văn bản QPPL.' },
    });
    await client.as('d477', APPRAISE, {
      id: assessmentOf.get('19870'),
      input: { criterionCode: '3.2', decision: 'ADJUST', score: 2, reason: 'Tỷ lệ đúng hạn theo phần mềm một cửa thấp hơn số tự chấm.' },
    });
    expect(
      (await client.as('d477', APPRAISE, { id: vinh, input: { criterionCode: '1.1', decision: 'RETURN', reason: 'Bổ sung quyết định ban hành kế hoạch.' } }))
        .appraiseCriterion.status,
    ).toBe('RETURNED');
    clock.set(at(DEMO_DAYS.answer));
    await client.as(`c${QUANG_VINH}`, SCORE, {
      id: vinh,
      input: { criterionCode: '1.1', score: 4, citations: [{ number: '12/QĐ-UBND', date: '2019-01-10', page: 1 }] },
    });
    await client.as(`c${QUANG_VINH}`, SUBMIT, { id: vinh });
    clock.set(at(DEMO_DAYS.finalise));
    for (const code of QUANG_DIEN_UNITS)
      await client.as('d477', 'mutation($id: ID!) { finaliseAppraisal(id: $id) { status } }', { id: assessmentOf.get(code) });
    clock.set(at(DEMO_DAYS.publish));
    await client.as('d477', 'mutation($c: ID!) { publishCampaignResults(campaignId: $c) { status } }', { c: campaignId });

    const { ranking } = await client.as(
      'c19870',
      'query($c: ID!) { ranking(campaignId: $c) { unit { name } unitCode rank of rescaledTotal grade improvementPlanOwed } }',
      { c: campaignId },
    );
    expect(ranking.map((row: { unitCode: string }) => row.unitCode).sort()).toEqual([...QUANG_DIEN_UNITS].sort());
    expect(ranking[10]).toMatchObject({ unit: { name: 'Xã Quảng Vinh' }, rank: 11, of: 11, improvementPlanOwed: true });
    expect(ranking.every((row: { grade: string | null; rank: number }) => row.grade !== null && row.rank >= 1)).toBe(true);
    // The demo's own published 2019 campaign (npm start) owes the same; this scenario's is its own.
    const { improvementObligations } = await client.as(
      `c${QUANG_VINH}`,
      'query { improvementObligations(unitCode: "19885") { campaignId dueOn status text } }',
    );
    expect(improvementObligations.filter((o: { campaignId: string }) => o.campaignId === campaignId)).toEqual([
      { campaignId, dueOn: '2020-05-14', status: 'OWED', text: 'Ban hành kế hoạch nâng cao chỉ số CCHC (xếp thứ 11/11 năm 2019)' },
    ]);
    expect(improvementObligations).toHaveLength(2);
    // Published: the sibling reads Quảng Vinh's assessment, who adjusted what and why is in its history.
    const { assessment } = await client.as('c19870', 'query($id: ID!) { assessment(id: $id) { result { grade } criteria { code status appraisalReason } } }', {
      id: vinh,
    });
    expect(assessment.criteria.find((c: { code: string }) => c.code === '2.2')).toMatchObject({
      status: 'ADJUSTED',
      appraisalReason: 'Không có báo cáo kiểm tra việc thực hiện văn bản QPPL.',
    });
    const { assessment: audited } = await client.as('auditor46', 'query($id: ID!) { assessment(id: $id) { history { type actor { username } } } }', {
      id: vinh,
    });
    expect(
      audited.history.filter((h: { type: string }) => h.type === 'CriterionAppraised').map((h: { actor: { username: string } }) => h.actor.username),
    ).toEqual(['d477', 'd477']);
  });
});
