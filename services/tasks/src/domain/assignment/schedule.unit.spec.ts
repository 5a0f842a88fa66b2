import { periodsOf, Schedule, scheduleFor } from './schedule';

const ongoing = (every?: string[]) => ({ dueOn: null, timeframe: { kind: 'ongoing', text: 'Thường xuyên', ...(every ? { every } : {}) } });
const first = (schedule: Schedule, n: number) => {
  if (schedule.kind !== 'periodic') throw new Error('not periodic');
  const out = [];
  for (const period of periodsOf(schedule)) {
    out.push(period.to);
    if (out.length === n) break;
  }
  return out;
};

describe('schedules that make sense', () => {
  it.each<[string, Parameters<typeof scheduleFor>[0], Parameters<typeof scheduleFor>[1], Schedule]>([
    [
      'a one-off task keeps its one day',
      { dueOn: '2023-09-30', timeframe: { kind: 'quarter' } },
      { years: { from: 2023, to: 2023 }, assignedOn: '2023-05-10' },
      { kind: 'once', dueOn: '2023-09-30' },
    ],
    [
      'a one-off day already gone when the plan was issued falls on the issue day',
      { dueOn: '2023-03-31', timeframe: { kind: 'quarter' } },
      { years: { from: 2023, to: 2023 }, assignedOn: '2023-05-10' },
      { kind: 'once', dueOn: '2023-05-10' },
    ],
    [
      'ongoing, plan of one year issued in May: the quarters from the one holding the issue day',
      ongoing(),
      { years: { from: 2023, to: 2023 }, assignedOn: '2023-05-10' },
      {
        kind: 'periodic',
        every: 'quarter',
        periods: [
          { from: '2023-03-15', to: '2023-06-14' },
          { from: '2023-06-15', to: '2023-09-14' },
          { from: '2023-09-15', to: '2023-12-14' },
        ],
      },
    ],
    [
      'ongoing, plan of 2021–2022: half-years of both years',
      ongoing(['half']),
      { years: { from: 2021, to: 2022 }, assignedOn: '2021-01-14' },
      {
        kind: 'periodic',
        every: 'half',
        periods: [
          { from: '2020-12-15', to: '2021-06-14' },
          { from: '2021-06-15', to: '2021-12-14' },
          { from: '2021-12-15', to: '2022-06-14' },
          { from: '2022-06-15', to: '2022-12-14' },
        ],
      },
    ],
    [
      'ongoing, "năm 2023 và những năm tiếp theo": continues, a whole year listed after the issue year',
      ongoing(['half']),
      { years: { from: 2023, to: null }, assignedOn: '2023-08-01' },
      {
        kind: 'periodic',
        every: 'half',
        continues: true,
        periods: [
          { from: '2023-06-15', to: '2023-12-14' },
          { from: '2023-12-15', to: '2024-06-14' },
          { from: '2024-06-15', to: '2024-12-14' },
        ],
      },
    ],
    [
      'yearly in month 2, plan without an end: each February from the issue on',
      { dueOn: null, timeframe: { kind: 'yearly', month: 2 } },
      { years: { from: 2023, to: null }, assignedOn: '2023-05-10' },
      { kind: 'periodic', every: 'year', continues: true, periods: [{ from: '2023-12-15', to: '2024-02-29' }] },
    ],
    [
      'a plan year alone is a plan of that year (as before)',
      ongoing(['year']),
      2025,
      { kind: 'periodic', every: 'year', periods: [{ from: '2024-12-15', to: '2025-12-14' }] },
    ],
  ])('%s', (_name, task, context, expected) => expect(scheduleFor(task, context)).toEqual(expected));

  it('no period of a plan issued in 2023 is due before its issue day, and its ongoing tasks recur in 2024 and after', () => {
    const schedule = scheduleFor(ongoing(), { years: { from: 2023, to: null }, assignedOn: '2023-05-10' });
    const days = first(schedule, 12);
    expect(days.every((day) => day >= '2023-05-10')).toBe(true);
    expect(days).toEqual([
      '2023-06-14',
      '2023-09-14',
      '2023-12-14',
      '2024-03-14',
      '2024-06-14',
      '2024-09-14',
      '2024-12-14',
      '2025-03-14',
      '2025-06-14',
      '2025-09-14',
      '2025-12-14',
      '2026-03-14',
    ]);
  });

  it('a continuing yearly schedule keeps the last day of February in leap and common years', () => {
    expect(
      first(scheduleFor({ dueOn: null, timeframe: { kind: 'yearly', month: 2 } }, { years: { from: 2023, to: null }, assignedOn: '2023-05-10' }), 4),
    ).toEqual(['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28']);
  });
});
