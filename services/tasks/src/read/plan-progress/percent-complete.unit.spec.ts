import { percentComplete } from './plan-progress';

describe('percent complete (issue 15: figures people read)', () => {
  it('moves at every completion among 5,000 and among 100,000 active assignments', () => {
    for (const active of [5_000, 100_000]) {
      let moved = 0;
      for (let completed = 0; completed < active; completed++) if (percentComplete(completed + 1, active) > percentComplete(completed, active)) moved++;
      expect(moved).toBe(active);
    }
  });

  it('is 0 with nothing active, 100 when all are done, and keeps three decimals', () => {
    expect(percentComplete(0, 0)).toBe(0);
    expect(percentComplete(5_000, 5_000)).toBe(100);
    expect(percentComplete(1, 5_000)).toBe(0.02);
    expect(percentComplete(1, 41)).toBe(2.439);
  });
});
