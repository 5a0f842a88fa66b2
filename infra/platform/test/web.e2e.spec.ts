import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { FixedClock } from '@reform/clock';
import { offerToSuccessors } from '@reform/tasks';
import { THANG_BINH_PAR_2021, VI_XUYEN_PAPI_2021 } from '@reform/plans';
import { appendixDocx, tasksOf } from './appendix-docx';
import { startTestPlatform, TestPlatform } from './test-platform';
import { accessibilityViolations, shot, WebBrowser } from './web-browser';
import { ensureWebBuilt, isDevelopmentBuild } from '../src/web-build';

/**
 * The web app in a real browser (Debian's chromium driven by playwright-core), served by the
 * gateway of one test platform on a clock set to 2021, when Thăng Bình was still a district (the
 * browser's clock too). Any console error, uncaught exception, failed request or HTTP error fails
 * the test that caused it. The two-tier journeys (the new Đà Nẵng, today) are in
 * web-two-tier.e2e.spec.ts.
 */
const NOW = new Date('2021-09-15T03:00:00Z');
jest.setTimeout(240_000);

/** Seed 002's tasks as a table copied from Word: one row has lost its "Phối hợp/Thực hiện" cell. */
const HEADINGS = ['STT', 'Nội dung', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp/Thực hiện', 'Theo dõi', 'Thời gian', 'Kết quả'];
const BROKEN_ROW = 3;
function seedTable(): { tsv: string; firstTask: string; brokenTask: string } {
  const rows: string[][] = [];
  for (const section of THANG_BINH_PAR_2021.sections) {
    section.tasks.forEach((task, j) => {
      rows.push([
        String(j + 1),
        `${section.code}. ${section.title}`,
        task.text,
        task.lead?.text ?? '',
        task.implementing?.text ?? '',
        task.monitoring?.text ?? '',
        'Năm 2021',
        '',
      ]);
    });
  }
  rows[BROKEN_ROW - 1][4] = '';
  // Excel quotes a cell holding a tab, a newline or a quote; none here but the format allows it.
  const cell = (value: string) => (/[\t\n"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return { tsv: [HEADINGS, ...rows].map((r) => r.map(cell).join('\t')).join('\r\n'), firstTask: rows[0][2], brokenTask: rows[BROKEN_ROW - 1][2] };
}

describe('the web app in a browser', () => {
  let test: TestPlatform;
  let web: WebBrowser;
  let base: string;
  const newPage = () => web.newPage();
  const signIn = (page: Page, username: string) => web.signIn(page, username);

  beforeAll(async () => {
    const webRoot = ensureWebBuilt();
    // Built for production even under Jest (NODE_ENV=test): what `npm start` serves and the budget measures.
    expect(isDevelopmentBuild()).toBe(false);
    test = await startTestPlatform('e2e_web', { clock: new FixedClock(NOW.toISOString()), webRoot });
    base = test.platform.gatewayUrl.replace(/graphql$/, '');
    web = await WebBrowser.launch(base, NOW);
  });
  afterAll(async () => {
    await web?.close();
    await test?.stop();
  });
  afterEach(async () => {
    expect(await web.endTest()).toEqual([]);
  });

  let planId = '';
  const { tsv, firstTask, brokenTask } = seedTable();

  it('d513 pastes the appendix of seed 002, sees the one problem beside its row, fixes it and issues', async () => {
    const page = await newPage();
    await signIn(page, 'd513');
    await page.getByText(/việc đang mở/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'inbox-d513');

    const plansListed = page.waitForResponse((r) => r.url().includes('operationName=Plans&'));
    await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await plansListed;
    const parentsListed = page.waitForResponse((r) => r.url().includes('operationName=ParentPlans'));
    await page.getByRole('button', { name: 'Soạn kế hoạch' }).click();
    await parentsListed;
    await page.getByLabel('Số kế hoạch').fill('53/KH-UBND');
    await page.getByLabel('Tên kế hoạch').fill('Công tác cải cách hành chính năm 2021 (nhập từ phụ lục)');
    await page.getByLabel('Năm').fill('2021');
    await page.getByLabel('Văn bản cấp trên (như đã viết)').fill(THANG_BINH_PAR_2021.implementsText ?? '');
    // A real paste: the table goes to the clipboard, then Ctrl+V into the paste box.
    await page.evaluate((text) => navigator.clipboard.writeText(text), tsv);
    await page.getByLabel('Dán bảng từ Word hoặc Excel', { exact: false }).focus();
    await page.keyboard.press('Control+V');
    await page.getByRole('button', { name: 'Đọc bảng đã dán' }).click();
    // The headings were recognised: "Phối hợp/Thực hiện" maps onto the implementing units.
    expect(await page.getByLabel('Cột 5: Phối hợp/Thực hiện').count()).toBe(1);
    const taskCount = THANG_BINH_PAR_2021.sections.reduce((n, s) => n + s.tasks.length, 0);
    expect(await page.locator('table[aria-label="Các dòng của phụ lục"] tbody tr:not(.section)').count()).toBe(taskCount);

    await page.getByRole('button', { name: 'Ban hành' }).click();
    const problem = page.locator('[data-problem-for]');
    await problem.waitFor();
    expect(await problem.count()).toBe(1);
    expect(await problem.textContent()).toContain('chưa có đơn vị thực hiện');
    expect(await problem.textContent()).toContain(brokenTask.slice(0, 30));
    const row = await problem.getAttribute('data-problem-for');
    // The flagged row is the one whose cell was lost (section headings count as rows).
    expect(await page.getByLabel(`Nhiệm vụ, dòng ${row}`, { exact: true }).inputValue()).toBe(brokenTask);
    await page.locator(`tr[data-row="${row}"]`).scrollIntoViewIfNeeded();
    await shot(page, 'plan-editor-problem');

    await page.getByLabel(`Thực hiện, dòng ${row}`, { exact: true }).fill('Các Phòng, Ban và Ủy ban nhân dân các xã, thị trấn');
    await page.getByRole('button', { name: 'Ban hành' }).click();
    // Issuing resolves every cell to units and fans out ~1,400 assignments: slow on a loaded machine.
    await page.waitForURL(/\/ke-hoach\/[^/]+$/, { timeout: 60_000 });
    await page.getByText('Đã ban hành', { exact: true }).first().waitFor({ timeout: 60_000 });
    planId = page.url().split('/').pop() as string;
    expect(await page.locator('table.appendix tbody tr:not(.section)').count()).toBe(taskCount);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'plan');
  });

  it("d030 imports the appendix of seed 001 from the plan's .docx: merged cells read as the document lays them out, every task on its row", async () => {
    const docx = await appendixDocx(VI_XUYEN_PAPI_2021.sections);
    const tasks = tasksOf(VI_XUYEN_PAPI_2021.sections);
    const page = await newPage();
    await signIn(page, 'd030');
    await page.goto(`${base}ke-hoach/moi`);
    await page.getByRole('heading', { name: 'Soạn kế hoạch' }).waitFor();
    await page
      .getByLabel('Tải văn bản Word (.docx)')
      .setInputFiles({ name: 'KH-154-UBND.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
    // The seed's headings were recognised, "Đơn vị chủ trì theo dõi" as the lead.
    await page.getByLabel('Cột 5: Đơn vị chủ trì theo dõi').waitFor();
    const taskRows = page.locator('table[aria-label="Các dòng của phụ lục"] tbody tr:not(.section)[data-row]');
    expect(await taskRows.count()).toBe(tasks.length);
    // Each task's cells as the seed has them, vertically merged cells repeated on every row they span.
    const read = await taskRows.evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('textarea')).map((t) => t.value)));
    expect(read.map(([, text, target, lead, implementing, , timeframe]) => ({ text, target, lead, implementing, timeframe }))).toEqual(
      tasks.map((t) => ({
        text: t.text,
        target: t.target ?? '',
        lead: t.lead?.text ?? '',
        implementing: t.implementing?.text ?? '',
        timeframe: t.timeframe ?? '',
      })),
    );
    expect(await page.locator('table[aria-label="Các dòng của phụ lục"] tbody tr.section').count()).toBeGreaterThan(20);
  });

  it('c20794 finds the new assignment in its inbox, accepts it, reports 50 % with a note and completes it', async () => {
    expect(planId).not.toBe('');
    const page = await newPage();
    await signIn(page, 'c20794');
    const link = page.getByRole('link', { name: firstTask });
    // The fan-out crosses the bus: look again until the assignment is there.
    for (let attempt = 0; ; attempt++) {
      await page.goto(`${base}?q=${encodeURIComponent(firstTask.slice(0, 40))}`);
      await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
      await page.locator('.ant-table-tbody').waitFor();
      if ((await link.count()) > 0) break;
      if (attempt > 20) throw new Error('the new assignment never reached the inbox of c20794');
      await page.waitForTimeout(500);
    }
    await shot(page, 'inbox-c20794');
    await link.first().click();
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByText('Đã tiếp nhận', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    await page.getByLabel('Tỷ lệ hoàn thành (%)').fill('50');
    await page.getByLabel('Ghi chú').fill('Đã triển khai tại xã; đang tổng hợp kết quả.');
    await page.getByRole('button', { name: 'Gửi báo cáo tiến độ' }).click();
    await page.getByText('Đang thực hiện', { exact: true }).first().waitFor();
    await page.getByText('Đã triển khai tại xã; đang tổng hợp kết quả.').waitFor();

    await page.getByRole('button', { name: 'Hoàn thành' }).click();
    await page.getByLabel('Kết quả đạt được').fill('Hoàn thành theo kế hoạch.');
    await page.getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
    await page.locator('.ant-tag', { hasText: /^Hoàn thành$/ }).waitFor();
    await shot(page, 'assignment');

    const { assignments } = await test.client.as<{ assignments: Array<{ status: string; percent: number; note: string }> }>(
      'c20794',
      'query($p: ID!) { assignments(unitCode: "20794", planId: $p, status: [COMPLETED]) { status percent note } }',
      { p: planId },
    );
    expect(assignments).toEqual([{ status: 'COMPLETED', percent: 100, note: 'Đã triển khai tại xã; đang tổng hợp kết quả.' }]);
  });

  it("d513 sees the commune completed in the plan's dashboard and drills down from Thăng Bình to the commune", async () => {
    const { unit } = await test.client.as<{ unit: { name: string } }>('d513', '{ unit(code: "20794") { name } }');
    const page = await newPage();
    await signIn(page, 'd513');
    await page.goto(`${base}ke-hoach/${planId}/theo-doi`);
    const communeRow = page.locator('.ant-table-row', { has: page.getByRole('link', { name: unit.name, exact: true }) });
    await communeRow.waitFor({ timeout: 60_000 });
    // Columns: unit, total, assigned, accepted, in progress, completed, overdue, rate.
    expect((await communeRow.locator('td').nth(5).textContent())?.trim()).toBe('1');
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'dashboard-district');
    await communeRow.getByRole('link', { name: unit.name, exact: true }).click();
    await page.waitForURL(/don-vi=20794/);
    const trail = page.locator('.ant-breadcrumb');
    await trail.getByText(unit.name).waitFor();
    expect(await trail.textContent()).toContain('Huyện Thăng Bình');
    await page.getByText(/Tỷ lệ hoàn thành:/).waitFor();
  });

  it("d513 gives a split commune's waiting assignment to one of the successors it was offered to", async () => {
    // One of seed 002's assignments (issued above) to a commune other than 20794, as the 2025
    // reorganisation's automation leaves it when the commune is split: offered to two others.
    const { assignments } = await test.client.as<{ assignments: Array<{ id: string; unitCode: string; kind: string }> }>(
      'd513',
      'query($p: ID!) { assignments(unitCode: "513", includeSubtree: true, planId: $p, status: [ASSIGNED], limit: 200) { id unitCode kind } }',
      { p: planId },
    );
    const communes = [...new Set(assignments.map((a) => a.unitCode).filter((code) => /^\d{5}$/.test(code) && code !== '20794'))];
    const waiting = assignments.find((a) => a.kind === 'TASK' && a.unitCode === communes[0]);
    expect(waiting).toBeDefined();
    const successors = communes.slice(1, 3);
    expect(successors).toHaveLength(2);
    const dataSource = new DataSource({ type: 'postgres', url: test.databaseUrl });
    await dataSource.initialize();
    try {
      expect(await offerToSuccessors(dataSource, waiting?.id ?? '?', communes[0], successors, '2021-09-15', '513')).toBe(1);
    } finally {
      await dataSource.destroy();
    }

    const page = await newPage();
    await signIn(page, 'd513');
    await page.goto(`${base}nhiem-vu/${waiting?.id}`);
    await page.getByText('Chờ phân giao').waitFor();
    await page.getByRole('button', { name: 'Phân giao cho đơn vị kế thừa' }).click();
    const card = page.locator('.ant-card', { hasText: 'Phân giao cho đơn vị kế thừa' });
    await card.getByLabel('Đơn vị kế thừa').click();
    const option = page.locator('.ant-select-item-option').last();
    const successor = ((await option.textContent()) ?? '').trim();
    await option.click();
    await card.getByRole('button', { name: 'Phân giao', exact: true }).click();
    await page.getByText('Đã phân giao nhiệm vụ cho đơn vị kế thừa.').waitFor();
    // The page reads the assignment again: no longer waiting, at the successor.
    await page.getByText('Chờ phân giao').waitFor({ state: 'detached' });
    expect(await page.locator('.ant-descriptions').first().textContent()).toContain(successor);
    const { assignment } = await test.client.as<{ assignment: { unitCode: string; formerUnitCodes: string[]; offeredTo: string[] | null } }>(
      'd513',
      'query($id: ID!) { assignment(id: $id) { unitCode formerUnitCodes offeredTo } }',
      { id: waiting?.id },
    );
    expect(assignment).toEqual({ unitCode: successors[1], formerUnitCodes: [communes[0]], offeredTo: null });
  });

  it('doha opens the province dashboard of a demo plan and exports it to Excel; the file reads back', async () => {
    const page = await newPage();
    await signIn(page, 'doha');
    await page.goto(`${base}ke-hoach?don-vi=49`);
    await page.getByRole('link', { name: 'Theo dõi tiến độ 4003/QĐ-UBND' }).click();
    await page.getByRole('heading', { name: 'Theo dõi tiến độ' }).waitFor();
    await page.locator('.ant-table-row', { hasText: 'Huyện Thăng Bình' }).first().waitFor();
    await page.locator('canvas').first().waitFor();
    await shot(page, 'dashboard-province');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
    const folder = mkdtempSync(join(tmpdir(), 'web-export-'));
    try {
      const file = join(folder, download.suggestedFilename());
      await download.saveAs(file);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.getWorksheet('Tiến độ');
      expect(sheet).toBeDefined();
      // The screen's three parts, each a sheet: the table by unit, the overdue list, the list due within 7 days.
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tiến độ', 'Quá hạn', 'Sắp đến hạn']);
      const rows: unknown[][] = [];
      sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      const thangBinh = rows.find((r) => r[0] === 'Huyện Thăng Bình');
      const plans = await test.client.as<{ plans: Array<{ id: string; number: string }> }>('doha', '{ plans(issuerCode: "49") { id number } }');
      const id = plans.plans.find((p) => p.number === '4003/QĐ-UBND')?.id;
      const { unit } = await test.client.as<{ unit: { planProgress: { total: number; completed: number; overdue: number } } }>(
        'doha',
        'query($p: ID!) { unit(code: "513") { planProgress(planId: $p) { total completed overdue } } }',
        { p: id },
      );
      expect(thangBinh?.slice(0, 2)).toEqual(['Huyện Thăng Bình', unit.planProgress.total]);
      expect(thangBinh?.[5]).toBe(unit.planProgress.completed);
      expect(thangBinh?.[6]).toBe(unit.planProgress.overdue);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("the auditor opens an assignment's history and its state at an earlier instant", async () => {
    const { assignments } = await test.client.as<{ assignments: Array<{ id: string; percent: number }> }>(
      'auditor',
      '{ assignments(unitCode: "513", includeSubtree: true, status: [IN_PROGRESS]) { id percent } }',
    );
    const showcase = assignments.find((a) => a.percent === 50);
    expect(showcase).toBeDefined();
    const page = await newPage();
    await signIn(page, 'auditor');
    await page.getByRole('link', { name: 'Kiểm tra, truy vết' }).click();
    await page.getByLabel('Mã đối tượng').fill(showcase?.id ?? '');
    await page.getByLabel('Mã đối tượng').press('Enter');
    await page.getByText('Nguyên vẹn', { exact: false }).waitFor();
    const entries = page.locator('[data-version]');
    await entries.first().waitFor();
    expect(await entries.count()).toBeGreaterThanOrEqual(3);
    const history = (await entries.allTextContents()).join('\n');
    expect(history).toContain('Giao nhiệm vụ');
    expect(history).toContain('Tiếp nhận');
    expect(history).toContain('Báo cáo tiến độ');
    // The state right after it was accepted: accepted, nothing reported yet.
    await page.getByRole('button', { name: /Trạng thái sau sự kiện 2: Tiếp nhận/ }).click();
    const state = page.getByLabel('Trạng thái tại thời điểm đã chọn');
    await state.waitFor();
    expect(await state.textContent()).toContain('Đã tiếp nhận');
    expect(await state.textContent()).toContain('0%');
    expect(page.url()).toContain('thoi-diem=');
    await shot(page, 'audit');
  });

  it("d513 sees its reporting regime and the quarter's completeness; c20794 opens its quarterly report", async () => {
    // The demo's Thăng Bình regime, its 2021 third quarter opened on the platform's day (2021-09-15).
    const { reports } = await test.client.as<{ reports: Array<{ id: string; regimeName: string; period: string }> }>(
      'c20794',
      '{ reports(unitCode: "20794") { id regimeName period } }',
    );
    const quarterly = reports.find((r) => r.regimeName === 'Báo cáo kết quả thực hiện công tác cải cách hành chính');
    expect(quarterly).toBeDefined();

    const page = await newPage();
    await signIn(page, 'd513');
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await page.getByRole('heading', { name: 'Báo cáo', exact: true }).waitFor();
    const regimes = page.locator('.ant-card', { hasText: 'Chế độ báo cáo của đơn vị' });
    await regimes.getByText('Báo cáo kết quả thực hiện công tác cải cách hành chính').first().waitFor();
    expect(await regimes.textContent()).toContain(quarterly?.period ?? '?');
    await page.getByLabel('Kỳ báo cáo').click();
    await page
      .locator('.ant-select-item-option', { hasText: quarterly?.period ?? '?' })
      .first()
      .click();
    const status = page.locator('.ant-card', { hasText: 'Tình hình báo cáo' });
    await status.getByText('Phải báo cáo').first().waitFor();
    await status.getByText('Chưa gửi').first().waitFor();
    expect(await status.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await page.close();

    const commune = await newPage();
    await signIn(commune, 'c20794');
    await commune.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    const own = commune.locator('.ant-card', { hasText: 'Báo cáo của đơn vị' });
    await own.getByRole('link', { name: 'Báo cáo kết quả thực hiện công tác cải cách hành chính' }).first().click();
    await commune.waitForURL(`**/bao-cao/${encodeURIComponent(quarterly?.id ?? '?')}`);
    await commune.getByText('Nội dung báo cáo').first().waitFor();
    expect(await commune.locator('h1').textContent()).toContain(quarterly?.period ?? '?');
  });

  it('d477 opens its Quảng Điền 2019 campaign from the scoring page and sees the published ranking', async () => {
    const page = await newPage();
    await signIn(page, 'd477');
    await page.getByRole('link', { name: 'Chấm điểm CCHC' }).click();
    await page.getByRole('heading', { name: 'Chấm điểm CCHC' }).waitFor();
    await page.getByRole('heading', { name: 'Đợt đánh giá đơn vị đã mở' }).waitFor();
    await page.getByRole('link', { name: 'Xác định chỉ số CCHC năm 2019 của các xã, thị trấn (minh họa)' }).first().click();
    await page.waitForURL('**/cham-diem/dot/**');
    await page.getByRole('heading', { name: 'Xếp hạng' }).waitFor();
    await page.getByText('Quảng Vinh').first().waitFor();
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThanOrEqual(11);
  });

  it('the public page shows the issued plans without signing in, and no account names; the public read gives no draft and nothing else without a token', async () => {
    // A draft of d513's is not public.
    const { draftPlan } = await test.client.as<{ draftPlan: { id: string } }>('d513', 'mutation($input: DraftPlanInput!) { draftPlan(input: $input) { id } }', {
      input: {
        number: '99/KH-UBND',
        title: 'Dự thảo chưa công khai',
        issuerCode: '513',
        year: 2021,
        frameworks: ['PAR_INDEX'],
        sections: [{ title: 'Mục', tasks: [{ text: 'Nhiệm vụ nháp' }] }],
      },
    });
    const anonymous = await test.client.request<{ publicPlans: Array<{ id: string; status: string; number: string }> }>(
      '{ publicPlans(provinceCode: "49") { id status number } }',
      {},
    );
    expect(anonymous.errors).toBeUndefined();
    const publicPlans = anonymous.data?.publicPlans ?? [];
    expect(publicPlans.map((p) => p.number)).toEqual(expect.arrayContaining(['4003/QĐ-UBND', '53/KH-UBND']));
    expect(publicPlans.every((p) => p.status === 'ISSUED' || p.status === 'CLOSED')).toBe(true);
    expect(publicPlans.map((p) => p.id)).not.toContain(draftPlan.id);
    // Hà Giang's plan is not Quảng Nam's.
    expect(publicPlans.map((p) => p.number)).not.toContain('163/KH-UBND');
    // The app answers client routes with its index.html, and never shadows the API or the health checks.
    const route = await fetch(`${base}ke-hoach/khong-co/theo-doi?don-vi=513`);
    expect(route.headers.get('content-type')).toMatch(/text\/html/);
    expect(await route.text()).toContain('<div id="root">');
    const api = await fetch(`${base}graphql?query=${encodeURIComponent('{ publicPlans(provinceCode: "49") { id } }')}`);
    expect(api.headers.get('content-type')).toMatch(/json/);
    expect((await fetch(`${base}readiness`)).headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    const refused = await test.client.request('{ plans { id } }', {});
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const page = await newPage();
    await page.goto(`${base}cong-khai`);
    await page.getByRole('heading', { name: 'Công khai kết quả thực hiện' }).waitFor();
    await page.locator('.ant-table-row', { hasText: '4003/QĐ-UBND' }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const text = await page.locator('body').innerText();
    expect(text).toContain('Tỉnh Quảng Nam');
    expect(text).not.toContain('Dự thảo chưa công khai');
    // No account: neither a demo username nor an account's display name.
    expect(text).not.toMatch(/\b(doha|auditor|d\d{3}|c\d{5})\b/);
    expect(text).not.toContain('Sở Nội vụ tỉnh Quảng Nam');
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'public');
  });
});
