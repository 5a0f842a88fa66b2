import { daysLeftText, daysUntil, dueState, vietnamToday } from './due';

describe('due within 7 days', () => {
  it("counts today in Viet Nam's time zone: 17:30 UTC is already the next day there", () => {
    expect(vietnamToday(Date.parse('2026-12-01T16:59:00Z'))).toBe('2026-12-01');
    expect(vietnamToday(Date.parse('2026-12-01T17:00:00Z'))).toBe('2026-12-02');
  });

  it('is amber from the due day itself back to 7 days before it; overdue is what the API says; done and cancelled are neither', () => {
    const today = '2026-12-02';
    const open = (dueOn: string | null, overdue = false, status = 'ACCEPTED') => dueState({ status, overdue, dueOn }, today);
    expect(open('2026-12-02')).toBe('soon');
    expect(open('2026-12-09')).toBe('soon');
    expect(open('2026-12-10')).toBeNull();
    expect(open('2026-12-01')).toBeNull(); // past but not yet marked: the API's mark decides overdue
    expect(open('2026-12-01', true)).toBe('overdue');
    expect(open(null)).toBeNull();
    expect(open('2026-12-03', false, 'COMPLETED')).toBeNull();
    expect(open('2026-12-03', true, 'CANCELLED')).toBeNull();
    expect(daysUntil('2027-01-01', '2026-12-31')).toBe(1);
    expect(daysLeftText('2026-12-02', today)).toBe('đến hạn hôm nay');
    expect(daysLeftText('2026-12-08', today)).toBe('còn 6 ngày');
  });
});
