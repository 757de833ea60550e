import { DirectLineActivity } from './directLineStore';

/** The channel id web chat activities carry, as Azure's Web Chat and Direct Line channels use. */
export const WEBCHAT_CHANNEL = 'webchat';

/** Largest activity a client may post to the built-in Direct Line. */
export const MAX_CLIENT_ACTIVITY_BYTES = 64 * 1024;

/** An account in a conversation (the bot or the user). */
export interface Account {
  id: string;
  name?: string;
  role?: 'bot' | 'user';
}

/** Activity types a Web Chat client sends; anything else (a forged conversationUpdate, an invoke) is refused. */
const CLIENT_TYPES = new Set(['message', 'typing', 'event']);

/** Fields a client may set; the rest (from, conversation, serviceUrl, recipient, id…) the endpoint sets itself. */
const CLIENT_FIELDS = [
  'type',
  'text',
  'textFormat',
  'locale',
  'localTimestamp',
  'localTimezone',
  'value',
  'name',
  'attachments',
  'entities',
  'channelData',
  'replyToId',
] as const;

/** Says what is wrong with an activity a client posted, or undefined when it can be accepted. */
export function clientActivityProblem(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON object (an activity)';
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || !CLIENT_TYPES.has(a.type)) return '"type" must be message, typing or event';
  if (a.text !== undefined && a.text !== null && typeof a.text !== 'string') return '"text" must be a string';
  if (a.name !== undefined && typeof a.name !== 'string') return '"name" must be a string';
  for (const field of ['attachments', 'entities'] as const) {
    if (a[field] !== undefined && a[field] !== null && !Array.isArray(a[field])) return `"${field}" must be a list`;
  }
  if (a.channelData !== undefined && a.channelData !== null && (typeof a.channelData !== 'object' || Array.isArray(a.channelData))) {
    return '"channelData" must be an object';
  }
  return undefined;
}

/** The client's own id for an activity (Web Chat sets channelData.clientActivityID), used to spot a resend. */
export function clientActivityId(body: Record<string, unknown>): string | undefined {
  const id = (body.channelData as { clientActivityID?: unknown } | undefined)?.clientActivityID;
  return typeof id === 'string' && id.length <= 200 ? id : undefined;
}

/**
 * The activity as the conversation keeps it and echoes it back to the client: only the fields a
 * client may set, with the sender taken from the token rather than from the body.
 */
export function userActivity(body: Record<string, unknown>, conversationId: string, user: Account, timestamp: string): DirectLineActivity {
  const picked: Record<string, unknown> = {};
  for (const field of CLIENT_FIELDS) if (body[field] !== undefined && body[field] !== null) picked[field] = body[field];
  return {
    ...picked,
    type: body.type as string,
    channelId: WEBCHAT_CHANNEL,
    conversation: { id: conversationId },
    from: { id: user.id, ...(user.name ? { name: user.name } : {}), role: 'user' },
    timestamp,
  };
}

/** The activity a bot turn receives: the stored one, addressed to the bot, with the connector to reply through. */
export function activityForBot(stored: DirectLineActivity, bot: Account, serviceUrl: string): DirectLineActivity {
  return { ...stored, serviceUrl, recipient: { ...bot, role: 'bot' } };
}

/** The conversationUpdate a new conversation starts with (bot and user joined), so the bot sends its welcome. */
export function conversationStartActivity(conversationId: string, user: Account, bot: Account, serviceUrl: string, timestamp: string): DirectLineActivity {
  const member = (a: Account) => ({ id: a.id, ...(a.name ? { name: a.name } : {}) });
  return {
    type: 'conversationUpdate',
    channelId: WEBCHAT_CHANNEL,
    serviceUrl,
    conversation: { id: conversationId },
    from: { ...member(user), role: 'user' },
    recipient: { ...member(bot), role: 'bot' },
    membersAdded: [member(bot), member(user)],
    timestamp,
  };
}

/**
 * A bot's outgoing activity as the conversation keeps it: the connector's address removed (it
 * carries the internal route's key), the conversation and channel fixed, and the time stamped.
 */
export function botActivity(body: Record<string, unknown>, conversationId: string, bot: Account, timestamp: string, replyToId?: string): DirectLineActivity {
  const rest = { ...body };
  delete rest.serviceUrl;
  return {
    ...rest,
    type: typeof rest.type === 'string' ? rest.type : 'message',
    channelId: WEBCHAT_CHANNEL,
    conversation: { id: conversationId },
    from: { ...(typeof rest.from === 'object' && rest.from ? (rest.from as Record<string, unknown>) : {}), id: bot.id, name: bot.name, role: 'bot' },
    timestamp,
    ...(replyToId ? { replyToId } : {}),
  };
}
