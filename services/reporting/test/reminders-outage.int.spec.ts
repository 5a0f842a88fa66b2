import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FixedClock } from '@reform/clock';
import { InProcessBus } from '@reform/messaging';
import { eventually, OwnPostgres, startOwnPostgres, TEST_SIGNING_KEYS } from '@reform/testing';
import { publishUnits, TestUnit } from '@reform/unit-hierarchy';
import { createReportingApp, DEMO_FORM, PeriodOpening } from '../src';

/**
 * The reminder loop across a PostgreSQL outage, on a server of its own that this test stops and
 * starts again (never the shared one, ADR 0005): the loop's timer runs (no `tick()` called by the
 * test), PostgreSQL is gone for about 15 s while reminders fall due, and once it is back the loop
 * records them, once each. The loop's only dependency is PostgreSQL (reminders are not published).
 */
const COMMUNES = ['70001', '70002', '70003', '70004'];
const UNITS: TestUnit[] = [
  { code: '70', name: 'Tỉnh Thử Nghiệm', level: 'PROVINCE', parentCode: null },
  { code: '700', name: 'Huyện Thử Nghiệm', level: 'DISTRICT', parentCode: '70' },
  ...COMMUNES.map((code): TestUnit => ({ code, name: `Xã ${code}`, level: 'COMMUNE', parentCode: '700' })),
];

describe('the reminder loop across a PostgreSQL outage', () => {
  let postgres: OwnPostgres;
  let app: INestApplication;
  let dataSource: DataSource;
  const bus = new InProcessBus();
  // 2025-Q2: cut-off 14/6, the communes' deadline two working days after it (17/6).
  const clock = new FixedClock('2025-06-10T03:00:00Z');
  const reminders = async (kind: string): Promise<number> =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM reporting.events WHERE event_type = 'ReportReminderIssued' AND data->>'kind' = $1`, [kind]))[0].n;

  beforeAll(async () => {
    postgres = await startOwnPostgres();
    app = await createReportingApp({
      databaseUrl: postgres.url,
      bus,
      signingKeys: [...TEST_SIGNING_KEYS],
      port: 0,
      logger: false,
      poolSize: 4,
      clock,
      reminders: { intervalMs: 250 },
    });
    dataSource = app.get(DataSource);
    await publishUnits(bus, UNITS);
    await eventually(async () => expect((await dataSource.query(`SELECT count(*)::int AS n FROM reporting.units`))[0].n).toBe(UNITS.length), {
      timeoutMs: 20_000,
    });
    const regime = {
      id: 'outage-regime',
      ownerCode: '700',
      name: 'Báo cáo hằng quý (thử mất kết nối)',
      kind: 'PERIODIC' as const,
      periodTypes: ['QUARTER' as const],
      cutOff: { rule: 'DECREE_09' as const },
      deadlines: [
        { level: 'COMMUNE' as const, rule: 'WORKING_DAYS_AFTER_CUT_OFF' as const, days: 2 },
        { level: 'DISTRICT' as const, rule: 'WORKING_DAYS_AFTER_CUT_OFF' as const, days: 4 },
      ],
      lockAfterDays: 5,
      selector: { text: 'UBND các xã', levels: ['COMMUNE' as const], unitCodes: [] },
      form: DEMO_FORM,
      planIds: [],
      source: null,
    };
    const opened = await app.get(PeriodOpening).openAs({ accountId: 'test', username: 'test', unitCode: '700' }, regime, '2025-Q2');
    expect(opened.expected).toBe(COMMUNES.length);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await bus.close();
    await postgres?.destroy();
  });

  it('reminds before the deadline by its own timer', async () => {
    expect(await reminders('BEFORE_DEADLINE')).toBe(0);
    clock.set('2025-06-15T03:00:00Z');
    await eventually(async () => expect(await reminders('BEFORE_DEADLINE')).toBe(COMMUNES.length), { timeoutMs: 20_000, intervalMs: 200 });
  });

  it('survives PostgreSQL gone for about 15 s while the deadline passes, and resumes: each late report reminded once', async () => {
    await postgres.crash();
    // The deadline passes while the database is away: every tick of these 15 s fails.
    clock.set('2025-06-18T03:00:00Z');
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    await postgres.start();
    const back = Date.now();
    await eventually(async () => expect(await reminders('AFTER_DEADLINE')).toBe(COMMUNES.length), { timeoutMs: 60_000, intervalMs: 250 });
    process.stdout.write(`reminders: resumed ${Date.now() - back} ms after PostgreSQL came back\n`);
    // The loop keeps going and adds nothing twice.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect({ before: await reminders('BEFORE_DEADLINE'), after: await reminders('AFTER_DEADLINE') }).toEqual({
      before: COMMUNES.length,
      after: COMMUNES.length,
    });
  }, 120_000);
});
