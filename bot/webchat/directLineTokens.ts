import crypto from 'node:crypto';
import { DateTime } from 'luxon';

/**
 * What a token may do: a start credential (from the page's token route) may only start or rejoin
 * its conversation; a conversation token reads, posts, streams and refreshes.
 */
export type TokenScope = 'start' | 'conversation';

/** What a built-in Direct Line token grants: one conversation, for one user. */
export interface DirectLineTokenClaims {
  conversationId: string;
  userId: string;
  userName?: string;
  /** A verified person's email, carried by start credentials only so the conversation can keep it. */
  userEmail?: string;
  /** A verified person's directory object id, carried by start credentials only so the conversation can keep it. */
  userOid?: string;
  scope: TokenScope;
  /** When the token stops working, in seconds since 1970 (set on verified tokens). */
  expiresAt?: number;
}

/** A token as handed to the client, with its lifetime in seconds (Direct Line's `expires_in`). */
export interface IssuedToken {
  token: string;
  expiresIn: number;
}

/** Why a token was refused. */
export type TokenProblem = 'missing' | 'expired' | 'invalid' | 'scope';

/** A token's verdict: its claims, or why it was refused. */
export type TokenCheck = { ok: true; claims: DirectLineTokenClaims } | { ok: false; problem: TokenProblem };

/** How long a start credential lasts: long enough for a slow page to load Web Chat, short enough to be useless hoarded. */
export const START_CREDENTIAL_SECONDS = 5 * 60;

const AUDIENCE = 'staffbot:directline';
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/**
 * Issues and checks the built-in Direct Line's tokens: HS256 JWTs (Web Chat reads the `user`
 * claim from them, as from Azure's) signed with a key every replica shares, so a token from one
 * replica, or from before a restart, works on any. Every request and poll is checked, so this
 * uses node:crypto's HMAC directly (microseconds) rather than WebCrypto; the header is fixed, so
 * no other algorithm (or `none`) is ever accepted. Expiry follows the injected clock, so tests
 * need not wait.
 */
export class DirectLineTokens {
  constructor(private readonly options: { lifetimeMinutes: number; now: () => DateTime; key: Buffer }) {}

  /** How long conversation tokens last, in seconds. */
  get lifetimeSeconds(): number {
    return this.options.lifetimeMinutes * 60;
  }

  /** A conversation token for this conversation and user, valid for the configured lifetime. */
  async issue(claims: Omit<DirectLineTokenClaims, 'expiresAt' | 'scope' | 'userEmail' | 'userOid'>): Promise<IssuedToken> {
    return this.sign({ ...claims, scope: 'conversation' }, this.lifetimeSeconds);
  }

  /** A start credential for a conversation that does not exist yet; it may carry a verified person's email. */
  async issueStart(claims: Omit<DirectLineTokenClaims, 'expiresAt' | 'scope'>): Promise<IssuedToken> {
    return this.sign({ ...claims, scope: 'start' }, Math.min(START_CREDENTIAL_SECONDS, this.lifetimeSeconds));
  }

  /** Checks a token's signature, expiry and scope; says why when it is refused. */
  async verify(token: string | undefined, scopes: TokenScope[] = ['conversation']): Promise<TokenCheck> {
    if (!token) return { ok: false, problem: 'missing' };
    const [header, body, signature, extra] = token.split('.');
    if (header !== HEADER || !body || !signature || extra !== undefined) return { ok: false, problem: 'invalid' };
    // Compared as text, so only the one canonical encoding of the signature is accepted.
    const expected = Buffer.from(this.signature(`${header}.${body}`).toString('base64url'));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, problem: 'invalid' };
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      return { ok: false, problem: 'invalid' };
    }
    const { conv, sub, name, email, oid, scp, aud, exp } = payload;
    if (aud !== AUDIENCE || typeof conv !== 'string' || typeof sub !== 'string' || typeof exp !== 'number') return { ok: false, problem: 'invalid' };
    if (scp !== 'start' && scp !== 'conversation') return { ok: false, problem: 'invalid' };
    if (exp <= Math.floor(this.options.now().toSeconds())) return { ok: false, problem: 'expired' };
    if (!scopes.includes(scp)) return { ok: false, problem: 'scope' };
    return {
      ok: true,
      claims: {
        conversationId: conv,
        userId: sub,
        userName: typeof name === 'string' ? name : undefined,
        ...(typeof email === 'string' ? { userEmail: email } : {}),
        ...(typeof oid === 'string' ? { userOid: oid } : {}),
        scope: scp,
        expiresAt: exp,
      },
    };
  }

  private async sign(claims: Omit<DirectLineTokenClaims, 'expiresAt'>, lifetimeSeconds: number): Promise<IssuedToken> {
    const issuedAt = Math.floor(this.options.now().toSeconds());
    // `user` is where Azure's tokens carry the bound user id, and where Web Chat looks for it.
    const payload = {
      conv: claims.conversationId,
      user: claims.userId,
      ...(claims.userName ? { name: claims.userName } : {}),
      ...(claims.userEmail ? { email: claims.userEmail } : {}),
      ...(claims.userOid ? { oid: claims.userOid } : {}),
      sub: claims.userId,
      scp: claims.scope,
      aud: AUDIENCE,
      iat: issuedAt,
      exp: issuedAt + lifetimeSeconds,
    };
    const unsigned = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    return { token: `${unsigned}.${this.signature(unsigned).toString('base64url')}`, expiresIn: lifetimeSeconds };
  }

  private signature(unsigned: string): Buffer {
    return crypto.createHmac('sha256', this.options.key).update(unsigned).digest();
  }
}
