import { LoginThrottle, MemoryFailureStore } from './login-throttle';

describe('LoginThrottle', () => {
  let now = 0;
  const throttle = () =>
    new LoginThrottle(
      { perAccount: { maxFailures: 3, windowMs: 60_000 }, perAddress: { maxFailures: 5, windowMs: 60_000 } },
      new MemoryFailureStore(),
      () => now,
    );

  beforeEach(() => (now = 1_000_000));

  it('locks an account after repeated failures until the window passes', async () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      expect(await t.retryAfterMs('d513', '10.0.0.1')).toBe(0);
      await t.recordFailure('d513', '10.0.0.1');
      now += 1_000;
    }
    expect(await t.retryAfterMs('D513', '10.0.0.2')).toBe(57_000);
    now += 57_000;
    expect(await t.retryAfterMs('d513', '10.0.0.2')).toBe(0);
  });

  it('locks an address that tries many accounts', async () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) await t.recordFailure(`user${i}`, '10.0.0.9');
    expect(await t.retryAfterMs('someone-else', '10.0.0.9')).toBeGreaterThan(0);
    expect(await t.retryAfterMs('someone-else', '10.0.0.8')).toBe(0);
  });

  it('clears an account after a success', async () => {
    const t = throttle();
    await t.recordFailure('d513', 'a');
    await t.recordFailure('d513', 'b');
    await t.recordSuccess('d513');
    await t.recordFailure('d513', 'c');
    expect(await t.retryAfterMs('d513', 'd')).toBe(0);
  });

  it('counts a username padded with spaces, a tab or a newline, or in capitals, as the account login finds (issue 12, finding 5)', async () => {
    const t = throttle();
    for (const padded of [' d513', 'd513\t', '\nD513 ']) await t.recordFailure(padded, `10.0.0.${padded.length}`);
    expect(await t.retryAfterMs('d513', '10.0.0.99')).toBeGreaterThan(0);
    expect(await t.retryAfterMs('ｄ５１３', '10.0.0.99')).toBeGreaterThan(0); // full-width letters: NFKC
  });
});
