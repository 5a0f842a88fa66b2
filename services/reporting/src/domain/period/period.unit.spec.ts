import { DomainError } from '@reform/decider';
import { WorkingCalendar } from '../calendar/working-days';
import { deadlinesOf, DeadlineRule } from './deadlines';
import { cutOffOf, parsePeriod } from './period';

describe("Decree 09's data cut-off, for every period type", () => {
  it.each([
    // [period, from, to]
    ['2021-Q3', '2021-06-15', '2021-09-14'], // the example
    ['2021-Q1', '2020-12-15', '2021-03-14'], // across the year end
    ['2021-Q4', '2021-09-15', '2021-12-14'],
    ['2021-09', '2021-08-15', '2021-09-14'],
    ['2021-01', '2020-12-15', '2021-01-14'], // a January starts in December of the year before
    ['2024-03', '2024-02-15', '2024-03-14'], // a leap year changes nothing: the 15th to the 14th
    ['2021-H1', '2020-12-15', '2021-06-14'],
    ['2021-M9', '2020-12-15', '2021-09-14'],
    ['2021', '2020-12-15', '2021-12-14'],
  ])('%s: %s to %s', (key, from, to) => {
    expect(cutOffOf(parsePeriod(key))).toEqual({ from, to });
  });

  it('overridden by a regime: another starting day, the calendar months, fixed days for an ad hoc report', () => {
    expect(cutOffOf(parsePeriod('2021-Q3'), { rule: 'FROM_DAY', day: 20 })).toEqual({ from: '2021-06-20', to: '2021-09-19' });
    expect(cutOffOf(parsePeriod('2021-Q1'), { rule: 'CALENDAR' })).toEqual({ from: '2021-01-01', to: '2021-03-31' });
    expect(cutOffOf(parsePeriod('2024-02'), { rule: 'CALENDAR' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(cutOffOf(parsePeriod('AD_HOC'), { rule: 'FIXED', from: '2021-07-01', to: '2021-08-31' })).toEqual({ from: '2021-07-01', to: '2021-08-31' });
  });

  it.each(['2021-Q5', '2021-13', '2021-H2', '21-Q1', 'quý 3'])('refuses "%s" in Vietnamese, naming the field', (key) => {
    try {
      parsePeriod(key);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).field).toBe('period');
      expect((error as DomainError).message).toContain('Kỳ báo cáo');
    }
  });
});

describe('working days from the holiday calendar', () => {
  const calendar = new WorkingCalendar();
  it.each([
    ['2021-09-02', false], // Quốc khánh
    ['2021-09-03', false],
    ['2021-09-06', true],
    ['2021-02-12', false], // Tết Tân Sửu
    ['2021-02-17', true],
    ['2021-09-18', false], // a Saturday
    ['2024-05-04', true], // a Saturday worked to make up 29/4
    ['2023-01-02', false], // Tết Dương lịch's compensatory day
  ])('%s working: %s', (day, working) => expect(calendar.isWorkingDay(day)).toBe(working));

  it('refuses a year it holds no data for, rather than guessing', () => {
    expect(() => calendar.isWorkingDay('2030-01-02')).toThrow('Chưa có lịch nghỉ lễ năm 2030');
  });
});

describe("each level's deadline, at least one working day apart", () => {
  const calendar = new WorkingCalendar();
  const threeLevels: DeadlineRule[] = [
    { level: 'COMMUNE', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 2 },
    { level: 'DISTRICT', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 4 },
    { level: 'PROVINCE', rule: 'DAY_OF_MONTH', day: 25 },
  ];
  it.each([
    // [period, rules, lockAfterDays, expected [level, dueOn, closesOn][]]
    [
      '2021-Q3',
      threeLevels,
      5,
      [
        ['COMMUNE', '2021-09-16', '2021-09-21'],
        ['DISTRICT', '2021-09-20', '2021-09-25'],
        ['PROVINCE', '2021-09-27', '2021-10-02'],
      ],
    ], // 25/9/2021 is a Saturday
    // Tết in the way: February 2021's cut-off ends on 14/2, inside Tết (10–16/2).
    [
      '2021-02',
      threeLevels,
      0,
      [
        ['COMMUNE', '2021-02-18', '2021-02-18'],
        ['DISTRICT', '2021-02-22', '2021-02-22'],
        ['PROVINCE', '2021-02-25', '2021-02-25'],
      ],
    ],
    // National Day in the way: August 2021 ends its cut-off on Saturday 14/8; a day-of-month rule
    // falling on 2/9 moves past 2–3/9 and the weekend.
    [
      '2021-08',
      [
        { level: 'COMMUNE', rule: 'DAY_OF_MONTH', day: 2, monthsAfter: 1 },
        { level: 'DISTRICT', rule: 'DAY_OF_MONTH', day: 3, monthsAfter: 1 },
      ],
      3,
      [
        ['COMMUNE', '2021-09-06', '2021-09-09'],
        ['DISTRICT', '2021-09-07', '2021-09-10'],
      ],
    ],
    // Across the year end: December 2022's report due on the 30th, the district's the next working
    // day, which is not 2/1/2023 (Tết Dương lịch's compensatory day) but 3/1.
    [
      '2022-12',
      [
        { level: 'COMMUNE', rule: 'DAY_OF_MONTH', day: 30 },
        { level: 'DISTRICT', rule: 'DAY_OF_MONTH', day: 30 },
      ],
      2,
      [
        ['COMMUNE', '2022-12-30', '2023-01-01'],
        ['DISTRICT', '2023-01-03', '2023-01-05'],
      ],
    ],
    // A year: cut-off 15/12/2020–14/12/2021 (Tuesday), deadlines within the year.
    [
      '2021',
      threeLevels,
      3,
      [
        ['COMMUNE', '2021-12-16', '2021-12-19'],
        ['DISTRICT', '2021-12-20', '2021-12-23'],
        ['PROVINCE', '2021-12-27', '2021-12-30'],
      ],
    ],
    [
      '2021-H1',
      threeLevels,
      3,
      [
        ['COMMUNE', '2021-06-16', '2021-06-19'],
        ['DISTRICT', '2021-06-18', '2021-06-21'],
        ['PROVINCE', '2021-06-25', '2021-06-28'],
      ],
    ],
    [
      '2021-M9',
      threeLevels,
      3,
      [
        ['COMMUNE', '2021-09-16', '2021-09-19'],
        ['DISTRICT', '2021-09-20', '2021-09-23'],
        ['PROVINCE', '2021-09-27', '2021-09-30'],
      ],
    ],
    // Two levels given the same rule: the upper one moves one working day on (today's two tiers keep one level).
    [
      '2025-09',
      [
        { level: 'COMMUNE', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 1 },
        { level: 'PROVINCE', rule: 'WORKING_DAYS_AFTER_CUT_OFF', days: 1 },
      ],
      0,
      [
        ['COMMUNE', '2025-09-15', '2025-09-15'],
        ['PROVINCE', '2025-09-16', '2025-09-16'],
      ],
    ],
  ] as Array<[string, DeadlineRule[], number, Array<[string, string, string]>]>)('%s', (key, rules, lock, expected) => {
    const period = parsePeriod(key);
    const deadlines = deadlinesOf(period, cutOffOf(period), rules, lock, calendar);
    expect(deadlines.map((d) => [d.level, d.dueOn, d.closesOn])).toEqual(expected);
    for (let i = 1; i < deadlines.length; i++) expect(calendar.workingDaysBetween(deadlines[i - 1].dueOn, deadlines[i].dueOn)).toBeGreaterThanOrEqual(1);
    for (const d of deadlines) expect(calendar.isWorkingDay(d.dueOn)).toBe(true);
  });

  it('refuses a level twice, naming the field', () => {
    expect(() => deadlinesOf(parsePeriod('2021-Q3'), cutOffOf(parsePeriod('2021-Q3')), [threeLevels[0], threeLevels[0]], 0, calendar)).toThrow(
      'mỗi cấp một thời hạn',
    );
  });
});
