import { hashPassword, verifyPassword, UNMATCHABLE_HASH } from './passwords';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('demo');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored).not.toContain('demo');
    await expect(verifyPassword('demo', stored)).resolves.toBe(true);
    await expect(verifyPassword('Demo', stored)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('demo')).not.toBe(await hashPassword('demo'));
  });

  it('never matches the placeholder used for unknown users', async () => {
    await expect(verifyPassword('', UNMATCHABLE_HASH)).resolves.toBe(false);
    await expect(verifyPassword('demo', 'garbage')).resolves.toBe(false);
  });
});
