import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FixedClock } from '@reform/clock';
import type { DraftSection } from '@reform/plans';
import { appendixDocx } from './appendix-docx';
import { startTestPlatform, TestPlatform } from './test-platform';
import { accessibilityViolations, shot, WebBrowser } from './web-browser';
import { ensureWebBuilt } from '../src/web-build';

/**
 * The same journeys after the 2025 reorganisation, on today's date: the new Đà Nẵng (48) issues
 * straight to its communes, wards and special zone (two tiers, no district), one of them works
 * its assignment from the inbox, and Đà Nẵng follows it on the dashboard and administers
 * accounts. The platform's clock and the browser's are both set to now.
 */
const NOW = new Date();
jest.setTimeout(300_000);

const vietnamDay = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(instant);
const dayMonthYear = (day: string) => day.split('-').reverse().join('/');
// Due five days from today: inside the "due within 7 days" window.
const DUE = vietnamDay(new Date(NOW.getTime() + 5 * 86_400_000));
const TASK = 'Rà soát, công khai thủ tục hành chính của xã, phường, đặc khu sau sắp xếp đơn vị hành chính';
const SECTIONS: DraftSection[] = [
  {
    code: 'I',
    title: 'Cải cách thủ tục hành chính',
    tasks: [
      {
        text: TASK,
        target: '100% thủ tục hành chính',
        implementing: { text: 'UBND các xã, phường, đặc khu' },
        monitoring: { text: 'Sở Nội vụ' },
        timeframe: `Trước ngày ${dayMonthYear(DUE)}`,
      },
    ],
  },
];
const LAYOUT = {
  headings: ['STT', 'Nội dung', 'Nhiệm vụ', 'Chỉ tiêu', 'Cơ quan thực hiện', 'Cơ quan theo dõi', 'Thời gian thực hiện'],
  cells: (t: DraftSection['tasks'][number]) => [t.text, t.target ?? '', t.implementing?.text ?? '', t.monitoring?.text ?? '', t.timeframe ?? ''],
};

describe('the web app for the new Đà Nẵng and one of its communes, today', () => {
  let test: TestPlatform;
  let web: WebBrowser;
  let base: string;
  let planId = '';
  let commune = { code: '', name: '' };
  let province = '';

  beforeAll(async () => {
    const webRoot = ensureWebBuilt();
    test = await startTestPlatform('e2e_web_two_tier', { clock: new FixedClock(NOW.toISOString()), webRoot });
    base = test.platform.gatewayUrl.replace(/graphql$/, '');
    web = await WebBrowser.launch(base, NOW);
    // Thăng Bình's commune 20794 in 2021, as it is today: itself or the commune that took it in.
    const { unit, city } = await test.client.as<{
      unit: { code: string; name: string; mergedInto: { code: string; name: string } | null };
      city: { name: string };
    }>('danang', '{ unit(code: "20794") { code name mergedInto { code name } } city: unit(code: "48") { name } }');
    commune = unit.mergedInto ?? { code: unit.code, name: unit.name };
    province = city.name;
  });
  afterAll(async () => {
    await web?.close();
    await test?.stop();
  });
  afterEach(async () => {
    expect(await web.endTest()).toEqual([]);
  });

  it("danang imports its plan's appendix from the .docx and issues it to the communes, wards and special zone", async () => {
    const page = await web.newPage();
    await web.signIn(page, 'danang');
    await page.goto(`${base}ke-hoach/moi`);
    await page.getByRole('heading', { name: 'Soạn kế hoạch' }).waitFor();
    await page.getByLabel('Số kế hoạch').fill('99/KH-UBND');
    await page.getByLabel('Tên kế hoạch').fill(`Rà soát thủ tục hành chính sau sắp xếp năm ${DUE.slice(0, 4)}`);
    await page.getByLabel('Năm').fill(DUE.slice(0, 4));
    await page.getByLabel('Tải văn bản Word (.docx)').setInputFiles({
      name: '99-KH-UBND.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await appendixDocx(SECTIONS, LAYOUT),
    });
    await page.getByLabel('Cột 5: Cơ quan thực hiện').waitFor();
    expect(await page.getByLabel('Nhiệm vụ, dòng 2', { exact: true }).inputValue()).toBe(TASK);
    expect(await page.getByLabel('Thời gian, dòng 2', { exact: true }).inputValue()).toBe(`Trước ngày ${dayMonthYear(DUE)}`);
    await page.getByRole('button', { name: 'Ban hành' }).click();
    // The plan's page, or the problems the API found (shown in the editor) as the failure's reason.
    const issued = page.getByText('Đã ban hành', { exact: true }).first();
    const refused = page.locator('[role="alert"]').first();
    await issued.or(refused).waitFor({ timeout: 90_000 });
    if (!(await issued.isVisible())) throw new Error(`not issued: ${(await page.locator('[role="alert"]').allTextContents()).join(' | ')}`);
    await page.waitForURL(/\/ke-hoach\/[^/]+$/);
    planId = page.url().split('/').pop() as string;
    // Two tiers: the plan went to communes (and the Sở), never to a district.
    const { plan } = await test.client.as<{ plan: { progress: { children: Array<{ total: number; unit: { level: string } }> } } }>(
      'danang',
      'query($p: ID!) { plan(id: $p) { progress { children { total unit { level } } } } }',
      { p: planId },
    );
    const levels = new Set(plan.progress.children.filter((c) => c.total > 0).map((c) => c.unit.level));
    expect(levels.has('DISTRICT')).toBe(false);
    expect(levels.has('COMMUNE')).toBe(true);
    expect(plan.progress.children.filter((c) => c.unit.level === 'COMMUNE' && c.total > 0).length).toBeGreaterThanOrEqual(90);
  });

  it('the commune finds the assignment in its inbox, amber and reminded (due within 7 days), accepts, reports 50 % and completes it', async () => {
    expect(planId).not.toBe('');
    const page = await web.newPage();
    await web.signIn(page, `c${commune.code}`);
    // The task's row in the inbox's table (its name is also a link in the reminder above it).
    const row = page.locator('table.inbox .ant-table-row', { has: page.getByRole('link', { name: TASK }) });
    const link = row.getByRole('link', { name: TASK });
    for (let attempt = 0; ; attempt++) {
      await page.goto(`${base}?q=${encodeURIComponent(TASK.slice(0, 40))}`);
      await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
      await page.locator('.ant-table-tbody').waitFor();
      if ((await link.count()) > 0) break;
      if (attempt > 20) throw new Error(`the new assignment never reached the inbox of c${commune.code}`);
      await page.waitForTimeout(500);
    }
    expect((await row.locator('.ant-tag').first().textContent())?.trim()).toBe('Sắp đến hạn · Đã giao');
    expect(await row.locator('.ant-tag-gold').count()).toBe(1);
    const reminder = page.locator('[data-reminder="due-soon"]');
    expect(await reminder.textContent()).toContain(TASK);
    expect(await reminder.textContent()).toContain(`hạn ${dayMonthYear(DUE)}, còn 5 ngày`);
    expect(await page.locator('.status-legend').textContent()).toContain('Sắp đến hạn (trong 7 ngày)');
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'inbox-commune-2026');

    await link.first().click();
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByText('Sắp đến hạn · Đã tiếp nhận', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    await page.getByLabel('Tỷ lệ hoàn thành (%)').fill('50');
    await page.getByLabel('Ghi chú').fill('Đã rà soát 30/60 thủ tục.');
    await page.getByRole('button', { name: 'Gửi báo cáo tiến độ' }).click();
    await page.getByText('Sắp đến hạn · Đang thực hiện', { exact: true }).waitFor();
    await page.getByText('Đã rà soát 30/60 thủ tục.').waitFor();
    await page.getByRole('button', { name: 'Gửi báo cáo tiến độ' }).waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Hoàn thành' }).click();
    await page.getByLabel('Kết quả đạt được').fill('Đã công khai đủ thủ tục.');
    await page.getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
    await page.locator('.ant-tag', { hasText: /^Hoàn thành$/ }).waitFor();
  });

  it("danang sees the commune completed in the plan's dashboard: Đà Nẵng straight to the commune, no district between", async () => {
    const page = await web.newPage();
    await web.signIn(page, 'danang');
    await page.goto(`${base}ke-hoach/${planId}/theo-doi`);
    await page.getByRole('heading', { name: 'Theo dõi tiến độ' }).waitFor();
    const communeLink = page.getByRole('link', { name: commune.name, exact: true });
    const communeRow = page.locator('.ant-table-row', { has: communeLink });
    await page.locator('.ant-table-row').first().waitFor({ timeout: 60_000 });
    // Ninety-odd communes and the Sở: the commune may be on a later page.
    const pager = page.getByRole('navigation', { name: 'Phân trang các đơn vị' });
    for (let shown = 1; (await communeRow.count()) === 0;) {
      const next = pager.getByRole('button', { name: /Trang sau/ });
      if ((await next.count()) === 0 || (await next.isDisabled())) throw new Error(`${commune.name} is not on the dashboard`);
      await next.click();
      // The rows and the pager's "Trang n/…" are drawn together: wait for the next page's.
      await pager.getByText(new RegExp(`^Trang ${++shown}/`)).waitFor();
    }
    // Columns: unit, total, assigned, accepted, in progress, completed, overdue, rate.
    expect((await communeRow.locator('td').nth(5).textContent())?.trim()).toBe('1');
    expect(await page.locator('.ant-table-row', { hasText: /^(Huyện|Quận|Thị xã) / }).count()).toBe(0);
    // The other communes' assignments fall due in five days: amber, listed apart, counted as the API has them.
    const { assignments } = await test.client.as<{ assignments: Array<{ dueOn: string }> }>(
      'danang',
      'query($p: ID!) { assignments(unitCode: "48", includeSubtree: true, planId: $p, status: [ASSIGNED, ACCEPTED, IN_PROGRESS], overdue: false) { dueOn } }',
      { p: planId },
    );
    const dueSoon = assignments.filter((a) => a.dueOn === DUE).length;
    expect(dueSoon).toBeGreaterThanOrEqual(90);
    await page.getByRole('heading', { name: `Sắp đến hạn trong 7 ngày (${dueSoon})` }).waitFor();
    expect(await page.locator('.ant-tag-gold', { hasText: 'Sắp đến hạn · Đã giao' }).count()).toBe(20);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The export holds what is on screen, the amber list whole (the screen shows it 20 at a time), each row's commune named.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
    const folder = mkdtempSync(join(tmpdir(), 'web-export-'));
    try {
      const file = join(folder, download.suggestedFilename());
      await download.saveAs(file);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = (name: string) => {
        const rows: unknown[][] = [];
        workbook.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
        return rows;
      };
      expect(sheet('Tiến độ').map((r) => r[0])).toContain(`Sắp đến hạn (trong 7 ngày): ${dueSoon}`);
      const amber = sheet('Sắp đến hạn');
      const listed = amber.slice(amber.findIndex((r) => r[0] === 'Đơn vị') + 1);
      expect(listed).toHaveLength(dueSoon);
      expect(
        listed.filter((r) => /^(Xã|Phường|Đặc khu) /.test(String(r[0])) && r[1] === TASK && r[2] === dayMonthYear(DUE) && r[3] === 'Sắp đến hạn · Đã giao'),
      ).toHaveLength(dueSoon);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'dashboard-danang');
    await communeLink.click();
    await page.waitForURL(new RegExp(`don-vi=${commune.code}`));
    const trail = page.locator('.ant-breadcrumb li:not(.ant-breadcrumb-separator)');
    await page.locator('.ant-breadcrumb').getByText(commune.name).waitFor();
    expect((await trail.allTextContents()).map((t) => t.trim()).filter(Boolean)).toEqual([province, commune.name]);
  });

  it("danang creates an account (the directory's refusal beside its field), grants it a role and disables it", async () => {
    const page = await web.newPage();
    await web.signIn(page, 'danang');
    // The city's own page (an agency's code has a dot, which the static server takes for a file).
    await page.goto(`${base}don-vi/48`);
    await page.getByRole('heading', { name: 'Quản trị tài khoản' }).waitFor();
    const create = page.locator('form#create-account');
    await create.getByLabel('Tên đăng nhập').fill('snv.kiemtra');
    await create.getByLabel('Họ tên / tên hiển thị').fill('Phòng Cải cách hành chính, Sở Nội vụ');
    await create.getByLabel('Mật khẩu ban đầu').fill('ngan');
    await create.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const passwordItem = create.locator('.ant-form-item', { has: page.getByLabel('Mật khẩu ban đầu') });
    await passwordItem.getByText('Mật khẩu phải có ít nhất 8 ký tự.').waitFor();
    await shot(page, 'account-admin-problem');
    await create.getByLabel('Mật khẩu ban đầu').fill('mat-khau-ban-dau-2026');
    await create.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText('Đã tạo tài khoản "snv.kiemtra".').waitFor();

    const roles = page.locator('form#account-role');
    await roles.getByLabel('Tài khoản').click();
    await page.locator('.ant-select-item-option', { hasText: 'snv.kiemtra' }).click();
    await roles.getByLabel('Vai trò').click();
    await page.locator('.ant-select-item-option', { hasText: 'Chỉ xem' }).click();
    await roles.getByLabel('Tại đơn vị (mã)').fill('48');
    await roles.getByRole('button', { name: 'Giao vai trò' }).click();
    await page.getByText('Đã giao vai trò Chỉ xem tại 48 cho "snv.kiemtra".').waitFor();

    const disable = page.locator('form#disable-account');
    await disable.getByLabel('Tài khoản cần vô hiệu hóa').click();
    await page.locator('.ant-select-item-option', { hasText: 'snv.kiemtra' }).last().click();
    await disable.getByLabel('Lý do vô hiệu hóa').fill('Tạo để kiểm tra.');
    await disable.getByRole('button', { name: 'Vô hiệu hóa' }).click();
    await page.getByText(/Đã vô hiệu hóa tài khoản "snv.kiemtra"/).waitFor();

    const { unit } = await test.client.as<{
      unit: { accounts: Array<{ username: string; status: string; roles: Array<{ role: string; unit: { code: string } }> }> };
    }>('danang', '{ unit(code: "48") { accounts { username status roles { role unit { code } } } } }');
    expect(unit.accounts.find((a) => a.username === 'snv.kiemtra')).toEqual({
      username: 'snv.kiemtra',
      status: 'DISABLED',
      roles: [{ role: 'VIEWER', unit: { code: '48' } }],
    });
  });
});
