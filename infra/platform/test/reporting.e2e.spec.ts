import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DataSource } from 'typeorm';
import { FixedClock } from '@reform/clock';
import { ReminderScheduler } from '@reform/reporting';
import { eventually, GraphQLTestClient } from '@reform/testing';
import { RunningPlatform } from '../src/platform';
import { PLATFORM_START_MS, startTestPlatform, TestPlatform } from './test-platform';

/**
 * Issue 18's acceptance through the gateway, on a clock set to the days of 2021 (then 2025 for
 * today's two tiers): Thăng Bình's quarterly regime (seed 002, in the demo data) for Q3/2021, its
 * 20 communes' reports pre-filled from their assignments, submitted on time and late, returned and
 * resubmitted, locked and reopened, accepted, consolidated and approved; completeness as `Unit`
 * fields; Word and Excel read back; the access rules; Đà Nẵng's monthly regime over 94 units.
 */
const REGIME = 'thang-binh-cchc';
const PERIOD = '2021-Q3';
const at = (day: string) => `${day}T03:00:00Z`; // 10:00 in Viet Nam

const REPORT_FIELDS = `id unitCode status late submittedOn submissions returnReason lockReason dueOn closesOn cutOffFrom cutOffTo
  items { code number yes } sections { code text } changes { key prefilled entered }
  prefilledAssignments { assignmentId taskText percent progress { on percent note } }`;

describe('reporting under Decree 09 (issue 18)', () => {
  const clock = new FixedClock(at('2021-09-10'));
  let test: TestPlatform;
  let platform: RunningPlatform;
  let client: GraphQLTestClient;
  let thangBinhPlanId = '';
  let communes: string[] = [];
  const reportId = (code: string) => `${REGIME}~${PERIOD}~${code}`;
  const submitted = new Map<string, Record<string, number | boolean>>();
  let reportedAssignmentId = '';
  // The other 19 communes' parts: one submits late, one is returned, one is locked out and reopened, one is marked "không báo cáo".
  const others = () => communes.filter((code) => code !== '20794');
  const late = () => others()[0];
  const returned = () => others()[1];
  const lockedOut = () => others()[17];
  const waived = () => others()[18];

  beforeAll(async () => {
    test = await startTestPlatform('e2e_reporting', { clock });
    ({ platform, client } = test);
    const { plans } = await client.as('d513', '{ plans(issuerCode: "513") { id number } }');
    thangBinhPlanId = plans.find((plan: { number: string }) => plan.number === '53/KH-UBND').id;
    const { units } = await client.as('d513', '{ units(parentCode: "513", level: COMMUNE) { code } }');
    communes = units.map((unit: { code: string }) => unit.code).sort((a: string, b: string) => a.localeCompare(b, 'en', { numeric: true }));
  }, PLATFORM_START_MS);
  afterAll(() => test?.stop());

  const submit = async (code: string, figures: Record<string, number | boolean>, text: string) => {
    const items = Object.entries(figures).map(([key, value]) => (typeof value === 'boolean' ? { code: key, yes: value } : { code: key, number: value }));
    const { submitReport } = await client.as(
      `c${code}`,
      `mutation($id: ID!, $input: ReportInput!) { submitReport(id: $id, input: $input) { ${REPORT_FIELDS} } }`,
      {
        id: reportId(code),
        input: {
          items,
          sections: [
            { code: 'ket-qua', text },
            { code: 'ton-tai', text: `Tồn tại của ${code}` },
          ],
        },
      },
    );
    submitted.set(code, figures);
    return submitReport;
  };
  const figuresOf = (i: number): Record<string, number | boolean> => ({
    NV_GIAO: 4 + (i % 3),
    NV_HT: i % 4,
    TTHC_HS: 100 + 7 * i,
    HAI_LONG: 80 + (i % 10) * 1.5,
    HL_THAP: 70 + i,
    TIEN_DO: 40 + i,
    MOT_CUA_DT: i % 3 !== 0,
  });
  const textOf = (code: string) => `Xã ${code} đã niêm yết đầy đủ thủ tục hành chính (mã kiểm tra ${code}-KQ).`;

  it('has the 20 communes of Thăng Bình and the regime of seed 002 in the demo data, linked to the plan', async () => {
    expect(communes).toHaveLength(20);
    expect(communes).toContain('20794');
    const { reportRegimes } = await client.as(
      'd513',
      '{ reportRegimes(ownerCode: "513") { id name kind periodTypes planIds deadlines { level rule days } cutOff { rule } } }',
    );
    expect(reportRegimes).toEqual([expect.objectContaining({ id: REGIME, kind: 'PERIODIC', planIds: [thangBinhPlanId], cutOff: { rule: 'DECREE_09' } })]);
  });

  it('c20794 reports progress on its assignment inside the cut-off (10/9/2021); the reporting service hears of it', async () => {
    const { assignments } = await client.as('c20794', 'query($p: ID!) { assignments(unitCode: "20794", planId: $p) { id status kind } }', {
      p: thangBinhPlanId,
    });
    // A task of the plan not yet touched (the demo's showcase may have started one of 20794's).
    const target = assignments.find((a: { kind: string; status: string }) => a.kind === 'TASK' && a.status === 'ASSIGNED');
    expect(target).toBeDefined();
    reportedAssignmentId = target.id;
    if (target.status === 'ASSIGNED') await client.as('c20794', 'mutation($id: ID!) { acceptAssignment(id: $id) { id } }', { id: target.id });
    await client.as(
      'c20794',
      'mutation($id: ID!) { reportAssignmentProgress(id: $id, input: { percent: 60, note: "Đã niêm yết tại trụ sở và 8 thôn" }) { id } }',
      { id: target.id },
    );
    const reporting = platform.reporting.get(DataSource);
    await eventually(
      async () => {
        const [row] = await reporting.query(`SELECT happenings FROM reporting.assignment_facts WHERE assignment_id = $1`, [target.id]);
        expect(row.happenings).toContainEqual({ type: 'progress', on: '2021-09-10', percent: 60, note: 'Đã niêm yết tại trụ sở và 8 thôn' });
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
  });

  it('d513 opens Q3/2021 on 15/9/2021: the Decree 09 cut-off 15/6–14/9, the commune and district deadlines, 20 expected reports', async () => {
    clock.set(at('2021-09-15'));
    const { openReportingPeriod } = await client.as(
      'd513',
      `mutation($r: ID!, $p: String!) { openReportingPeriod(regimeId: $r, period: $p) { period cutOffFrom cutOffTo expected openedOn deadlines { level dueOn closesOn } } }`,
      { r: REGIME, p: PERIOD },
    );
    expect(openReportingPeriod).toEqual({
      period: PERIOD,
      cutOffFrom: '2021-06-15',
      cutOffTo: '2021-09-14',
      expected: 20,
      openedOn: '2021-09-15',
      deadlines: [
        { level: 'COMMUNE', dueOn: '2021-09-16', closesOn: '2021-09-21' },
        { level: 'DISTRICT', dueOn: '2021-09-20', closesOn: '2021-09-25' },
      ],
    });
    const { reports } = await client.as(
      'd513',
      'query($r: ID!, $p: String!) { reports(unitCode: "513", regimeId: $r, period: $p, includeSubtree: true) { unitCode role status } }',
      { r: REGIME, p: PERIOD },
    );
    expect(
      reports
        .filter((r: { role: string }) => r.role === 'UNIT')
        .map((r: { unitCode: string }) => r.unitCode)
        .sort(),
    ).toEqual([...communes].sort());
    expect(reports.filter((r: { role: string }) => r.role === 'CONSOLIDATED').map((r: { unitCode: string }) => r.unitCode)).toEqual(['513']);
  });

  it("c20794's draft lists its assignments with the progress reported in the period; it submits on time, and what it changed against the pre-fill shows", async () => {
    const { report } = await client.as('c20794', `query($id: ID!) { report(id: $id) { ${REPORT_FIELDS} } }`, { id: reportId('20794') });
    expect(report).toMatchObject({ status: 'EXPECTED', cutOffFrom: '2021-06-15', cutOffTo: '2021-09-14', dueOn: '2021-09-16', lockReason: null });
    const line = report.prefilledAssignments.find((l: { assignmentId: string }) => l.assignmentId === reportedAssignmentId);
    expect(line).toMatchObject({ percent: 60, progress: [{ on: '2021-09-10', percent: 60, note: 'Đã niêm yết tại trụ sở và 8 thôn' }] });
    const prefilledCount = report.items.find((i: { code: string }) => i.code === 'NV_GIAO').number;
    expect(prefilledCount).toBe(report.prefilledAssignments.length);
    clock.set(at('2021-09-16'));
    const figures: Record<string, number | boolean> = { ...figuresOf(0), NV_GIAO: prefilledCount };
    const sent = await submit('20794', figures, textOf('20794'));
    expect(sent).toMatchObject({ status: 'SUBMITTED', late: false, submittedOn: '2021-09-16' });
    expect(sent.changes).toContainEqual({ key: 'items.TIEN_DO', prefilled: expect.anything(), entered: figures.TIEN_DO });
    expect(sent.changes.some((c: { key: string }) => c.key === 'items.NV_GIAO')).toBe(false);
  });

  it('16 more communes submit on the deadline; another one a day late and is marked late', async () => {
    for (const code of others().slice(1, 17)) expect((await submit(code, figuresOf(communes.indexOf(code)), textOf(code))).late).toBe(false);
    clock.set(at('2021-09-17'));
    expect(await submit(late(), figuresOf(communes.indexOf(late())), textOf(late()))).toMatchObject({
      status: 'SUBMITTED',
      late: true,
      submittedOn: '2021-09-17',
    });
  });

  it('the completeness query shows 20 expected with the on-time, late and missing counts, for the district, each commune and the province', async () => {
    const { unit } = await client.as(
      'd513',
      `query($r: ID!, $p: String!) { unit(code: "513") { reportingCompleteness(regimeId: $r, period: $p) { expected submitted onTime late missing accepted returned submittedRate missingUnitCodes }
         children { code reportingCompleteness(regimeId: $r, period: $p) { expected submitted late missing } } } }`,
      { r: REGIME, p: PERIOD },
    );
    expect(unit.reportingCompleteness).toEqual({
      expected: 20,
      submitted: 18,
      onTime: 17,
      late: 1,
      missing: 2,
      accepted: 0,
      returned: 0,
      submittedRate: 90,
      missingUnitCodes: [lockedOut(), waived()].sort(),
    });
    const byCode = new Map(
      unit.children
        .filter((c: { reportingCompleteness: { expected: number } | null }) => c.reportingCompleteness && c.reportingCompleteness.expected > 0)
        .map((c: { code: string; reportingCompleteness: unknown }) => [c.code, c.reportingCompleteness]),
    );
    expect(byCode.size).toBe(20);
    expect(byCode.get(late())).toEqual({ expected: 1, submitted: 1, late: 1, missing: 0 });
    expect(byCode.get(waived())).toEqual({ expected: 1, submitted: 0, late: 0, missing: 1 });
    const province = await client.as(
      'doha',
      'query($r: ID!, $p: String!) { unit(code: "49") { reportingCompleteness(regimeId: $r, period: $p) { expected onTime late missing } } }',
      { r: REGIME, p: PERIOD },
    );
    expect(province.unit.reportingCompleteness).toEqual({ expected: 20, onTime: 17, late: 1, missing: 2 });
  });

  it('d513 returns one report with a reason; the commune resubmits', async () => {
    const target = returned();
    const { returnReport } = await client.as(
      'd513',
      'mutation($id: ID!) { returnReport(id: $id, reason: "Thiếu số liệu tỷ lệ hài lòng quý III") { status returnReason } }',
      { id: reportId(target) },
    );
    expect(returnReport).toEqual({ status: 'RETURNED', returnReason: 'Thiếu số liệu tỷ lệ hài lòng quý III' });
    const { report } = await client.as(`c${target}`, 'query($id: ID!) { report(id: $id) { status returnReason } }', { id: reportId(target) });
    expect(report).toEqual({ status: 'RETURNED', returnReason: 'Thiếu số liệu tỷ lệ hài lòng quý III' });
    const again = await submit(target, { ...figuresOf(communes.indexOf(target)), HAI_LONG: 91 }, textOf(target));
    expect(again).toMatchObject({ status: 'SUBMITTED', submissions: 2, late: false, returnReason: null });
  });

  it("after the window closes a commune's edit is refused naming the lock date; d513 reopens it with a reason; the edit succeeds; history shows who reopened and why", async () => {
    const target = lockedOut();
    clock.set(at('2021-09-22'));
    const refused = await client.request(
      'mutation($id: ID!) { saveReportDraft(id: $id, input: { sections: [{ code: "ket-qua", text: "Bổ sung" }] }) { id } }',
      { id: reportId(target) },
      await client.login(`c${target}`),
    );
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toBe(
      'Báo cáo đã khóa từ ngày 22/09/2021 (hết thời hạn nhập liệu ngày 21/09/2021); đề nghị cấp trên mở lại báo cáo để chỉnh sửa.',
    );
    const { report: locked } = await client.as(`c${target}`, 'query($id: ID!) { report(id: $id) { lockReason } }', { id: reportId(target) });
    expect(locked.lockReason).toContain('22/09/2021');
    expect(await client.outcome(`c${target}`, 'mutation($id: ID!) { reopenReport(id: $id, reason: "tự mở") { id } }', { id: reportId(target) })).toBe(
      'FORBIDDEN',
    );
    await client.as('d513', 'mutation($id: ID!) { reopenReport(id: $id, reason: "Xã bị ảnh hưởng của bão số 5, mất điện nhiều ngày") { id } }', {
      id: reportId(target),
    });
    expect(await submit(target, figuresOf(communes.indexOf(target)), textOf(target))).toMatchObject({ status: 'SUBMITTED', late: true });
    const { report } = await client.as(
      'auditor',
      'query($id: ID!) { report(id: $id) { history { type data actor { username } } integrity { ok checkedEvents } } }',
      { id: reportId(target) },
    );
    expect(report.history.find((h: { type: string }) => h.type === 'ReportReopened')).toMatchObject({
      actor: { username: 'd513' },
      data: { reason: 'Xã bị ảnh hưởng của bão số 5, mất điện nhiều ngày', on: '2021-09-22', until: '2021-09-29' },
    });
    expect(report.integrity).toEqual({ ok: true, checkedEvents: report.history.length });
  });

  it('d513 cannot approve its own report while a child is outstanding; marks the last "không báo cáo", accepts all, and approves: its data items equal the rules applied to the communes\' figures', async () => {
    const own = reportId('513');
    const early = await client.request('mutation($id: ID!) { approveReport(id: $id) { id } }', { id: own }, await client.login('d513'));
    expect(early.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(early.errors?.[0].message).toContain('20 đơn vị cấp dưới');
    await client.as('d513', 'mutation($id: ID!) { waiveReport(id: $id, reason: "Xã đang thực hiện sắp xếp, báo cáo chung với xã sáp nhập") { status } }', {
      id: reportId(waived()),
    });
    for (const code of communes.filter((c) => c !== waived()))
      expect((await client.as('d513', 'mutation($id: ID!) { acceptReport(id: $id) { status } }', { id: reportId(code) })).acceptReport.status).toBe('ACCEPTED');
    const { approveReport } = await client.as(
      'd513',
      'mutation($id: ID!) { approveReport(id: $id) { status approvedOn items { code number } consolidation { accepted items { code value contributors { unitCode } } } } }',
      { id: own },
    );
    expect(approveReport).toMatchObject({ status: 'APPROVED', approvedOn: '2021-09-22', consolidation: { accepted: 19 } });
    const values = [...submitted.values()];
    const numbers = (code: string) => values.map((f) => f[code] as number);
    const sum = (code: string) => numbers(code).reduce((a, b) => a + b, 0);
    const expected: Record<string, number> = {
      NV_GIAO: sum('NV_GIAO'),
      NV_HT: sum('NV_HT'),
      TTHC_HS: sum('TTHC_HS'),
      HAI_LONG: sum('HAI_LONG') / values.length,
      HL_THAP: Math.min(...numbers('HL_THAP')),
      TIEN_DO: values.reduce((a, f) => a + (f.TIEN_DO as number) * (f.NV_GIAO as number), 0) / sum('NV_GIAO'),
      MOT_CUA_DT: values.filter((f) => f.MOT_CUA_DT === true).length,
    };
    expect(values).toHaveLength(19);
    for (const [code, value] of Object.entries(expected)) {
      const item = approveReport.items.find((i: { code: string }) => i.code === code);
      expect([code, item.number]).toEqual([code, expect.closeTo(value, 5)]);
    }
    expect(approveReport.consolidation.items.find((i: { code: string }) => i.code === 'NV_GIAO').contributors).toHaveLength(19);
    const { reportingCompleteness } = await client.as(
      'd513',
      'query($r: ID!, $p: String!) { reportingCompleteness(regimeId: $r, period: $p, unitCode: "513") { expected submitted onTime late missing accepted waived } }',
      { r: REGIME, p: PERIOD },
    );
    expect(reportingCompleteness).toEqual({ expected: 20, submitted: 19, onTime: 17, late: 2, missing: 0, accepted: 19, waived: 1 });
  });

  it("a report that cites an assignment appears in that task's timeline: expected, submitted, accepted (reporting's events, through the tasks subgraph)", async () => {
    const { assignment } = await client.as('c20794', 'query($id: ID!) { assignment(id: $id) { planId taskId } }', { id: reportedAssignmentId });
    const query = `query($p: ID!, $t: ID!, $u: ID) { taskTimeline(planId: $p, taskId: $t, unitCode: $u) { service type assignmentId summary unit { code } } }`;
    await eventually(
      async () => {
        const { taskTimeline } = await client.as('d513', query, { p: assignment.planId, t: assignment.taskId });
        const reporting = taskTimeline.filter((entry: { service: string }) => entry.service === 'reporting');
        expect(reporting.map((entry: { type: string }) => entry.type)).toEqual(expect.arrayContaining(['ReportExpected', 'ReportSubmitted', 'ReportAccepted']));
        const submittedEntry = reporting.find(
          (entry: { type: string; unit: { code: string } }) => entry.type === 'ReportSubmitted' && entry.unit.code === '20794',
        );
        expect(submittedEntry).toMatchObject({
          assignmentId: reportedAssignmentId,
          summary: expect.stringContaining('quý III năm 2021 của đơn vị 20794 ngày 16/09/2021 (đúng hạn)'),
        });
      },
      { timeoutMs: 20_000, intervalMs: 250 },
    );
    // The commune's own thread holds its report's entries and none of its siblings'.
    const { taskTimeline: own } = await client.as('c20794', query, { p: assignment.planId, t: assignment.taskId, u: '20794' });
    const units = new Set(
      own.filter((entry: { service: string }) => entry.service === 'reporting').map((entry: { unit: { code: string } }) => entry.unit.code),
    );
    expect([...units]).toEqual(['20794']);
  });

  it("exports the consolidated report as a valid .docx (national title, number, date line, every commune's section) and the data items as .xlsx, one row per commune", async () => {
    const { reportExport: word } = await client.as('d513', 'query($id: ID!) { reportExport(id: $id, format: DOCX) { fileName mediaType base64 } }', {
      id: reportId('513'),
    });
    expect(word.fileName).toBe('bao-cao-513-2021-Q3.docx');
    const zip = await JSZip.loadAsync(Buffer.from(word.base64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const words of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN',
      'HUYỆN THĂNG BÌNH',
      '/BC-UBND',
      'Thăng Bình, ngày 22 tháng 9 năm 2021',
      'BÁO CÁO',
      'quý III năm 2021',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
    ])
      expect([words, text.includes(words)]).toEqual([words, true]);
    for (const code of communes.filter((c) => c !== waived())) expect([code, text.includes(textOf(code))]).toEqual([code, true]);

    const { reportExport: excel } = await client.as('d513', 'query($id: ID!) { reportExport(id: $id, format: XLSX) { fileName base64 } }', {
      id: reportId('513'),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(excel.base64, 'base64') as never);
    const sheet = workbook.getWorksheet('Số liệu')!;
    const header = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
    const column = (name: string) => header.findIndex((h) => h.startsWith(name)) + 1;
    const rows = [] as Array<{ code: string; values: ExcelJS.Row }>;
    sheet.eachRow((row, n) => {
      if (n > 2 && /^\d+$/.test(String(row.getCell(1).value ?? ''))) rows.push({ code: String(row.getCell(1).value), values: row });
    });
    expect(rows.map((r) => r.code)).toEqual(communes);
    for (const { code, values } of rows) {
      const figures = submitted.get(code);
      if (figures) expect([code, values.getCell(column('Số hồ sơ')).value]).toEqual([code, figures.TTHC_HS]);
      else expect([code, values.getCell(3).value]).toEqual([code, 'Không báo cáo']);
    }
  });

  it("the access rules: a commune cannot read its sibling's report, a district another district's, the auditor reads and changes nothing", async () => {
    const sibling = communes.find((code) => code !== '20794')!;
    expect(await client.outcome('c20794', 'query($id: ID!) { report(id: $id) { id } }', { id: reportId(sibling) })).toBe('FORBIDDEN');
    expect(await client.outcome('c20794', 'query($id: ID!) { reportExport(id: $id, format: DOCX) { fileName } }', { id: reportId('513') })).toBe('FORBIDDEN');
    expect(await client.outcome('c20794', '{ reportsToReview(reviewerCode: "513") { id } }')).toBe('FORBIDDEN');
    expect(await client.outcome('d509', 'query($id: ID!) { report(id: $id) { id } }', { id: reportId('20794') })).toBe('FORBIDDEN');
    expect(
      await client.outcome('d509', 'query($r: ID!, $p: String!) { reportingCompleteness(regimeId: $r, period: $p, unitCode: "513") { expected } }', {
        r: REGIME,
        p: PERIOD,
      }),
    ).toBe('FORBIDDEN');
    expect(await client.outcome('d509', '{ reports(unitCode: "20794") { id } }')).toBe('FORBIDDEN');
    expect(await client.outcome('auditor', 'query($id: ID!) { report(id: $id) { id items { code } } }', { id: reportId('20794') })).toBe('OK');
    const events = async () =>
      (await platform.reporting.get(DataSource).query(`SELECT count(*)::int AS n FROM reporting.events WHERE event_type <> 'AuditorQueried'`))[0].n;
    const before = await events();
    for (const [mutation, variables] of [
      ['mutation($id: ID!) { submitReport(id: $id, input: {}) { id } }', { id: reportId('20794') }],
      ['mutation($id: ID!) { acceptReport(id: $id) { id } }', { id: reportId('20794') }],
      ['mutation($id: ID!) { returnReport(id: $id, reason: "x") { id } }', { id: reportId('20794') }],
      ['mutation($id: ID!) { reopenReport(id: $id, reason: "x") { id } }', { id: reportId('20794') }],
      ['mutation($id: ID!) { waiveReport(id: $id, reason: "x") { id } }', { id: reportId('20794') }],
      ['mutation($id: ID!) { approveReport(id: $id) { id } }', { id: reportId('513') }],
      ['mutation { openReportingPeriod(regimeId: "thang-binh-cchc", period: "2021-Q4") { period } }', {}],
    ] as Array<[string, Record<string, unknown>]>)
      expect([mutation, await client.outcome('auditor', mutation, variables)]).toEqual([mutation, 'FORBIDDEN']);
    expect(await events()).toBe(before);
  });

  it('reminders are events: before the deadline and the day after it, for units that have not submitted', async () => {
    clock.set(at('2021-12-14'));
    await client.as('d513', 'mutation { openReportingPeriod(regimeId: "thang-binh-cchc", period: "2021-Q4") { period } }');
    const scheduler = platform.reporting.get(ReminderScheduler);
    const reporting = platform.reporting.get(DataSource);
    // Counted in the store, whichever tick (the service's own timer, or these) recorded them.
    const reminders = async (kind: string) =>
      (
        await reporting.query(
          `SELECT count(*)::int AS n FROM reporting.events WHERE event_type = 'ReportReminderIssued' AND stream_id LIKE 'report-thang-binh-cchc~2021-Q4~%' AND data->>'kind' = $1`,
          [kind],
        )
      )[0].n;
    await scheduler.tick();
    expect(await reminders('BEFORE_DEADLINE')).toBe(20);
    await scheduler.tick(); // once per kind: nothing more
    expect(await reminders('BEFORE_DEADLINE')).toBe(20);
    await client.as(
      'c20794',
      'mutation { submitReport(id: "thang-binh-cchc~2021-Q4~20794", input: { items: [{ code: "NV_GIAO", number: 1 }, { code: "NV_HT", number: 0 }] }) { id } }',
    );
    clock.set(at('2021-12-17')); // the commune deadline is 16/12
    await scheduler.tick();
    expect(await reminders('AFTER_DEADLINE')).toBe(19);
    const { report } = await client.as('d513', '{ report(id: "thang-binh-cchc~2021-Q4~20797") { reminders { kind on } } }');
    expect(report.reminders).toEqual([
      { kind: 'BEFORE_DEADLINE', on: '2021-12-14' },
      { kind: 'AFTER_DEADLINE', on: '2021-12-17' },
    ]);
    const { report: submittedOne } = await client.as('c20794', '{ report(id: "thang-binh-cchc~2021-Q4~20794") { reminders { kind } } }');
    expect(submittedOne.reminders).toEqual([{ kind: 'BEFORE_DEADLINE' }]);
  });

  it("today's two tiers: Đà Nẵng's monthly regime over its 94 communes, wards and special zone has one level of deadlines; its completeness for the month is one query", async () => {
    clock.set(at('2025-10-20'));
    const { openReportingPeriod } = await client.as(
      'danang',
      'mutation { openReportingPeriod(regimeId: "da-nang-cchc-thang", period: "2025-10") { expected cutOffFrom cutOffTo deadlines { level dueOn } } }',
    );
    expect(openReportingPeriod).toEqual({
      expected: 94,
      cutOffFrom: '2025-09-15',
      cutOffTo: '2025-10-14',
      deadlines: [{ level: 'COMMUNE', dueOn: '2025-10-17' }],
    });
    const { unit } = await client.as(
      'danang',
      '{ unit(code: "48") { reportingCompleteness(regimeId: "da-nang-cchc-thang", period: "2025-10") { expected submitted missing onTimeRate } } }',
    );
    expect(unit.reportingCompleteness).toEqual({ expected: 94, submitted: 0, missing: 94, onTimeRate: 0 });
  });
});
