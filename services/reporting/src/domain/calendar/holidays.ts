/* Pure (type:domain): the public-holiday calendar as data, one entry per year. */

/**
 * Days off for public holidays in Viet Nam (Labour Code 2019, art. 112, and each year's decision
 * of the Prime Minister / the Ministry of Labour on Tết and compensatory days), as data so that a
 * new year is a new entry, never a code change. `daysOff` are weekdays and weekend days on which
 * offices are closed for a holiday (the weekend ones change nothing but are kept as announced);
 * `workingWeekendDays` are Saturdays worked to make up a swapped day ("làm bù").
 *
 * 2020–2025 follow the published decisions. 2026 and 2027 are the fixed days of the Labour Code and
 * the lunar dates (Tết, the Hùng Kings' day) with the usual weekend compensation: marked
 * `provisional` so that an operator confirms them against that year's decision (FACTS.md: a
 * figure to check is data, not code).
 */
export interface HolidayYear {
  readonly year: number;
  readonly provisional?: boolean;
  readonly daysOff: ReadonlyArray<{ readonly day: string; readonly name: string }>;
  readonly workingWeekendDays?: readonly string[];
}

const range = (from: string, to: string, name: string) => {
  const days: Array<{ day: string; name: string }> = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    days.push({ day: new Date(t).toISOString().slice(0, 10), name });
  return days;
};

export const HOLIDAYS: readonly HolidayYear[] = [
  {
    year: 2020,
    daysOff: [
      { day: '2020-01-01', name: 'Tết Dương lịch' },
      ...range('2020-01-23', '2020-01-29', 'Tết Nguyên đán Canh Tý'),
      { day: '2020-04-02', name: 'Giỗ Tổ Hùng Vương' },
      { day: '2020-04-30', name: 'Ngày Giải phóng miền Nam' },
      { day: '2020-05-01', name: 'Ngày Quốc tế Lao động' },
      { day: '2020-09-02', name: 'Quốc khánh' },
    ],
  },
  {
    year: 2021,
    daysOff: [
      { day: '2021-01-01', name: 'Tết Dương lịch' },
      ...range('2021-02-10', '2021-02-16', 'Tết Nguyên đán Tân Sửu'),
      { day: '2021-04-21', name: 'Giỗ Tổ Hùng Vương' },
      { day: '2021-04-30', name: 'Ngày Giải phóng miền Nam' },
      { day: '2021-05-01', name: 'Ngày Quốc tế Lao động' },
      { day: '2021-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động' },
      { day: '2021-09-02', name: 'Quốc khánh' },
      { day: '2021-09-03', name: 'Quốc khánh' },
    ],
  },
  {
    year: 2022,
    daysOff: [
      { day: '2022-01-01', name: 'Tết Dương lịch' },
      { day: '2022-01-03', name: 'Nghỉ bù Tết Dương lịch' },
      ...range('2022-01-29', '2022-02-06', 'Tết Nguyên đán Nhâm Dần'),
      { day: '2022-04-10', name: 'Giỗ Tổ Hùng Vương' },
      { day: '2022-04-11', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
      ...range('2022-04-30', '2022-05-03', 'Ngày Giải phóng miền Nam, Quốc tế Lao động (và nghỉ bù)'),
      { day: '2022-09-01', name: 'Quốc khánh' },
      { day: '2022-09-02', name: 'Quốc khánh' },
    ],
  },
  {
    year: 2023,
    daysOff: [
      ...range('2022-12-31', '2023-01-02', 'Tết Dương lịch (và nghỉ bù)').filter((d) => d.day >= '2023-01-01'),
      ...range('2023-01-20', '2023-01-26', 'Tết Nguyên đán Quý Mão'),
      ...range('2023-04-29', '2023-05-03', 'Giỗ Tổ Hùng Vương, Giải phóng miền Nam, Quốc tế Lao động (và nghỉ bù)'),
      ...range('2023-09-01', '2023-09-04', 'Quốc khánh (và nghỉ bù)'),
    ],
  },
  {
    year: 2024,
    daysOff: [
      { day: '2024-01-01', name: 'Tết Dương lịch' },
      ...range('2024-02-08', '2024-02-14', 'Tết Nguyên đán Giáp Thìn'),
      { day: '2024-04-18', name: 'Giỗ Tổ Hùng Vương' },
      ...range('2024-04-27', '2024-05-01', 'Giải phóng miền Nam, Quốc tế Lao động (hoán đổi)'),
      ...range('2024-08-31', '2024-09-03', 'Quốc khánh'),
    ],
    workingWeekendDays: ['2024-05-04'],
  },
  {
    year: 2025,
    daysOff: [
      { day: '2025-01-01', name: 'Tết Dương lịch' },
      ...range('2025-01-25', '2025-02-02', 'Tết Nguyên đán Ất Tỵ'),
      { day: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' },
      ...range('2025-04-30', '2025-05-04', 'Giải phóng miền Nam, Quốc tế Lao động (hoán đổi)'),
      ...range('2025-08-30', '2025-09-02', 'Quốc khánh'),
    ],
    workingWeekendDays: ['2025-04-26'],
  },
  {
    year: 2026,
    provisional: true,
    daysOff: [
      { day: '2026-01-01', name: 'Tết Dương lịch' },
      ...range('2026-02-14', '2026-02-22', 'Tết Nguyên đán Bính Ngọ'),
      { day: '2026-04-26', name: 'Giỗ Tổ Hùng Vương' },
      { day: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
      { day: '2026-04-30', name: 'Ngày Giải phóng miền Nam' },
      { day: '2026-05-01', name: 'Ngày Quốc tế Lao động' },
      { day: '2026-09-01', name: 'Quốc khánh' },
      { day: '2026-09-02', name: 'Quốc khánh' },
    ],
  },
  {
    year: 2027,
    provisional: true,
    daysOff: [
      { day: '2027-01-01', name: 'Tết Dương lịch' },
      ...range('2027-02-05', '2027-02-10', 'Tết Nguyên đán Đinh Mùi'),
      { day: '2027-04-16', name: 'Giỗ Tổ Hùng Vương' },
      { day: '2027-04-30', name: 'Ngày Giải phóng miền Nam' },
      { day: '2027-05-01', name: 'Ngày Quốc tế Lao động' },
      { day: '2027-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động' },
      { day: '2027-09-02', name: 'Quốc khánh' },
      { day: '2027-09-03', name: 'Quốc khánh' },
    ],
  },
];
