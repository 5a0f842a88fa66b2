import { randomUUID } from 'node:crypto';
import { FixedClock } from '@reform/clock';
import { PlanIssuedV1 } from '@reform/contracts';
import { eventually } from '@reform/testing';
import { DEMO_INDEX_SET } from '../src/demo/demo-index-set';
import { DEMO_CAMPAIGN_2019, DEMO_DAYS, demoSelfScores, QUANG_VINH } from '../src/demo/quang-dien-2019';
import { indexSetWorkbookRows } from '../src/domain/framework/index-set-table';
import { writeWorkbook } from '../src/write/files/table-file';
import { QUANG_DIEN_COMMUNES, ScoringTestBed, useTokens } from './scoring-test-kit';

const at = (day: string) => `${day}T03:00:00Z`; // 10:00 in Viet Nam
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const SCORE =
  'mutation($id: ID!, $input: CriterionScoreInput!) { scoreCriterion(assessmentId: $id, input: $input) { id status criteria { code selfScore files { sha256 size } citations { number } explanation } } }';
const APPRAISE = 'mutation($id: ID!, $input: AppraisalInput!) { appraiseCriterion(assessmentId: $id, input: $input) { id status } }';

describe('a commune assessment campaign through the scoring subgraph (real PostgreSQL)', () => {
  const clock = new FixedClock(at(DEMO_DAYS.open));
  const bed = new ScoringTestBed('scoring_assess', clock);
  let campaignId = '';
  const assessmentOf = new Map<string, string>();

  beforeAll(async () => {
    await bed.start();
    await useTokens(bed.client, {
      d477: [['UNIT_MANAGER', '477']],
      d476: [['UNIT_MANAGER', '476']],
      auditor: [['AUDITOR', '46']],
      ...Object.fromEntries(QUANG_DIEN_COMMUNES.map((code) => [`c${code}`, [['UNIT_MANAGER', code]]])),
    });
  });
  afterAll(() => bed.stop());

  it('the district loads its index set from Excel (illustrative criteria marked) and opens the 2019 campaign for its 11 communes', async () => {
    const xlsx = (await writeWorkbook(indexSetWorkbookRows(DEMO_INDEX_SET))).toString('base64');
    expect(await bed.client.outcome('d476', 'mutation($f: FileContent!) { loadIndexSetFromExcel(file: $f) { code } }', { f: xlsx })).toBe('FORBIDDEN');
    const { loadIndexSetFromExcel: set } = await bed.client.as(
      'd477',
      'mutation($f: FileContent!) { loadIndexSetFromExcel(file: $f, fileName: "bo-chi-so-xa-2019.xlsx") { code version illustrative maxTotal fileName criteria { code scored illustrative } } }',
      { f: xlsx },
    );
    expect(set).toMatchObject({ code: DEMO_INDEX_SET.code, version: 1, illustrative: true, maxTotal: 100, fileName: 'bo-chi-so-xa-2019.xlsx' });
    expect(set.criteria.filter((c: { scored: boolean }) => c.scored).every((c: { illustrative: boolean }) => c.illustrative)).toBe(true);

    const { openAssessmentCampaign } = await bed.client.as(
      'd477',
      'mutation($input: CampaignInput!) { openAssessmentCampaign(input: $input) { id status unitCodes frameworkVersion } }',
      { input: DEMO_CAMPAIGN_2019 },
    );
    expect(openAssessmentCampaign.unitCodes.sort()).toEqual([...QUANG_DIEN_COMMUNES].sort());
    campaignId = openAssessmentCampaign.id;
    const { assessments } = await bed.client.as('d477', 'query($c: ID!) { assessments(campaignId: $c) { id unitCode status } }', { c: campaignId });
    for (const a of assessments) assessmentOf.set(a.unitCode, a.id);
    expect(assessmentOf.size).toBe(11);
  });

  it('refuses scoring before the entry window, naming the field, storing nothing', async () => {
    const before = await bed.events();
    const { errors } = await bed.client.request(
      SCORE,
      { id: assessmentOf.get(QUANG_VINH), input: { criterionCode: '1.1', score: 4, explanation: 'x' } },
      await bed.client.login(`c${QUANG_VINH}`),
    );
    expect(errors?.[0]).toMatchObject({
      message: 'input.criterionCode: ngoài thời hạn tự chấm điểm (từ 15/11/2019 đến 15/12/2019); hôm nay là 14/11/2019.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.criterionCode' },
    });
    expect(await bed.events()).toBe(before);
  });

  it('communes self-assess with evidence: one upload, one citation, one score explained without evidence; bad input is refused with nothing stored', async () => {
    clock.set(at(DEMO_DAYS.entry));
    const vinh = assessmentOf.get(QUANG_VINH) as string;
    const before = await bed.events();
    const files = async () => (await bed.dataSource.query('SELECT count(*)::int AS n FROM scoring.evidence_files'))[0].n;
    const refusals: Array<[Record<string, unknown>, string, string]> = [
      [{ criterionCode: '2.2', score: 6, explanation: 'x' }, 'input.score', 'input.score: điểm 6 vượt điểm tối đa 5 của tiêu chí 2.2.'],
      [{ criterionCode: '2.2', score: -1, explanation: 'x' }, 'input.score', 'input.score: điểm không được âm (tiêu chí 2.2, nhập -1).'],
      [
        {
          criterionCode: '2.2',
          score: 3,
          uploads: [{ fileName: 'lon.pdf', mediaType: 'application/pdf', content: Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]).toString('base64') }],
        },
        'input.uploads[0].content',
        '',
      ],
      [
        {
          criterionCode: '2.2',
          score: 3,
          uploads: [{ fileName: 'chay.exe', mediaType: 'application/x-msdownload', content: Buffer.from('MZ...').toString('base64') }],
        },
        'input.uploads[0].mediaType',
        '',
      ],
      [
        { criterionCode: '2.2', score: 3 },
        'input.explanation',
        'input.explanation: điểm không có tài liệu kiểm chứng cần giải trình cách tự chấm (tiêu chí 2.2).',
      ],
    ];
    for (const [input, field, message] of refusals) {
      const { errors } = await bed.client.request(SCORE, { id: vinh, input }, await bed.client.login(`c${QUANG_VINH}`));
      expect([field, errors?.[0]?.extensions?.code, errors?.[0]?.extensions?.field]).toEqual([field, 'BAD_USER_INPUT', field]);
      if (message) expect(errors?.[0]?.message).toBe(message);
      expect(errors?.[0]?.message).toMatch(/[àáảãạâăđêôơư]/); // Vietnamese
    }
    expect(await bed.events()).toBe(before);
    expect(await files()).toBe(0);

    for (const code of QUANG_DIEN_COMMUNES) {
      for (const { criterionCode, score } of demoSelfScores(code)) {
        const input: Record<string, unknown> = { criterionCode, score };
        if (criterionCode === '1.1') input.uploads = [{ fileName: 'ke-hoach-cchc-2019.pdf', mediaType: 'application/pdf', content: PDF.toString('base64') }];
        else if (criterionCode === '1.3') input.citations = [{ number: '25/BC-UBND', date: '2019-06-14', page: 3 }];
        else input.explanation = 'Đơn vị tự đánh giá theo kết quả thực hiện trong năm (chưa có tài liệu).';
        await bed.client.as(`c${code}`, SCORE, { id: assessmentOf.get(code), input });
      }
    }
    const { scoreCriterion } = await bed.client.as(`c${QUANG_VINH}`, SCORE, { id: vinh, input: { criterionCode: '5.2', notApplicable: true } });
    const c11 = scoreCriterion.criteria.find((c: { code: string }) => c.code === '1.1');
    expect(c11.files).toEqual([{ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: PDF.length }]);
    expect(scoreCriterion.criteria.find((c: { code: string }) => c.code === '1.3').citations).toEqual([{ number: '25/BC-UBND' }]);
    expect(await files()).toBe(1); // the same PDF from 11 communes is stored once
    // The event carries the file's hash and size.
    const [event] = await bed.dataSource.query(
      `SELECT data FROM scoring.events WHERE event_type = 'CriterionSelfScored' AND stream_id = $1 AND data->>'criterionCode' = '1.1'`,
      [`assessment-${vinh}`],
    );
    expect(event.data.files[0]).toMatchObject({ sha256: c11.files[0].sha256, size: PDF.length, mediaType: 'application/pdf' });
  });

  it('a commune cannot read a sibling before publication; the auditor reads all and changes nothing; evidence only for who may read', async () => {
    const sibling = assessmentOf.get('19870') as string;
    const vinh = assessmentOf.get(QUANG_VINH) as string;
    expect(await bed.client.outcome(`c${QUANG_VINH}`, 'query($id: ID!) { assessment(id: $id) { id } }', { id: sibling })).toBe('FORBIDDEN');
    expect(await bed.client.outcome(`c${QUANG_VINH}`, 'query($c: ID!) { ranking(campaignId: $c) { rank } }', { c: campaignId })).toBe('FORBIDDEN');
    const { assessment } = await bed.client.as(
      'auditor',
      'query($id: ID!) { assessment(id: $id) { criteria { code files { sha256 } } history { type actor { username } } integrity { ok } } }',
      { id: vinh },
    );
    expect(assessment.integrity.ok).toBe(true);
    const sha = assessment.criteria.find((c: { code: string }) => c.code === '1.1').files[0].sha256;
    const FILE = 'query($id: ID!, $s: String!) { evidenceFile(assessmentId: $id, sha256: $s) { base64 mediaType } }';
    expect((await bed.client.as('auditor', FILE, { id: vinh, s: sha })).evidenceFile.base64).toBe(PDF.toString('base64'));
    expect(await bed.client.outcome('c19870', FILE, { id: vinh, s: sha })).toBe('FORBIDDEN');
    expect(await bed.client.outcome('d476', FILE, { id: vinh, s: sha })).toBe('FORBIDDEN');
    const before = await bed.events();
    expect(await bed.client.outcome('auditor', SCORE, { id: vinh, input: { criterionCode: '2.2', score: 1, explanation: 'x' } })).toBe('FORBIDDEN');
    expect(await bed.client.outcome('auditor', APPRAISE, { id: vinh, input: { criterionCode: '2.2', decision: 'ACCEPT' } })).toBe('FORBIDDEN');
    expect(await bed.client.outcome('auditor', 'mutation($id: ID!) { submitSelfAssessment(id: $id) { id } }', { id: vinh })).toBe('FORBIDDEN');
    expect(await bed.client.outcome('c19870', SCORE, { id: vinh, input: { criterionCode: '2.2', score: 1, explanation: 'x' } })).toBe('FORBIDDEN');
    expect(await bed.events()).toBe(before);
  });

  it('submission locks; the district adjusts two scores with reasons and returns one criterion, the commune answers it, then results are published with ranks and grades', async () => {
    for (const code of QUANG_DIEN_COMMUNES)
      await bed.client.as(`c${code}`, 'mutation($id: ID!) { submitSelfAssessment(id: $id) { status } }', { id: assessmentOf.get(code) });
    const vinh = assessmentOf.get(QUANG_VINH) as string;
    expect(await bed.client.outcome(`c${QUANG_VINH}`, SCORE, { id: vinh, input: { criterionCode: '2.2', score: 1, explanation: 'x' } })).toBe('CONFLICT');
    clock.set(at(DEMO_DAYS.appraisal));
    await bed.client.as('d477', APPRAISE, {
      id: vinh,
      input: { criterionCode: '2.2', decision: 'ADJUST', score: 1, reason: 'Không có báo cáo kiểm tra việc thực hiện văn bản QPPL.' },
    });
    await bed.client.as('d477', APPRAISE, {
      id: vinh,
      input: { criterionCode: '3.2', decision: 'ADJUST', score: 1, reason: 'Tỷ lệ đúng hạn theo phần mềm một cửa thấp hơn số tự chấm.' },
    });
    const { appraiseCriterion } = await bed.client.as('d477', APPRAISE, {
      id: vinh,
      input: { criterionCode: '1.1', decision: 'RETURN', reason: 'Bổ sung quyết định ban hành kế hoạch có chữ ký.' },
    });
    expect(appraiseCriterion.status).toBe('RETURNED');
    expect(await bed.client.outcome('d477', 'mutation($id: ID!) { finaliseAppraisal(id: $id) { id } }', { id: vinh })).toBe('CONFLICT');
    clock.set(at(DEMO_DAYS.answer));
    const { assessment: returned } = await bed.client.as(`c${QUANG_VINH}`, 'query($id: ID!) { assessment(id: $id) { criteria { code files { sha256 } } } }', {
      id: vinh,
    });
    const kept = returned.criteria.find((c: { code: string }) => c.code === '1.1').files[0].sha256;
    await bed.client.as(`c${QUANG_VINH}`, SCORE, {
      id: vinh,
      input: { criterionCode: '1.1', score: 4, keepFiles: [kept], citations: [{ number: '12/QĐ-UBND', date: '2019-01-10', page: 1 }] },
    });
    await bed.client.as(`c${QUANG_VINH}`, 'mutation($id: ID!) { submitSelfAssessment(id: $id) { status } }', { id: vinh });
    clock.set(at(DEMO_DAYS.finalise));
    for (const code of QUANG_DIEN_COMMUNES)
      await bed.client.as('d477', 'mutation($id: ID!) { finaliseAppraisal(id: $id) { status } }', { id: assessmentOf.get(code) });
    clock.set(at(DEMO_DAYS.publish));
    const { publishCampaignResults } = await bed.client.as(
      'd477',
      'mutation($c: ID!) { publishCampaignResults(campaignId: $c) { status publishedOn obligations { unitCode dueOn status } } }',
      { c: campaignId },
    );
    expect(publishCampaignResults).toEqual({
      status: 'PUBLISHED',
      publishedOn: DEMO_DAYS.publish,
      obligations: [{ unitCode: QUANG_VINH, dueOn: '2020-05-14', status: 'OWED' }],
    });

    const { ranking } = await bed.client.as(
      `c${QUANG_VINH}`,
      'query($c: ID!) { ranking(campaignId: $c) { unitCode rank of rescaledTotal grade improvementPlanOwed } }',
      { c: campaignId },
    );
    expect(ranking).toHaveLength(11);
    expect(ranking[10]).toMatchObject({ unitCode: QUANG_VINH, rank: 11, of: 11, improvementPlanOwed: true });
    expect(ranking.every((row: { grade: string | null }) => ['Tốt', 'Khá', 'Trung bình', 'Yếu'].includes(row.grade as string))).toBe(true);
    // Ranks follow the rescaled totals, ties sharing a rank.
    for (let i = 1; i < ranking.length; i++)
      expect(ranking[i].rank === ranking[i - 1].rank ? ranking[i].rescaledTotal === ranking[i - 1].rescaledTotal : ranking[i].rank === i + 1).toBe(true);
    // Published: the sibling may now read Quảng Vinh's assessment; a commune of another district still may not.
    expect(await bed.client.outcome('c19870', 'query($id: ID!) { assessment(id: $id) { id result { rescaledTotal grade } } }', { id: vinh })).toBe('OK');
    const { assessment } = await bed.client.as(
      'd477',
      'query($id: ID!) { assessment(id: $id) { result { total rescaledTotal grade } criteria { code status appraisedScore appraisalReason } history { type actor { username } data } } }',
      { id: vinh },
    );
    const c22 = assessment.criteria.find((c: { code: string }) => c.code === '2.2');
    expect(c22).toMatchObject({ status: 'ADJUSTED', appraisedScore: 1, appraisalReason: 'Không có báo cáo kiểm tra việc thực hiện văn bản QPPL.' });
    expect(
      assessment.history.filter((h: { type: string }) => h.type === 'CriterionAppraised').map((h: { actor: { username: string } }) => h.actor.username),
    ).toEqual(['d477', 'd477', 'd477']);
  });

  it("the bottom commune's plan issued after publication fulfils its obligation (seed 003: 136/KH-UBND of 20/4/2020)", async () => {
    const plan: PlanIssuedV1 = {
      planId: `plan-${randomUUID()}`,
      number: '136/KH-UBND',
      title: 'Kế hoạch nâng cao chỉ số Cải cách hành chính năm 2020',
      issuerCode: QUANG_VINH,
      issuedOn: '2020-04-20',
      year: 2020,
      years: { from: 2020, to: 2020 },
      implementsPlanId: null,
      tasks: [],
      cascade: null,
    };
    const eventId = randomUUID();
    await bed.bus.publish({
      eventId,
      name: PlanIssuedV1.name,
      version: PlanIssuedV1.version,
      subject: PlanIssuedV1.subject,
      data: PlanIssuedV1.validate(plan),
      metadata: {
        actor: { accountId: 'acc-c19885', username: `c${QUANG_VINH}`, unitCode: QUANG_VINH },
        tenant: '477',
        correlationId: eventId,
        causationId: null,
        recordedAt: new Date().toISOString(),
        stream: plan.planId,
        streamVersion: 1,
      },
    });
    await eventually(async () => {
      const { improvementObligations } = await bed.client.as('d477', 'query { improvementObligations(unitCode: "19885") { status fulfilledByNumber } }');
      expect(improvementObligations).toEqual([{ status: 'FULFILLED', fulfilledByNumber: '136/KH-UBND' }]);
    });
  });
});
