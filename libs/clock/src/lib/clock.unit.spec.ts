import { FixedClock, systemClock, todayOf, vietnamDay } from './clock';

describe('Viet Nam calendar day', () => {
  it.each([
    ['2021-09-14T16:59:59.999Z', '2021-09-14'],
    ['2021-09-14T17:00:00.000Z', '2021-09-15'],
    ['2021-09-14T17:30:00.000Z', '2021-09-15'], // 00:30 in Viet Nam: already the next day
    ['2025-06-30T17:00:00.000Z', '2025-07-01'], // the two-tier structure's first day
    ['2020-12-31T17:00:00.000Z', '2021-01-01'],
    ['2024-02-28T17:00:00.000Z', '2024-02-29'],
  ])('%s is %s in Viet Nam', (instant, day) => {
    expect(vietnamDay(new Date(instant))).toBe(day);
  });

  it('a fixed clock stays, is set and advanced; today follows it', () => {
    const clock = new FixedClock('2021-09-14T17:30:00Z');
    expect(todayOf(clock)).toBe('2021-09-15');
    clock.set('2021-09-14T16:00:00Z');
    expect(todayOf(clock)).toBe('2021-09-14');
    clock.advance(3600_000);
    expect(todayOf(clock)).toBe('2021-09-15');
    const before = clock.now();
    before.setFullYear(1990); // a caller mutating the Date it got changes nothing
    expect(todayOf(clock)).toBe('2021-09-15');
  });

  it('the system clock is the machine time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now - before).toBeLessThan(60_000);
  });
});
