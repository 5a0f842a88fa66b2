import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { FixedClock } from '@reform/clock';
import { PlanIssuedV1 } from '@reform/contracts';
import { eventually } from '@reform/testing';
import { readCsv } from '../src/domain/papi/papi-results';
import { ScoringTestBed, useTokens } from './scoring-test-kit';

const DATA = join(__dirname, '../../../docs/domain/data/papi');
const csv = (year: number) => readFileSync(join(DATA, `papi-${year}.csv`), 'utf8');
const IMPORT =
  'mutation($y: Int!, $f: FileContent!, $t: ImportFormat!) { importPapiResults(year: $y, file: $f, format: $t) { year revision provinces ranked sha256 } }';
const RESULTS =
  'query($y: Int!) { papiResults(year: $y) { provinceCode provinceName ranked total rank rankedCount group previousTotal previousRank rankChange dimensions { code score rank group } } }';

describe('PAPI results through the scoring subgraph (real PostgreSQL)', () => {
  const bed = new ScoringTestBed('scoring_papi', new FixedClock('2025-05-01T03:00:00Z'));
  beforeAll(async () => {
    await bed.start();
    await useTokens(bed.client, { admin: [['PLATFORM_ADMIN', '46']], auditor: [['AUDITOR', '46']], d477: [['UNIT_MANAGER', '477']] });
  });
  afterAll(() => bed.stop());

  it('imports 2022 and 2023 as CSV and 2024 as XLSX; ranks, groups and changes as published', async () => {
    for (const year of [2022, 2023])
      expect((await bed.client.as('admin', IMPORT, { y: year, f: csv(year), t: 'CSV' })).importPapiResults).toMatchObject({ year, revision: 1, provinces: 63 });
    // The same table in an Excel workbook.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('PAPI 2024');
    readCsv(csv(2024)).forEach((line, i) => sheet.addRow(i === 0 ? line : line.map((cell, j) => (j < 2 || cell === '' ? cell : Number(cell)))));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect((await bed.client.as('admin', IMPORT, { y: 2024, f: xlsx, t: 'XLSX' })).importPapiResults).toMatchObject({ year: 2024, provinces: 63, ranked: 61 });

    const { papiResults: y2023 } = await bed.client.as('d477', RESULTS, { y: 2023 });
    expect(y2023[0]).toMatchObject({ provinceCode: '46', total: 46.0415, rank: 1, rankedCount: 61, group: 'HIGHEST', ranked: true });
    expect(y2023.find((r: { provinceCode: string }) => r.provinceCode === '22')).toMatchObject({ ranked: false, total: null, rank: null, group: null });
    const { papiResults: y2024 } = await bed.client.as('auditor', RESULTS, { y: 2024 });
    expect(y2024[0]).toMatchObject({
      provinceCode: '22',
      total: 47.8212,
      rank: 1,
      group: 'HIGHEST',
      previousTotal: null,
      previousRank: null,
      rankChange: null,
    });
    expect(y2024[0].dimensions.map((d: { group: string }) => d.group)).toHaveLength(8);
    const hue2024 = y2024.find((r: { provinceCode: string }) => r.provinceCode === '46');
    expect(hue2024.previousRank).toBe(1);
    expect(hue2024.rankChange).toBe(1 - hue2024.rank);

    const { papiProfile } = await bed.client.as('d477', 'query { papiProfile(provinceCode: "46") { year total rank } }');
    expect(papiProfile.map((p: { year: number }) => p.year)).toEqual([2022, 2023, 2024]);
    expect(papiProfile[1]).toEqual({ year: 2023, total: 46.0415, rank: 1 });
  });

  it('the same file twice records nothing more', async () => {
    const before = await bed.events();
    expect((await bed.client.as('admin', IMPORT, { y: 2023, f: csv(2023), t: 'CSV' })).importPapiResults.revision).toBe(1);
    expect(await bed.events()).toBe(before);
  });

  it('refuses a bad table naming the field, line and column, storing nothing; refuses anyone but an administrator', async () => {
    const before = await bed.events();
    const broken = csv(2021).replace(/\n01,([^,]*),[0-9.]+,/, '\n01,$1,12.5,');
    const { errors } = await bed.client.request(IMPORT, { y: 2021, f: broken, t: 'CSV' }, await bed.client.login('admin'));
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toBe('file: dòng 2, cột "dimension_1": 12.5 nằm ngoài khoảng 1–10.');
    expect(errors?.[0].extensions?.field).toBe('file');
    expect(await bed.client.outcome('auditor', IMPORT, { y: 2021, f: csv(2021), t: 'CSV' })).toBe('FORBIDDEN');
    expect(await bed.client.outcome('d477', IMPORT, { y: 2021, f: csv(2021), t: 'CSV' })).toBe('FORBIDDEN');
    expect(await bed.events()).toBe(before);
  });

  it("a plan's PAPI sections get the issuer's province's latest dimension score, rank and group", async () => {
    const task = (taskId: string, sectionCode: string) => ({
      taskId,
      sectionCode,
      text: 'Nhiệm vụ',
      target: null,
      timeframe: { kind: 'ongoing' as const, text: 'Thường xuyên' },
      dueOn: null,
      lead: [],
      implementing: ['19867'],
      monitoring: [],
      expectedResult: null,
    });
    const plan: PlanIssuedV1 = {
      planId: `plan-${randomUUID()}`,
      number: '67/KH-UBND',
      title: 'Kế hoạch nâng cao chỉ số PAPI',
      issuerCode: '477',
      issuedOn: '2025-04-16',
      year: 2025,
      implementsPlanId: null,
      tasks: [task('t1', 'PAPI 2'), task('t2', 'PAPI 6.1'), task('t3', 'PAR_INDEX 1')],
      cascade: null,
    };
    const eventId = randomUUID();
    await bed.bus.publish({
      eventId,
      name: PlanIssuedV1.name,
      version: 1,
      subject: PlanIssuedV1.subject,
      data: PlanIssuedV1.validate(plan),
      metadata: {
        actor: { accountId: 'a', username: 'd477', unitCode: '477' },
        tenant: '477',
        correlationId: eventId,
        causationId: null,
        recordedAt: new Date().toISOString(),
        stream: plan.planId,
        streamVersion: 1,
      },
    });
    const Q =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Plan { papiScores { indicatorCode dimensionCode provinceCode year score rank group subScore } } } }';
    const { papiResults } = await bed.client.as(
      'd477',
      'query { papiResults(year: 2024) { provinceCode dimensions { code score rank group subDimensions { code score } } } }',
    );
    const hue = papiResults.find((r: { provinceCode: string }) => r.provinceCode === '46');
    await eventually(async () => {
      const { _entities } = await bed.client.as('d477', Q, { r: [{ __typename: 'Plan', id: plan.planId }] });
      expect(_entities[0].papiScores).toEqual([
        {
          indicatorCode: '2',
          dimensionCode: '2',
          provinceCode: '46',
          year: 2024,
          score: hue.dimensions[1].score,
          rank: hue.dimensions[1].rank,
          group: hue.dimensions[1].group,
          subScore: null,
        },
        {
          indicatorCode: '6.1',
          dimensionCode: '6',
          provinceCode: '46',
          year: 2024,
          score: hue.dimensions[5].score,
          rank: hue.dimensions[5].rank,
          group: hue.dimensions[5].group,
          subScore: hue.dimensions[5].subDimensions[0].score,
        },
      ]);
    });
  });
});
