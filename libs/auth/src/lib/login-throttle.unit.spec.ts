import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  let now = 0;
  const throttle = () => new LoginThrottle({ perAccount: { maxFailures: 3, windowMs: 60_000 }, perAddress: { maxFailures: 5, windowMs: 60_000 } }, () => now);

  beforeEach(() => (now = 1_000_000));

  it('locks an account after repeated failures until the window passes', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfterMs('d513', '10.0.0.1')).toBe(0);
      t.recordFailure('d513', '10.0.0.1');
      now += 1_000;
    }
    expect(t.retryAfterMs('D513', '10.0.0.2')).toBe(57_000);
    now += 57_000;
    expect(t.retryAfterMs('d513', '10.0.0.2')).toBe(0);
  });

  it('locks an address that tries many accounts', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) t.recordFailure(`user${i}`, '10.0.0.9');
    expect(t.retryAfterMs('someone-else', '10.0.0.9')).toBeGreaterThan(0);
    expect(t.retryAfterMs('someone-else', '10.0.0.8')).toBe(0);
  });

  it('clears an account after a success', () => {
    const t = throttle();
    t.recordFailure('d513', 'a');
    t.recordFailure('d513', 'b');
    t.recordSuccess('d513');
    t.recordFailure('d513', 'c');
    expect(t.retryAfterMs('d513', 'd')).toBe(0);
  });
});
