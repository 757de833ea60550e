import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import { FloodLimit, FloodVerdict } from './floodLimit';

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

/** Someone following a conversation live, such as a WebSocket stream. */
export interface ConversationListener {
  /** New activities, in order, each with the watermark just after it. */
  activities(set: ActivitySet): void;
  /** The conversation has gone (expired, evicted or the server is stopping). */
  ended(): void;
}

/** The person the conversation belongs to, as the token that started it says. */
export interface ConversationUser {
  id: string;
  name?: string;
}

/** Bounds on what the built-in Direct Line keeps in memory. */
export interface ConversationLimits {
  /** Conversations kept at once; the least recently active goes first. */
  maxConversations: number;
  /** Bytes of activities kept across all conversations. */
  maxBytes: number;
  /** Activities kept per conversation (older ones drop off; watermarks keep counting). */
  maxActivitiesPerConversation: number;
  /** Bytes of activities kept per conversation. */
  maxBytesPerConversation: number;
  /** A conversation nobody has used for this long is forgotten. */
  idleMinutes: number;
  /** At most this many activities from the client… */
  floodMax: number;
  /** …in any window this long. */
  floodWindowSeconds: number;
  /** Live streams per conversation; a new one beyond this closes the oldest. */
  maxListenersPerConversation: number;
  /** Client activity ids remembered per conversation to spot a resend. */
  rememberedClientIds: number;
}

/** Limits that hold a few thousand intranet conversations in well under 100 MB. */
export const DEFAULT_CONVERSATION_LIMITS: ConversationLimits = {
  maxConversations: 5000,
  maxBytes: 64 * 1024 * 1024,
  maxActivitiesPerConversation: 500,
  maxBytesPerConversation: 1024 * 1024,
  idleMinutes: 60,
  floodMax: 20,
  floodWindowSeconds: 10,
  maxListenersPerConversation: 4,
  rememberedClientIds: 100,
};

interface StoredActivity {
  seq: number;
  activity: DirectLineActivity;
  bytes: number;
}

/** One conversation of the built-in Direct Line; change it only through DirectLineConversations. */
export class DirectLineConversation {
  /** @internal */ readonly stored: StoredActivity[] = [];
  /** @internal */ readonly listeners: ConversationListener[] = [];
  /** @internal */ readonly clientIds = new Map<string, string>();
  /** @internal */ nextSeq = 1;
  /** @internal */ bytes = 0;
  /** @internal */ lastActiveMs: number;
  /** @internal */ readonly flood: FloodLimit;

  constructor(
    readonly id: string,
    readonly user: ConversationUser,
    nowMs: number,
    limits: ConversationLimits,
  ) {
    this.lastActiveMs = nowMs;
    this.flood = new FloodLimit(limits.floodMax, limits.floodWindowSeconds * 1000);
  }

  /** The watermark after the newest activity ("0" before the first). */
  get watermark(): string {
    return String(this.nextSeq - 1);
  }
}

/** A fresh, unguessable conversation id. */
export const newConversationId = (): string => crypto.randomBytes(18).toString('base64url');

/** The Direct Line id of an activity: the conversation id, a bar and a zero-padded sequence number. */
export const activityId = (conversationId: string, seq: number): string => `${conversationId}|${String(seq).padStart(7, '0')}`;

/**
 * The built-in Direct Line's conversations and their activities, in memory and bounded (idle
 * expiry, a conversation count and a byte budget), because the built-in endpoint serves one bot
 * process without a cloud account; nothing here survives a restart.
 */
export class DirectLineConversations {
  private readonly conversations = new Map<string, DirectLineConversation>();
  private totalBytes = 0;

  constructor(
    private readonly now: () => DateTime,
    private readonly limits: ConversationLimits = DEFAULT_CONVERSATION_LIMITS,
  ) {}

  /** How many conversations are held. */
  get size(): number {
    return this.conversations.size;
  }

  /** Bytes of activities held across all conversations. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** Starts a conversation, or returns the live one with that id (a second start with the same token). */
  start(id: string, user: ConversationUser): { conversation: DirectLineConversation; created: boolean } {
    const existing = this.find(id);
    if (existing) return { conversation: existing, created: false };
    const conversation = new DirectLineConversation(id, user, this.nowMs(), this.limits);
    this.conversations.set(id, conversation);
    this.evict(conversation);
    return { conversation, created: true };
  }

  /** The live conversation with this id (and marks it as in use), or undefined when unknown or expired. */
  find(id: string): DirectLineConversation | undefined {
    const nowMs = this.nowMs();
    this.sweep(nowMs);
    const conversation = this.conversations.get(id);
    if (conversation) this.touch(conversation, nowMs);
    return conversation;
  }

  /** Counts one more client activity against the conversation's flood limit. */
  admit(conversation: DirectLineConversation): FloodVerdict {
    return conversation.flood.take(this.nowMs());
  }

  /** The id given to an earlier activity with this client activity id, if the client is resending it. */
  resent(conversation: DirectLineConversation, clientActivityId: string | undefined): string | undefined {
    return clientActivityId ? conversation.clientIds.get(clientActivityId) : undefined;
  }

  /**
   * Adds an activity to the conversation with the next watermark, tells live listeners, and keeps
   * within the limits. The activity gets a new Direct Line id unless `keepId` (an update). Throws
   * for a conversation that has already gone: callers find and append in the same tick.
   */
  append(conversation: DirectLineConversation, activity: DirectLineActivity, options: { clientActivityId?: string; keepId?: boolean } = {}): DirectLineActivity {
    if (this.conversations.get(conversation.id) !== conversation) throw new Error(`conversation ${conversation.id} has ended`);
    const seq = conversation.nextSeq++;
    const stored: DirectLineActivity = { ...activity, id: options.keepId && activity.id ? activity.id : activityId(conversation.id, seq) };
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    conversation.stored.push({ seq, activity: stored, bytes });
    conversation.bytes += bytes;
    this.totalBytes += bytes;
    if (options.clientActivityId) this.rememberClientId(conversation, options.clientActivityId, stored.id!);
    this.trim(conversation);
    this.touch(conversation, this.nowMs());
    this.evict(conversation);
    for (const listener of [...conversation.listeners]) listener.activities({ activities: [stored], watermark: String(seq) });
    return stored;
  }

  /** The activities after a watermark (all kept ones when it is missing or not a number). */
  since(conversation: DirectLineConversation, watermark?: string): ActivitySet {
    const from = watermark !== undefined && /^\d+$/.test(watermark) ? Number(watermark) : 0;
    return { activities: conversation.stored.filter((s) => s.seq > from).map((s) => s.activity), watermark: conversation.watermark };
  }

  /** Follows a conversation live; returns the function that stops following. */
  listen(conversation: DirectLineConversation, listener: ConversationListener): () => void {
    conversation.listeners.push(listener);
    while (conversation.listeners.length > this.limits.maxListenersPerConversation) conversation.listeners.shift()!.ended();
    return () => {
      const index = conversation.listeners.indexOf(listener);
      if (index >= 0) conversation.listeners.splice(index, 1);
    };
  }

  /** Forgets every conversation and ends every live stream (on shutdown). */
  clear(): void {
    for (const conversation of [...this.conversations.values()]) this.remove(conversation);
  }

  private nowMs(): number {
    return this.now().toMillis();
  }

  private touch(conversation: DirectLineConversation, nowMs: number): void {
    conversation.lastActiveMs = nowMs;
    // Re-inserting keeps the map in least-recently-active order, so expiry and eviction start at the front.
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  private sweep(nowMs: number): void {
    const oldest = nowMs - this.limits.idleMinutes * 60_000;
    for (const conversation of this.conversations.values()) {
      if (conversation.lastActiveMs > oldest) break;
      this.remove(conversation);
    }
  }

  private evict(keep: DirectLineConversation): void {
    for (const conversation of this.conversations.values()) {
      if (this.conversations.size <= this.limits.maxConversations && this.totalBytes <= this.limits.maxBytes) break;
      if (conversation !== keep) this.remove(conversation);
    }
  }

  private trim(conversation: DirectLineConversation): void {
    const { stored } = conversation;
    while (stored.length > 1 && (stored.length > this.limits.maxActivitiesPerConversation || conversation.bytes > this.limits.maxBytesPerConversation)) {
      const dropped = stored.shift()!;
      conversation.bytes -= dropped.bytes;
      this.totalBytes -= dropped.bytes;
    }
  }

  private rememberClientId(conversation: DirectLineConversation, clientActivityId: string, id: string): void {
    conversation.clientIds.set(clientActivityId, id);
    if (conversation.clientIds.size > this.limits.rememberedClientIds) {
      conversation.clientIds.delete(conversation.clientIds.keys().next().value!);
    }
  }

  private remove(conversation: DirectLineConversation): void {
    if (this.conversations.get(conversation.id) !== conversation) return;
    this.conversations.delete(conversation.id);
    this.totalBytes -= conversation.bytes;
    for (const listener of conversation.listeners.splice(0)) listener.ended();
  }
}
