import { planYears } from './plan-years';

describe('the years a plan runs', () => {
  it.each<[string, number, number | null | undefined, { from: number; to: number | null }]>([
    ['Kế hoạch cải cách hành chính năm 2023 và những năm tiếp theo', 2023, undefined, { from: 2023, to: null }],
    ['Nâng cao chỉ số PAPI năm 2023 và các năm tiếp theo', 2023, undefined, { from: 2023, to: null }],
    ['Kế hoạch cải cách hành chính giai đoạn 2021 – 2025', 2021, undefined, { from: 2021, to: 2025 }],
    ['Công tác cải cách hành chính năm 2021', 2021, undefined, { from: 2021, to: 2021 }],
    ['Công tác cải cách hành chính năm 2021', 2021, 2022, { from: 2021, to: 2022 }],
    ['Kế hoạch giai đoạn 2021-2025', 2021, null, { from: 2021, to: null }],
  ])('%s (%s, endYear %s)', (title, year, endYear, expected) =>
    expect(planYears({ title, year, ...(endYear !== undefined ? { endYear } : {}) })).toEqual(expected),
  );
});
