import crypto from 'node:crypto';
import { ANONYMOUS_USER_PREFIX, VERIFIED_USER_PREFIX } from '../platform/webChatUserIds';

/** The person behind a web chat conversation, as far as the bot can tell. */
export interface WebChatUser {
  /** The channel user id: `dl_user_…` when an intranet vouched for them, `dl_anon_…` otherwise. */
  id: string;
  name?: string;
  email?: string;
  /** The person's directory (Entra) object id, when the intranet's token carries an `oid` claim: pulses then count them once across Teams and web chat. */
  oid?: string;
  /** True when the id came from a user token signed with WEBCHAT_TOKEN_SECRET. */
  verified: boolean;
}

const ANONYMOUS_ID = /^dl_anon_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * An anonymous visitor: the random id the browser kept for this session when it is one this bot
 * handed out (same shape), otherwise a new one, so a client can never pick a verified person's id.
 */
export function anonymousUser(keptId: unknown): WebChatUser {
  const id = typeof keptId === 'string' && ANONYMOUS_ID.test(keptId) ? keptId : `${ANONYMOUS_USER_PREFIX}${crypto.randomUUID()}`;
  return { id, verified: false };
}

/** The channel user id for a person the intranet vouched for, from the token's stable subject. */
export const verifiedUserId = (subject: string): string => `${VERIFIED_USER_PREFIX}${subject}`;
