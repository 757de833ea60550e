import crypto from 'node:crypto';
import { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { DatabaseSchema } from '../platform/store/schema';
import { stamp } from '../platform/store/timestamps';

/** How long a browser sign-in lasts: short, because it gives the admin role. */
export const SESSION_MINUTES = 60;

/** The stored form of a session cookie: its SHA-256, so a copy of the database cannot be used to sign in. */
const hashOf = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

/**
 * Browser sign-in sessions for the dashboard, kept in the database: the cookie holds a random token,
 * the table a hash of it and its expiry. Every replica sees the same sessions, and signing out
 * deletes the row, so a copied cookie stops working at once. Times come from the injected clock.
 */
export class DashboardSessions {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => DateTime,
  ) {}

  /** A new session token, and when it expires; expired sessions are cleared out on the way. */
  async issue(): Promise<{ token: string; expiresAt: DateTime }> {
    const issuedAt = this.now();
    const expiresAt = issuedAt.plus({ minutes: SESSION_MINUTES });
    const token = crypto.randomBytes(32).toString('base64url');
    await this.db.deleteFrom('dashboard_sessions').where('expires_at', '<=', stamp(issuedAt)).execute();
    await this.db
      .insertInto('dashboard_sessions')
      .values({ token_hash: hashOf(token), created_at: stamp(issuedAt), expires_at: stamp(expiresAt) })
      .execute();
    return { token, expiresAt };
  }

  /** True for a token this service issued that has neither expired nor been signed out. */
  async isValid(token: string | undefined): Promise<boolean> {
    if (!token || token.length > 128) return false;
    const row = await this.db
      .selectFrom('dashboard_sessions')
      .select('token_hash')
      .where('token_hash', '=', hashOf(token))
      .where('expires_at', '>', stamp(this.now()))
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Ends a session everywhere (sign-out); unknown tokens are ignored. */
  async revoke(token: string | undefined): Promise<void> {
    if (!token || token.length > 128) return;
    await this.db.deleteFrom('dashboard_sessions').where('token_hash', '=', hashOf(token)).execute();
  }
}
