import JSZip from 'jszip';
import { DataSource } from 'typeorm';
import { FixedClock } from '@reform/clock';
import { eventually, GraphQLTestClient } from '@reform/testing';
import { RunningPlatform } from '../src/platform';
import { ensureWebBuilt } from '../src/web-build';
import { accessibilityViolations, shot, WebBrowser } from './web-browser';
import { beforeReorganisation, PLATFORM_START_MS, startTestPlatform, TestPlatform } from './test-platform';

/**
 * Issue 19's target achievement through the gateway, on the demo as `npm start` seeds it: the
 * PAPI plans of Vị Xuyên (seed 001) and Nông Sơn (seed 000) have year-end reports accepted by
 * their provinces with (illustrative) figures for some of their targets. Every task with a
 * percentage target shows ACHIEVED or NOT_ACHIEVED from the reported figure, with the trail to
 * the report, and UNKNOWN where nothing was reported. The whole chain runs: plans publish the
 * parsed targets, reporting its items and accepted figures, tasks the assignments, scoring compares.
 * And the scorecard of the demo's Quảng Điền 2019 campaign (seed 003) as Word, beside the Excel one.
 */
const Q = `query($id: ID!) { plan(id: $id) { id number targetAchievement {
  taskId taskText status kind target comparator value actual basis trail { source id unitCode figure on period itemCode } parts { kind status actual } } } }`;

interface Row {
  taskId: string;
  status: string;
  kind: string;
  target: string;
  actual: number | null;
  trail: Array<{ source: string; id: string; unitCode: string; figure: number; itemCode: string | null }>;
  parts: Array<{ kind: string; status: string; actual: number | null }>;
}

describe('target achievement through the gateway (demo plans, issue 19)', () => {
  let test: TestPlatform;
  let platform: RunningPlatform;
  let client: GraphQLTestClient;
  let web: WebBrowser;
  const clock = new FixedClock(beforeReorganisation().now());
  const planIdOf = async (issuer: string) =>
    (
      (await platform.plans.get(DataSource).query(`SELECT id FROM plans.plans WHERE issuer_code = $1 ORDER BY year LIMIT 1`, [issuer])) as Array<{ id: string }>
    )[0].id;
  const rowsOf = async (user: string, planId: string): Promise<Row[]> => {
    let rows: Row[] = [];
    // The facts arrive over the bus after the demo's seeding: wait until the reported figures are in.
    await eventually(
      async () => {
        const { plan } = await client.as(user, Q, { id: planId });
        rows = plan.targetAchievement;
        expect(rows.some((row) => row.trail.some((t) => t.source === 'REPORT'))).toBe(true);
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    return rows;
  };
  const percentageOutcome = (rows: Row[]) =>
    rows
      .map((row) => ({ ...row, percentage: row.kind === 'percentage' ? row : row.parts.find((p) => p.kind === 'percentage') }))
      .filter((row) => row.percentage)
      .map((row) => [row.taskId, row.status, row.actual ?? row.percentage?.actual ?? null]);

  beforeAll(async () => {
    test = await startTestPlatform('e2e_target', { clock, webRoot: ensureWebBuilt() });
    ({ platform, client } = test);
    web = await WebBrowser.launch(platform.gatewayUrl.replace(/graphql$/, ''), new Date(clock.now()));
  }, 2 * PLATFORM_START_MS);
  afterAll(async () => {
    await web?.close();
    await test?.stop();
  });

  it('Vị Xuyên 2021: above "trên 99,5%" and "90%" achieved, below "ít nhất 95%" not, the unreported ones unknown; the trail names the accepted report', async () => {
    const rows = await rowsOf('d030', await planIdOf('030'));
    expect(percentageOutcome(rows)).toEqual([
      ['t3', 'ACHIEVED', 99.72],
      ['t22', 'UNKNOWN', null],
      ['t24', 'NOT_ACHIEVED', 93.4],
      ['t25', 'UNKNOWN', null],
      ['t34', 'ACHIEVED', 91.2],
      ['t40', 'UNKNOWN', null],
    ]);
    const t3 = rows.find((row) => row.taskId === 't3') as Row;
    expect(t3).toMatchObject({ target: 'Tỷ lệ cử tri đi bầu đạt trên 99,5%', kind: 'percentage' });
    expect(t3.trail).toEqual([
      { source: 'REPORT', id: 'vi-xuyen-papi-2021-ket-qua~2021~030', unitCode: '030', figure: 99.72, on: '2021-12-22', period: '2021', itemCode: 'TL_CU_TRI' },
    ]);
    expect(rows.find((row) => row.taskId === 't29')).toMatchObject({ kind: 'count', status: 'ACHIEVED', actual: 2 });
    // Coverage targets are judged from the assignments' completions, each assignment in the trail.
    const coverage = rows.filter((row) => row.kind === 'coverage');
    expect(coverage.length).toBeGreaterThan(10);
    expect(coverage.every((row) => row.trail.every((t) => t.source === 'ASSIGNMENT'))).toBe(true);
  });

  it('Nông Sơn 2020: "95% hài lòng" achieved, "trên 90%" of waste collected not, the others unknown', async () => {
    const planId = await planIdOf('519');
    const rows = await rowsOf('auditor', planId);
    // The link is on the regime's data item, readable where the regime is.
    const { reportRegimes } = await client.as('auditor', '{ reportRegimes(ownerCode: "49") { id form { items { code measures { planId taskId } } } } }');
    const regime = reportRegimes.find((r: { id: string }) => r.id === 'nong-son-papi-2020-ket-qua');
    expect(regime.form.items.map((item: { code: string; measures: unknown }) => [item.code, item.measures])).toEqual([
      ['TL_HAI_LONG', { planId, taskId: 't12' }],
      ['TL_RAC_THAI', { planId, taskId: 't29' }],
    ]);
    expect(percentageOutcome(rows)).toEqual([
      ['t4', 'UNKNOWN', null],
      ['t12', 'ACHIEVED', 96.1],
      ['t21', 'UNKNOWN', null],
      ['t23', 'UNKNOWN', null],
      ['t29', 'NOT_ACHIEVED', 88.5],
      ['t32', 'UNKNOWN', null],
      ['t33', 'UNKNOWN', null],
    ]);
  });

  it("a commune reads its district's plan but only its own figures: not the district's report, not a sibling's assignments (issue 19's leak)", async () => {
    const planId = await planIdOf('030');
    const district = await rowsOf('d030', planId);
    const { units } = await client.as('d030', '{ units(parentCode: "030", level: COMMUNE) { code } }');
    const commune = units[0].code as string;
    const { plan } = await client.as(`c${commune}`, Q, { id: planId });
    const rows = plan.targetAchievement as Row[];
    expect(rows.map((row) => row.taskId)).toEqual(district.map((row) => row.taskId));
    const seen = new Set(rows.flatMap((row) => row.trail.map((t) => t.unitCode)));
    expect([...seen].filter((code) => code !== commune)).toEqual([]);
    // The year-end report is the district's own: the commune sees no figure and so no judgement from it.
    expect(district.find((row) => row.taskId === 't3')).toMatchObject({ status: 'ACHIEVED', actual: 99.72 });
    expect(rows.find((row) => row.taskId === 't3')).toMatchObject({ status: 'UNKNOWN', actual: null, trail: [] });
  });

  it("a commune's scorecard as Word: unit, criteria, scores, totals and grade; refused to a unit that may not read the assessment", async () => {
    const { assessmentCampaigns } = await client.as('d477', 'query { assessmentCampaigns(unitCode: "477", year: 2019) { id } }');
    const { assessments } = await client.as(
      'd477',
      'query($c: ID!) { assessments(campaignId: $c) { id unitCode status result { total rescaledTotal grade } criteria { code } } }',
      { c: assessmentCampaigns[0].id },
    );
    const vinh = assessments.find((a: { unitCode: string }) => a.unitCode === '19885');
    expect(vinh).toMatchObject({ status: 'FINALISED', result: { grade: expect.any(String) } });
    const Q = 'query($id: ID!) { assessmentScorecardDocx(id: $id) { fileName mediaType base64 } }';
    const { assessmentScorecardDocx: file } = await client.as('c19885', Q, { id: vinh.id });
    expect(file).toMatchObject({
      fileName: 'phieu-cham-diem-19885-2019.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const xml = (await (await JSZip.loadAsync(Buffer.from(file.base64, 'base64'))).file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '').normalize('NFC');
    const comma = (n: number) => String(n).replace('.', ',');
    // The names as the directory holds them (the national list's spelling).
    const { unit: commune } = await client.as('d477', '{ unit(code: "19885") { name } }');
    const { unit: district } = await client.as('d477', '{ unit(code: "477") { name } }');
    for (const words of [
      'PHIẾU CHẤM ĐIỂM',
      commune.name.normalize('NFC'),
      district.name.normalize('NFC'),
      'Tổng điểm sau thẩm định',
      comma(vinh.result.rescaledTotal),
      `xếp loại ${vinh.result.grade}`,
      ...vinh.criteria.map((c: { code: string }) => c.code),
    ]) {
      expect([words, text.includes(words)]).toEqual([words, true]);
    }
    expect(await client.outcome('d513', Q, { id: vinh.id })).toBe('FORBIDDEN');
  });

  it("the plan's page shows each task's target, the actual figure, Đạt / Không đạt / Chưa có số liệu, and the figures used", async () => {
    const planId = await planIdOf('030');
    await rowsOf('d030', planId);
    const page = await web.newPage();
    await web.signIn(page, 'd030');
    await page.goto(`${web.base}ke-hoach/${planId}`);
    const section = page.getByRole('region', { name: 'Kết quả thực hiện chỉ tiêu' });
    await section.getByRole('heading', { name: 'Kết quả thực hiện chỉ tiêu' }).waitFor();
    // A row's text starts with its task's id ("t3. Tổ chức ..."): t3 must not match t13 or t34.
    const row = (taskId: string) => section.locator('tbody tr').filter({ hasText: new RegExp(`^\\s*${taskId}\\. `) });
    await row('t3').waitFor();
    expect(await row('t3').getByText('Đạt', { exact: true }).count()).toBe(1);
    expect(await row('t3').getByText('99,72%').count()).toBe(1);
    expect(await row('t24').getByText('Không đạt', { exact: true }).count()).toBe(1);
    expect(await row('t40').getByText('Chưa có số liệu', { exact: true }).count()).toBe(1);
    await row('t3').getByRole('button').first().click();
    await section.getByText('Báo cáo kỳ 2021 của đơn vị 030, chỉ tiêu TL_CU_TRI: 99,72 (chấp nhận ngày 22/12/2021)').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'plan-targets');
    expect(await web.endTest()).toEqual([]);
  });
});
