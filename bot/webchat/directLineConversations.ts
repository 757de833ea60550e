import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { Logger } from 'pino';
import { ActivityFeed, FeedEvent, FeedListener } from './activityFeed';
import {
  ActivitySet,
  ClientAppend,
  ConversationUser,
  DirectLineActivity,
  DirectLineStore,
  LimitVerdict,
  seqOfActivityId,
  StoredConversation,
  WindowLimit,
} from './directLineStore';
import { VerifiedUsers } from './verifiedUsers';
import { VERIFIED_USER_PREFIX } from '../platform/webChatUserIds';

/** Activity types the channel passes on live but never stores or counts: they mean nothing a minute later. */
const EPHEMERAL_TYPES = new Set(['typing']);

/** How long a conversation read from the store answers `find` again, so a page polling every second costs one read a second however many polls arrive. */
const FRESH_MS = 1000;

/** A conversation as last read, and when (by the process's own monotonic timer, and by the injected clock). */
interface Remembered {
  conversation: StoredConversation;
  readAtMs: number;
  readAtClockMs: number;
}

/** Whether an activity is only passed on live (typing), never stored. */
export const isEphemeral = (activity: DirectLineActivity): boolean => EPHEMERAL_TYPES.has(activity.type);

/**
 * The built-in Direct Line's conversations as the routes and streams use them: the shared store
 * (what is said, in watermark order) and the feed (who to tell), kept in step, so every append is
 * announced to every replica's streams. Verified people are remembered on whichever replica
 * meets their conversation, so the bot can look them up by id there.
 */
export class DirectLineConversations {
  constructor(
    private readonly deps: {
      store: DirectLineStore;
      feed: ActivityFeed;
      users: VerifiedUsers;
      logger: Logger;
      now: () => DateTime;
    },
  ) {}

  /** Conversations read in the last second, oldest first; a cache, so it is bounded by how many are in use at once. */
  private readonly recent = new Map<string, Remembered>();

  /** Starts a conversation, or finds the one with that id (a second start with the same credential). */
  async start(id: string, user: ConversationUser): Promise<{ conversation: StoredConversation; created: boolean }> {
    const started = await this.deps.store.start(id, user);
    this.remember(started.conversation);
    return started;
  }

  /**
   * The conversation, or undefined when unknown or purged. One read in the last second answers
   * again (its watermark kept up to date by this process's own appends), so tight polling does
   * not cost a database read per poll; it is at most a second behind another replica's appends.
   */
  async find(id: string): Promise<StoredConversation | undefined> {
    const remembered = this.recent.get(id);
    // Fresh by both the real timer and the injected clock, so a test that moves its clock on reads again.
    if (remembered && performance.now() - remembered.readAtMs < FRESH_MS && this.deps.now().toMillis() - remembered.readAtClockMs < FRESH_MS) {
      return remembered.conversation;
    }
    const conversation = await this.deps.store.find(id);
    if (conversation) {
      this.remember(conversation);
      this.keep(conversation);
    } else this.recent.delete(id);
    return conversation;
  }

  /** Marks the conversation used (a page's keep-alive); false when it has gone. */
  touch(id: string): Promise<boolean> {
    return this.deps.store.touch(id);
  }

  /** Stores a client's activity (unless resent or over the flood limit) and tells the streams. */
  async appendFromClient(id: string, activity: DirectLineActivity, clientActivityId: string | undefined): Promise<ClientAppend> {
    const result = await this.deps.store.appendFromClient(id, activity, clientActivityId);
    if (result.outcome === 'appended') await this.announce(id, result.activity);
    if (result.outcome === 'gone') this.recent.delete(id);
    return result;
  }

  /** Records that the turn for a client's activity finished, so a resend of it is not answered twice. */
  markHandled(id: string, clientActivityId: string): Promise<void> {
    return this.deps.store.markHandled(id, clientActivityId);
  }

  /**
   * Adds the bot's activities in order: typing goes to the streams only, the rest is stored and
   * announced. Returns what was stored, or undefined when the conversation has gone.
   */
  async appendFromBot(id: string, activities: DirectLineActivity[]): Promise<DirectLineActivity[] | undefined> {
    const stored: DirectLineActivity[] = [];
    let run: DirectLineActivity[] = [];
    const flush = async (): Promise<boolean> => {
      if (!run.length) return true;
      const added = await this.deps.store.appendFromBot(id, run);
      run = [];
      if (!added) {
        this.recent.delete(id);
        return false;
      }
      stored.push(...added);
      await this.announce(id, added[added.length - 1]);
      return true;
    };
    for (const activity of activities) {
      if (!isEphemeral(activity)) {
        run.push(activity);
        continue;
      }
      if (!(await flush())) return undefined;
      await this.publish({ kind: 'ephemeral', conversationId: id, activity });
    }
    return (await flush()) ? stored : undefined;
  }

  /** Replaces a kept activity with its redacted stand-in (its words reported a safeguarding concern); false when it is not held. */
  redact(id: string, activityId: string): Promise<boolean> {
    return this.deps.store.redact(id, activityId);
  }

  /** The kept activities after a watermark; undefined when the conversation has gone. */
  since(id: string, watermark: number): Promise<ActivitySet | undefined> {
    return this.deps.store.since(id, watermark);
  }

  /** Counts one event against a limit every replica shares. */
  take(key: string, limit: WindowLimit): Promise<LimitVerdict> {
    return this.deps.store.take(key, limit);
  }

  /** Follows a conversation's news (from any replica); returns the function that stops following. */
  follow(id: string, listener: FeedListener): () => void {
    return this.deps.feed.subscribe(id, listener);
  }

  private announce(id: string, newest: DirectLineActivity): Promise<void> {
    const watermark = seqOfActivityId(String(newest.id));
    const remembered = this.recent.get(id);
    if (remembered && remembered.conversation.lastSeq < watermark) remembered.conversation = { ...remembered.conversation, lastSeq: watermark };
    return this.publish({ kind: 'stored', conversationId: id, watermark });
  }

  /** Remembers a conversation just read, dropping the ones read over a second ago. */
  private keep(conversation: StoredConversation): void {
    const nowMs = performance.now();
    this.recent.delete(conversation.id);
    this.recent.set(conversation.id, { conversation, readAtMs: nowMs, readAtClockMs: this.deps.now().toMillis() });
    for (const [id, entry] of this.recent) {
      if (nowMs - entry.readAtMs < FRESH_MS) break;
      this.recent.delete(id);
    }
  }

  /** Tells the streams; a failure only delays them (they read again at their next keep-alive), so it never fails the append. */
  private async publish(event: Exclude<FeedEvent, { kind: 'resync' }>): Promise<void> {
    await this.deps.feed
      .publish(event)
      .catch((err: unknown) => this.deps.logger.warn({ err }, 'web chat could not tell the other replicas about new activity'));
  }

  private remember(conversation: StoredConversation): void {
    const { user } = conversation;
    if (user.id.startsWith(VERIFIED_USER_PREFIX)) this.deps.users.remember({ ...user, verified: true });
  }
}
