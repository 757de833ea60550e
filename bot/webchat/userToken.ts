import { errors, jwtVerify } from 'jose';
import { DateTime } from 'luxon';
import { verifiedUserId, WebChatUser } from './webChatUser';

/** Why a user token was refused, as the token endpoint reports it. */
export type UserTokenError = 'UserTokenExpired' | 'UserTokenInvalid' | 'UserTokensDisabled';

/** A user token's verdict: the verified user, or the refusal the page shows. */
export type UserTokenCheck = { ok: true; user: WebChatUser } | { ok: false; error: UserTokenError; message: string };

/** A stable id from the intranet: an employee number, an Entra object id or a work email address. */
const SUBJECT = /^[A-Za-z0-9._@+-]{1,128}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}$/;
/** An Entra object id (a GUID). */
const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_NAME = 100;
/** Clock difference tolerated between the intranet and the bot. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** What the page shows, in plain English, when it falls back to anonymous. */
export const USER_TOKEN_MESSAGES: Record<UserTokenError, string> = {
  UserTokenExpired: 'Your sign-in to the chat has expired, so you are chatting anonymously. Reload the intranet page to sign in again.',
  UserTokenInvalid: 'We could not confirm who you are (the sign-in token is not valid), so you are chatting anonymously.',
  UserTokensDisabled: 'This chat does not accept sign-in tokens, so you are chatting anonymously.',
};

const refuse = (error: UserTokenError): UserTokenCheck => ({ ok: false, error, message: USER_TOKEN_MESSAGES[error] });

/**
 * Checks a user token from the intranet (an HS256 JWT signed with WEBCHAT_TOKEN_SECRET, carrying
 * `sub`, `exp`, and optionally `name`, `email` and `oid`, the Entra object id), so the bot knows who it is talking to without
 * a sign-in of its own. Only HS256 is accepted, which rules out `alg: none` and key confusion.
 */
export async function verifyUserToken(token: string, secret: string | undefined, now: () => DateTime): Promise<UserTokenCheck> {
  if (!secret) return refuse('UserTokensDisabled');
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'exp'],
      currentDate: now().toJSDate(),
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    const { sub, name, email, oid } = payload;
    if (typeof sub !== 'string' || !SUBJECT.test(sub)) return refuse('UserTokenInvalid');
    if (name !== undefined && (typeof name !== 'string' || name.length > MAX_NAME)) return refuse('UserTokenInvalid');
    if (email !== undefined && (typeof email !== 'string' || !EMAIL.test(email))) return refuse('UserTokenInvalid');
    if (oid !== undefined && (typeof oid !== 'string' || !OBJECT_ID.test(oid))) return refuse('UserTokenInvalid');
    const user: WebChatUser = { id: verifiedUserId(sub), name: name?.trim() || undefined, email: email?.toLowerCase(), verified: true };
    return { ok: true, user: oid ? { ...user, oid: oid.toLowerCase() } : user };
  } catch (err) {
    return refuse(err instanceof errors.JWTExpired ? 'UserTokenExpired' : 'UserTokenInvalid');
  }
}
