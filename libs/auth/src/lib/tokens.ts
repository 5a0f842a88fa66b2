import { createHmac, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors, decodeProtectedHeader } from 'jose';
import { Identity, ROLES, Role, RoleGrant } from '@reform/access';

/**
 * Signed, expiring session tokens (HS256 JWT via `jose`).
 *
 * Keys rotate without logging anyone out: the first key signs, every listed key verifies (by
 * `kid`). To rotate, put a new key first, keep the old one until the longest token has expired,
 * then drop it.
 */
export interface SigningKey {
  readonly kid: string;
  /** At least 32 bytes of secret. */
  readonly secret: string;
}

export interface TokenOptions {
  readonly issuer?: string;
  readonly audience?: string;
  readonly ttlSeconds?: number;
}

export type TokenRejection = 'missing' | 'malformed' | 'expired' | 'bad-signature' | 'unknown-key' | 'account-disabled' | 'session-revoked';

/** Why a token was refused (English, for logs); users only ever see UNAUTHENTICATED. */
export class TokenRejectedError extends Error {
  constructor(readonly reason: TokenRejection) {
    super(`Token rejected: ${reason}`);
    this.name = 'TokenRejectedError';
  }
}

/** Parses `kid:secret,kid:secret` (first signs). Throws naming the variable when malformed. */
export function parseSigningKeys(value: string | undefined, variable = 'AUTH_SIGNING_KEYS'): SigningKey[] {
  if (!value?.trim()) throw new Error(`${variable} is required: a comma-separated list of kid:secret (first signs)`);
  return value.split(',').map((entry, index) => {
    const separator = entry.indexOf(':');
    const kid = entry.slice(0, separator).trim();
    const secret = entry.slice(separator + 1).trim();
    if (separator <= 0 || !kid) throw new Error(`${variable}[${index}] must look like kid:secret`);
    if (Buffer.byteLength(secret) < 32) throw new Error(`${variable}[${index}] (kid ${kid}): the secret must be at least 32 bytes`);
    return { kid, secret };
  });
}

/** Verified tokens remembered at most; the oldest is forgotten first. */
const MAX_REMEMBERED_TOKENS = 10_000;

export class TokenService {
  /**
   * Tokens whose signature, issuer, audience and claims were verified, by their exact text, with
   * their expiry: the same token comes with every request of a session, and its HMAC and claims
   * cannot change, so only the expiry is checked again. Only successes are kept; what a session
   * may still do (revocation, ADR 0021) is asked of AccountStatus on every request regardless.
   */
  private readonly verified = new Map<string, { session: { identity: Identity; issuedAt: Date }; expiresAtMs: number }>();
  private readonly keys: ReadonlyMap<string, Uint8Array>;
  private readonly signingKid: string;
  private readonly signingKey: Uint8Array;
  private readonly issuer: string;
  private readonly audience: string;
  readonly ttlSeconds: number;

  constructor(keys: readonly SigningKey[], options: TokenOptions = {}) {
    if (keys.length === 0) throw new Error('TokenService needs at least one signing key');
    this.keys = new Map(keys.map((key) => [key.kid, new TextEncoder().encode(key.secret)]));
    this.signingKid = keys[0].kid;
    this.signingKey = new TextEncoder().encode(keys[0].secret);
    this.issuer = options.issuer ?? 'reform-platform';
    this.audience = options.audience ?? 'reform-api';
    this.ttlSeconds = options.ttlSeconds ?? 8 * 60 * 60;
  }

  async issue(identity: Identity, now: Date = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresAt = new Date((issuedAt + this.ttlSeconds) * 1000);
    // `iat` counts whole seconds; the milliseconds let a session be compared with a revocation
    // recorded within the same second (ADR 0021).
    const token = await new SignJWT({ username: identity.username, unit: identity.unitCode, roles: identity.roles, iatMs: now.getTime() })
      .setProtectedHeader({ alg: 'HS256', kid: this.signingKid })
      .setSubject(identity.accountId)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.signingKey);
    return { token, expiresAt };
  }

  /**
   * The gateway's word on who is calling (issue 12, findings 5 and 7): the client address it
   * determined, sealed with the signing key (HMAC-SHA256, kid, instant). A subgraph believes a
   * forwarded address only with a valid seal, and knows the call came through the gateway.
   */
  sealForwarded(address: string, now: Date = new Date()): string {
    const at = String(now.getTime());
    const encoded = Buffer.from(address, 'utf8').toString('base64url');
    return `${this.signingKid}.${at}.${encoded}.${this.mac(this.signingKey, at, encoded)}`;
  }

  /** The address a valid, recent (60 s) seal vouches for; null for a missing, forged or stale one. */
  openForwarded(seal: string | string[] | undefined | null, now: Date = new Date()): string | null {
    const value = Array.isArray(seal) ? seal[0] : seal;
    const [kid, at, encoded, mac, ...rest] = (value ?? '').split('.');
    const key = kid ? this.keys.get(kid) : undefined;
    if (!key || !at || !encoded || !mac || rest.length || Math.abs(now.getTime() - Number(at)) > 60_000) return null;
    const expected = Buffer.from(this.mac(key, at, encoded));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    return Buffer.from(encoded, 'base64url').toString('utf8');
  }

  private mac(key: Uint8Array, at: string, encoded: string): string {
    return createHmac('sha256', key).update(`reform-forwarded|${at}|${encoded}`).digest('base64url');
  }

  /** Verifies signature, issuer, audience and expiry; returns the identity the token carries. */
  async verify(token: string | undefined | null, now: Date = new Date()): Promise<Identity> {
    return (await this.verifySession(token, now)).identity;
  }

  /** As `verify`, with the instant the token was issued (to compare with a revocation). */
  async verifySession(token: string | undefined | null, now: Date = new Date()): Promise<{ identity: Identity; issuedAt: Date }> {
    if (!token) throw new TokenRejectedError('missing');
    const known = this.verified.get(token);
    if (known && now.getTime() < known.expiresAtMs) return known.session;
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      throw new TokenRejectedError('malformed');
    }
    const key = kid ? this.keys.get(kid) : undefined;
    if (!key) throw new TokenRejectedError('unknown-key');
    try {
      const { payload } = await jwtVerify(token, key, {
        issuer: this.issuer,
        audience: this.audience,
        algorithms: ['HS256'],
        currentDate: now,
      });
      const identity: Identity = {
        accountId: String(payload.sub),
        username: String(payload['username']),
        unitCode: String(payload['unit']),
        roles: parseGrants(payload['roles']),
      };
      const issuedAtMs = typeof payload['iatMs'] === 'number' ? payload['iatMs'] : (payload.iat ?? 0) * 1000;
      // Frozen: a remembered session is handed to every request of it.
      const session = Object.freeze({
        identity: Object.freeze({ ...identity, roles: Object.freeze(identity.roles.map((grant) => Object.freeze(grant))) }),
        issuedAt: new Date(issuedAtMs),
      });
      // jose refuses a token from its `exp` second on: it stays good while now < exp. One with a
      // `nbf` or no `exp` (not issued here) is verified every time.
      if (typeof payload.exp === 'number' && payload.nbf === undefined) {
        if (this.verified.size >= MAX_REMEMBERED_TOKENS) this.verified.delete(this.verified.keys().next().value as string);
        this.verified.set(token, { session, expiresAtMs: payload.exp * 1000 });
      }
      return session;
    } catch (error) {
      if (error instanceof TokenRejectedError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new TokenRejectedError('expired');
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) throw new TokenRejectedError('bad-signature');
      throw new TokenRejectedError('malformed');
    }
  }
}

function parseGrants(value: unknown): RoleGrant[] {
  if (!Array.isArray(value)) throw new TokenRejectedError('malformed');
  return value.map((grant) => {
    const role = grant?.role as Role;
    if (!ROLES.includes(role) || typeof grant?.unitCode !== 'string') throw new TokenRejectedError('malformed');
    return { role, unitCode: grant.unitCode };
  });
}

/** `Authorization: Bearer <token>` → the token, or null. */
export function bearerToken(header: string | string[] | undefined | null): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '');
  return match ? match[1] : null;
}
