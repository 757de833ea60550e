import crypto from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { DateTime } from 'luxon';

/** How long a browser sign-in lasts: short, because it gives the admin role. */
export const SESSION_MINUTES = 60;

/** The audience session tokens carry, so no other HS256 token of this server can pass as one. */
const SESSION_AUDIENCE = 'staffbot-dashboard-session';

/**
 * Browser sign-in sessions for the dashboard: an HS256 token (the cookie's value) saying "admin"
 * until it expires, signed with DASHBOARD_SESSION_SECRET or, without it, a random secret that lasts
 * as long as the process. Times come from the injected clock.
 */
export class DashboardSessions {
  private readonly key: Uint8Array;

  constructor(
    secret: string | undefined,
    private readonly now: () => DateTime,
  ) {
    this.key = secret ? new TextEncoder().encode(secret) : crypto.randomBytes(32);
  }

  /** A new session token, and when it expires. */
  async issue(): Promise<{ token: string; expiresAt: DateTime }> {
    const issuedAt = this.now();
    const expiresAt = issuedAt.plus({ minutes: SESSION_MINUTES });
    const token = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience(SESSION_AUDIENCE)
      .setIssuedAt(Math.floor(issuedAt.toSeconds()))
      .setExpirationTime(Math.floor(expiresAt.toSeconds()))
      .setJti(crypto.randomUUID())
      .sign(this.key);
    return { token, expiresAt };
  }

  /** True for a token this server issued that has not expired. */
  async isValid(token: string | undefined): Promise<boolean> {
    if (!token) return false;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        audience: SESSION_AUDIENCE,
        requiredClaims: ['exp'],
        currentDate: this.now().toJSDate(),
      });
      return payload.role === 'admin';
    } catch {
      return false;
    }
  }
}
