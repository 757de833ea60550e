import { DirectLineActivity } from './directLineStore';

/**
 * News about a conversation: activities up to a watermark are stored (read them from the store),
 * an activity that is never stored (the bot typing), or "you may have missed something, read
 * again" after a lost connection to the other replicas.
 */
export type FeedEvent =
  | { kind: 'stored'; conversationId: string; watermark: number }
  | { kind: 'ephemeral'; conversationId: string; activity: DirectLineActivity }
  | { kind: 'resync'; conversationId: string };

/** Someone in this process following a conversation (a WebSocket stream). */
export type FeedListener = (event: FeedEvent) => void;

/**
 * Tells every replica's streams that a conversation has news, so a WebSocket on one replica
 * sends a reply that a turn on another produced. Events are hints: listeners read the activities
 * themselves from the shared store since their own watermark, so a lost or repeated event never
 * loses or repeats an activity.
 */
export interface ActivityFeed {
  /** Tells this process's listeners at once and the other replicas' as soon as the channel carries it. */
  publish(event: Exclude<FeedEvent, { kind: 'resync' }>): Promise<void>;
  /** Follows a conversation; returns the function that stops following. */
  subscribe(conversationId: string, listener: FeedListener): () => void;
  /** Starts listening for other replicas (building a feed opens no connection). */
  start(): Promise<void>;
  /** Stops listening for other replicas. */
  close(): Promise<void>;
}

/** Listeners in this process by conversation; the part of every feed that delivers locally. */
export class LocalListeners {
  private readonly byConversation = new Map<string, Set<FeedListener>>();

  constructor(
    private readonly onFirst?: (conversationId: string) => void,
    private readonly onLast?: (conversationId: string) => void,
  ) {}

  add(conversationId: string, listener: FeedListener): () => void {
    let listeners = this.byConversation.get(conversationId);
    if (!listeners) {
      listeners = new Set();
      this.byConversation.set(conversationId, listeners);
      this.onFirst?.(conversationId);
    }
    listeners.add(listener);
    return () => {
      const current = this.byConversation.get(conversationId);
      if (!current?.delete(listener) || current.size) return;
      this.byConversation.delete(conversationId);
      this.onLast?.(conversationId);
    };
  }

  /** Whether anyone here follows the conversation. */
  has(conversationId: string): boolean {
    return this.byConversation.has(conversationId);
  }

  deliver(event: FeedEvent): void {
    for (const listener of [...(this.byConversation.get(event.conversationId) ?? [])]) {
      try {
        listener(event);
      } catch {
        // One stream's failure is its own; the others still hear the news.
      }
    }
  }

  /** Asks every listener to read again (after the link to the other replicas came back). */
  resyncAll(): void {
    for (const conversationId of [...this.byConversation.keys()]) this.deliver({ kind: 'resync', conversationId });
  }

  /** The conversations followed here. */
  conversations(): string[] {
    return [...this.byConversation.keys()];
  }
}

/** The feed of a single process (SQLite): every listener is local. */
export class LocalActivityFeed implements ActivityFeed {
  private readonly listeners = new LocalListeners();

  async publish(event: Exclude<FeedEvent, { kind: 'resync' }>): Promise<void> {
    this.listeners.deliver(event);
  }

  subscribe(conversationId: string, listener: FeedListener): () => void {
    return this.listeners.add(conversationId, listener);
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {}
}

/** What travels between replicas: the event and which replica sent it (so it skips its own). */
export interface FeedMessage {
  r: string;
  e: Exclude<FeedEvent, { kind: 'resync' }>;
}

/** Reads a message from another replica; undefined for anything malformed. */
export function parseFeedMessage(text: string): FeedMessage | undefined {
  try {
    const message = JSON.parse(text) as FeedMessage;
    const e = message?.e;
    if (typeof message.r !== 'string' || !e || typeof e.conversationId !== 'string') return undefined;
    if (e.kind === 'stored' && typeof e.watermark === 'number') return message;
    if (e.kind === 'ephemeral' && e.activity && typeof e.activity === 'object') return message;
    return undefined;
  } catch {
    return undefined;
  }
}
