import { TokenService, TokenRejectedError, parseSigningKeys, bearerToken } from './tokens';
import { Identity } from '@reform/access';

const identity: Identity = {
  accountId: 'acc-1',
  username: 'd513',
  unitCode: '513',
  roles: [{ role: 'UNIT_MANAGER', unitCode: '513' }],
};
const OLD = { kid: 'k2025', secret: 'an-old-secret-that-is-long-enough-32b' };
const NEW = { kid: 'k2026', secret: 'a-new-secret-that-is-also-long-enough' };

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TokenRejectedError) return error.reason;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('TokenService', () => {
  it('round-trips the identity and sets the expiry', async () => {
    const tokens = new TokenService([NEW], { ttlSeconds: 600 });
    const now = new Date('2026-11-22T10:00:00Z');
    const { token, expiresAt } = await tokens.issue(identity, now);
    expect(expiresAt.toISOString()).toBe('2026-11-22T10:10:00.000Z');
    await expect(tokens.verify(token, now)).resolves.toEqual(identity);
  });

  it('rejects an expired token', async () => {
    const tokens = new TokenService([NEW], { ttlSeconds: 60 });
    const { token } = await tokens.issue(identity, new Date('2026-11-22T10:00:00Z'));
    expect(await rejection(tokens.verify(token, new Date('2026-11-22T10:01:01Z')))).toBe('expired');
  });

  it('rejects a token signed with another key under a known kid', async () => {
    const forger = new TokenService([{ kid: NEW.kid, secret: 'someone-elses-secret-of-32-bytes-or-more' }]);
    const { token } = await forger.issue(identity);
    expect(await rejection(new TokenService([NEW]).verify(token))).toBe('bad-signature');
  });

  it('rejects tampered, unknown-key, malformed and missing tokens', async () => {
    const tokens = new TokenService([NEW]);
    const { token } = await tokens.issue(identity);
    const [header, payload, signature] = token.split('.');
    const widened = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: [{ role: 'PLATFORM_ADMIN', unitCode: '49' }] }),
    ).toString('base64url');
    expect(await rejection(tokens.verify(`${header}.${widened}.${signature}`))).toBe('bad-signature');
    expect(await rejection(new TokenService([OLD]).verify(token))).toBe('unknown-key');
    expect(await rejection(tokens.verify('not-a-token'))).toBe('malformed');
    expect(await rejection(tokens.verify(undefined))).toBe('missing');
  });

  it('keeps tokens of the previous key valid after a rotation', async () => {
    const { token } = await new TokenService([OLD]).issue(identity);
    const rotated = new TokenService([NEW, OLD]);
    await expect(rotated.verify(token)).resolves.toEqual(identity);
    const fresh = await rotated.issue(identity);
    expect(JSON.parse(Buffer.from(fresh.token.split('.')[0], 'base64url').toString()).kid).toBe('k2026');
  });

  it('parses keys from configuration and names what is wrong', () => {
    expect(parseSigningKeys(`${NEW.kid}:${NEW.secret},${OLD.kid}:${OLD.secret}`)).toEqual([NEW, OLD]);
    expect(() => parseSigningKeys(undefined)).toThrow(/AUTH_SIGNING_KEYS is required/);
    expect(() => parseSigningKeys('k1:short')).toThrow(/AUTH_SIGNING_KEYS\[0\] \(kid k1\): the secret must be at least 32 bytes/);
    expect(() => parseSigningKeys(':nokid-but-a-secret-of-sufficient-length')).toThrow(/must look like kid:secret/);
  });

  it('reads bearer tokens', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('Basic xyz')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });

  describe("the gateway's seal on a forwarded address", () => {
    const service = new TokenService([{ kid: 'k1', secret: 'a-secret-of-at-least-thirty-two-bytes!!' }]);
    it('opens what it sealed, and nothing forged, altered or stale', () => {
      const now = new Date('2026-01-01T00:00:00Z');
      const seal = service.sealForwarded('203.0.113.7', now);
      expect(service.openForwarded(seal, now)).toBe('203.0.113.7');
      const [kid, at, , mac] = seal.split('.');
      expect(service.openForwarded(`${kid}.${at}.${Buffer.from('10.0.0.1').toString('base64url')}.${mac}`, now)).toBeNull();
      expect(
        service.openForwarded(new TokenService([{ kid: 'k1', secret: 'another-secret-of-at-least-32-bytes!!' }]).sealForwarded('203.0.113.7', now), now),
      ).toBeNull();
      expect(service.openForwarded(seal, new Date(now.getTime() + 61_000))).toBeNull();
      expect(service.openForwarded('10.0.0.1', now)).toBeNull();
      expect(service.openForwarded(undefined, now)).toBeNull();
    });
  });
});

describe('TokenService remembers verified tokens', () => {
  it('answers a token verified before without verifying it again, until it expires', async () => {
    const tokens = new TokenService([NEW], { ttlSeconds: 60 });
    const { token } = await tokens.issue(identity, new Date('2026-11-22T10:00:00Z'));
    const first = await tokens.verifySession(token, new Date('2026-11-22T10:00:01Z'));
    const again = await tokens.verifySession(token, new Date('2026-11-22T10:00:59.999Z'));
    expect(again).toBe(first);
    expect(again.identity).toEqual(identity);
    expect(Object.isFrozen(again.identity.roles)).toBe(true);
    expect(await rejection(tokens.verify(token, new Date('2026-11-22T10:01:00Z')))).toBe('expired');
  });

  it('does not remember a refused token: a forged one is refused every time', async () => {
    const tokens = new TokenService([NEW]);
    const forger = new TokenService([{ kid: NEW.kid, secret: 'someone-elses-secret-of-32-bytes-or-more' }]);
    const { token } = await forger.issue(identity);
    expect(await rejection(tokens.verify(token))).toBe('bad-signature');
    expect(await rejection(tokens.verify(token))).toBe('bad-signature');
  });
});
