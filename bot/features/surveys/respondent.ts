/** Prefix of web chat ids an intranet vouched for with a signed token (see bot/webchat/webChatUser.ts). */
const VERIFIED_WEB_PREFIX = 'dl_user_';

/** An Entra object id or similar directory id: letters, digits and hyphens. */
const DIRECTORY_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Someone who may answer pulses: known by a stable identity, whatever conversation or device they use. */
export interface Respondent {
  /** The channel user id: profiles and delivery records are kept under it. */
  userId: string;
  /**
   * The person's stable identities, strongest first (`aad:<object id>`, `web:<intranet subject>`).
   * The ledger records every one, and an answer under any of them counts as theirs.
   */
  identities: string[];
}

/** Why someone may not answer pulses. */
export type NotIdentified = 'anonymousWebChat' | 'unidentifiedTeams' | 'otherTenant' | 'otherChannel';

/** Who is asking, or why they cannot take part. */
export type RespondentCheck = { ok: true; respondent: Respondent } | { ok: false; reason: NotIdentified };

/** The parts of an incoming activity identity is read from (no bot framework types). */
export interface ActivityIdentity {
  channelId?: string;
  from?: { id?: string; aadObjectId?: string };
  channelData?: unknown;
}

/** What identification needs besides the activity. */
export interface IdentityContext {
  /** MicrosoftAppTenantId: when set, Teams users must come from this tenant. */
  tenantId?: string;
  /** A verified web chat user's directory object id (their token's `oid` claim), when the intranet gave one. */
  webObjectId?: (userId: string) => string | undefined;
}

const aad = (objectId: string): string => `aad:${objectId.toLowerCase()}`;

/**
 * Works out whether an activity comes from identified staff: a Teams user with an AAD object id
 * (in the configured tenant, when one is configured), or a web chat user whose id a signed
 * intranet token vouched for. Anyone else (an anonymous web chat visitor, the Emulator) is not.
 */
export function identifyRespondent(activity: ActivityIdentity, context: IdentityContext): RespondentCheck {
  const userId = activity.from?.id;
  if (!userId) return { ok: false, reason: 'otherChannel' };
  if (activity.channelId === 'msteams') {
    const objectId = activity.from?.aadObjectId;
    if (!objectId || !DIRECTORY_ID.test(objectId)) return { ok: false, reason: 'unidentifiedTeams' };
    if (context.tenantId) {
      const tenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
      if (typeof tenant !== 'string' || tenant.toLowerCase() !== context.tenantId.toLowerCase()) return { ok: false, reason: 'otherTenant' };
    }
    return { ok: true, respondent: { userId, identities: [aad(objectId)] } };
  }
  if (activity.channelId === 'webchat' || activity.channelId === 'directline') {
    if (!userId.startsWith(VERIFIED_WEB_PREFIX) || userId.length === VERIFIED_WEB_PREFIX.length) return { ok: false, reason: 'anonymousWebChat' };
    const subject = userId.slice(VERIFIED_WEB_PREFIX.length);
    const objectId = context.webObjectId?.(userId);
    const identities = objectId && DIRECTORY_ID.test(objectId) ? [aad(objectId), `web:${subject}`] : [`web:${subject}`];
    return { ok: true, respondent: { userId, identities } };
  }
  return { ok: false, reason: 'otherChannel' };
}

/**
 * The identity of someone the bot reaches in a personal chat, from what its conversation record
 * holds, so reminders can skip those who answered; undefined for anyone not identified.
 */
export function respondentOfChat(
  chat: { userId: string; channelId: string; aadObjectId?: string; tenantId?: string },
  tenantId?: string,
): Respondent | undefined {
  const check = identifyRespondent(
    { channelId: chat.channelId, from: { id: chat.userId, aadObjectId: chat.aadObjectId }, channelData: { tenant: { id: chat.tenantId } } },
    { tenantId },
  );
  return check.ok ? check.respondent : undefined;
}
