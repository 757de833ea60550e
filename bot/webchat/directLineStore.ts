import crypto from 'node:crypto';
import { DateTime } from 'luxon';

/** An activity as Direct Line keeps and returns it: plain JSON with at least a type. */
export interface DirectLineActivity {
  type: string;
  id?: string;
  [field: string]: unknown;
}

/** A page of a conversation's activities and the watermark to ask from next time (Direct Line's ActivitySet). */
export interface ActivitySet {
  activities: DirectLineActivity[];
  watermark: string;
}

/** The person a conversation belongs to, as the credential that started it says. */
export interface ConversationUser {
  id: string;
  name?: string;
  /** Only for people an intranet vouched for. */
  email?: string;
  /** A verified person's directory object id (their intranet token's `oid`), so one person counts once across Teams and web chat. */
  oid?: string;
}

/** A conversation as the shared store holds it. */
export interface StoredConversation {
  id: string;
  user: ConversationUser;
  /** The watermark after its newest activity (0 before the first). */
  lastSeq: number;
  /** When anyone last posted, read or streamed it (or the page pinged). */
  lastActiveAt: DateTime;
}

/** A sliding-window limit: at most `max` events in any `windowMs`. */
export interface WindowLimit {
  max: number;
  windowMs: number;
}

/** The verdict on one more event: accepted, or refused with how long to wait. */
export type LimitVerdict = { accepted: true } | { accepted: false; retryAfterSeconds: number };

/** What became of a client's activity. */
export type ClientAppend =
  | { outcome: 'appended'; activity: DirectLineActivity }
  /**
   * The client sent this client activity id before: nothing new is stored. `handled` says whether
   * its turn finished; one whose process stopped (or whose turn failed) is answered now.
   */
  | { outcome: 'resent'; id: string; handled: boolean; activity: DirectLineActivity }
  | { outcome: 'throttled'; retryAfterSeconds: number }
  | { outcome: 'gone' };

/** Bounds on one conversation; conversations themselves are bounded by idle expiry and the per-address start limit. */
export interface ConversationLimits {
  /** Activities kept per conversation (older ones drop off; watermarks keep counting). */
  maxActivities: number;
  /** Bytes of activities kept per conversation. */
  maxBytes: number;
  /** A conversation nobody has used for this long is purged. */
  idleMinutes: number;
  /** Client activities (other than typing) per conversation in any window. */
  flood: WindowLimit;
  /** Reads and pings mark a conversation as used at most this often, so polling does not write every second. */
  touchEveryMs: number;
}

/** Limits that keep one busy conversation well under a megabyte and forget the quiet ones within the hour. */
export const DEFAULT_CONVERSATION_LIMITS: ConversationLimits = {
  maxActivities: 500,
  maxBytes: 1024 * 1024,
  idleMinutes: 60,
  flood: { max: 20, windowMs: 10_000 },
  touchEveryMs: 60_000,
};

/**
 * Where the built-in Direct Line keeps conversations, activities, watermarks and limits, shared by
 * every replica: the bot's database (SQLite or PostgreSQL) or Redis. Each operation is atomic, so
 * two replicas appending to one conversation get distinct, increasing watermarks.
 */
export interface DirectLineStore {
  /** Creates the conversation unless it exists; says which. */
  start(id: string, user: ConversationUser): Promise<{ conversation: StoredConversation; created: boolean }>;
  /** The conversation, or undefined when unknown or purged; marks it used when it was last marked long enough ago. */
  find(id: string): Promise<StoredConversation | undefined>;
  /** Marks the conversation used (an open page's keep-alive); false when it has gone. */
  touch(id: string): Promise<boolean>;
  /** Whether the conversation is still held, without marking it used. */
  exists(id: string): Promise<boolean>;
  /** Adds a client activity with the next watermark, unless it is a resend or over the conversation's flood limit. */
  appendFromClient(id: string, activity: DirectLineActivity, clientActivityId: string | undefined): Promise<ClientAppend>;
  /** Records that the turn for a client's activity finished, so a resend of it is not answered twice. */
  markHandled(id: string, clientActivityId: string): Promise<void>;
  /** Adds the bot's activities in order; undefined when the conversation has gone. */
  appendFromBot(id: string, activities: DirectLineActivity[]): Promise<DirectLineActivity[] | undefined>;
  /** The kept activities after a watermark; undefined when the conversation has gone. */
  since(id: string, watermark: number): Promise<ActivitySet | undefined>;
  /** Counts one event against a shared sliding window (new chats per client address, for instance). */
  take(key: string, limit: WindowLimit): Promise<LimitVerdict>;
  /** Deletes conversations idle since before `cutoff`; returns how many went. */
  purgeIdle(cutoff: DateTime): Promise<number>;
  /** Replaces a kept activity with `redactedActivity` of it (a safeguarding concern is never kept); false when it is not held. */
  redact(conversationId: string, activityId: string): Promise<boolean>;
}

/** What the conversation shows in place of a message that reported a safeguarding concern. */
export const REDACTED_TEXT = 'This message was removed because it may be about a child\u2019s safety. It is not kept.';

/** Fields of a kept activity that say nothing the user wrote (Web Chat's client id lets the page match its own copy). */
const KEPT_WHEN_REDACTED = ['type', 'channelId', 'conversation', 'from', 'recipient', 'timestamp', 'replyToId'] as const;

/**
 * The stand-in for an activity whose words must not be kept: who sent it and when, the client's
 * activity id, and a fixed text; no text, value, attachments, entities or other channel data.
 */
export function redactedActivity(activity: DirectLineActivity): DirectLineActivity {
  const kept: Record<string, unknown> = {};
  for (const field of KEPT_WHEN_REDACTED) if (activity[field] !== undefined) kept[field] = activity[field];
  const clientActivityID = (activity.channelData as { clientActivityID?: unknown } | undefined)?.clientActivityID;
  return {
    ...kept,
    type: activity.type,
    text: REDACTED_TEXT,
    ...(typeof clientActivityID === 'string' ? { channelData: { clientActivityID } } : {}),
  };
}

/** A fresh, unguessable conversation id. */
export const newConversationId = (): string => crypto.randomBytes(18).toString('base64url');

/** The Direct Line id of an activity: the conversation id, a bar and a zero-padded watermark. */
export const activityId = (conversationId: string, seq: number): string => `${conversationId}|${String(seq).padStart(7, '0')}`;

/** The watermark inside an activity id made by activityId. */
export const seqOfActivityId = (id: string): number => Number(id.slice(id.lastIndexOf('|') + 1));

/** A stored activity as clients see it: its JSON with the id its watermark gives. */
export function withId(conversationId: string, seq: number, json: string): DirectLineActivity {
  return { ...(JSON.parse(json) as DirectLineActivity), id: activityId(conversationId, seq) };
}

/** An activity as stored: JSON without an id (the watermark gives it), and its size. */
export function storedForm(activity: DirectLineActivity): { json: string; bytes: number } {
  const rest: Record<string, unknown> = { ...activity };
  delete rest.id;
  const json = JSON.stringify(rest);
  return { json, bytes: Buffer.byteLength(json) };
}

/**
 * Applies a sliding window to the times of earlier hits: keeps those still in the window and,
 * when there is room, adds `nowMs`. Shared by the stores so every engine counts the same way.
 */
export function slideWindow(hits: number[], limit: WindowLimit, nowMs: number): { hits: number[]; verdict: LimitVerdict } {
  const kept = hits.filter((at) => at > nowMs - limit.windowMs).sort((a, b) => a - b);
  if (kept.length >= limit.max) {
    const freeAt = kept[kept.length - limit.max] + limit.windowMs;
    return { hits: kept, verdict: { accepted: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - nowMs) / 1000)) } };
  }
  return { hits: [...kept, nowMs], verdict: { accepted: true } };
}

/** Parses a JSON list of times, treating anything else as empty (a corrupt row must not block a user). */
export function parseHits(text: string | null | undefined): number[] {
  try {
    const parsed = JSON.parse(text ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((n): n is number => typeof n === 'number' && Number.isFinite(n)) : [];
  } catch {
    return [];
  }
}
