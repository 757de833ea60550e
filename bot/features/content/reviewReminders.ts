import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { EnqueueResult, OutboundMessage } from '../../platform/delivery/deliveryTypes';
import { KnowledgeEntry } from '../../../knowledge/entry';
import { OwnerContacts, ownerKey } from '../../platform/ownerContacts';

/** The delivery engine kind (and renderer name) of "your entry is due for review" messages. */
export const CONTENT_REVIEW_KIND = 'content-review';
const PREFIX = `${CONTENT_REVIEW_KIND}:`;

/**
 * The message id of one review reminder: `content-review:<entryId>:<reviewBy>`. With the recipient
 * it is unique in the outbox, so each owner hears once per entry and review date, however often the
 * job runs and on however many replicas; a new review date that passes again is a new message.
 */
export const reviewMessageId = (entryId: string, reviewBy: string): string => `${PREFIX}${entryId}:${reviewBy}`;

/** Reads a review reminder's message id back (entry ids never hold colons). */
export function parseReviewMessageId(messageId: string): { entryId: string; reviewBy: string } | undefined {
  const match = /^content-review:([a-z0-9-]+):(\d{4}-\d{2}-\d{2})$/.exec(messageId);
  return match ? { entryId: match[1], reviewBy: match[2] } : undefined;
}

/** What one run did, for the log and the tests. */
export interface ReviewRun {
  overdue: number;
  /** Overdue entries whose owner CONTENT_OWNERS does not list, or whose people the bot cannot reach yet. */
  noRecipient: string[];
  queued: number;
  duplicates: number;
}

/** What the reminders need: the live entries, who owns what, how to find their chats, and the delivery engine. */
export interface ReviewReminderDependencies {
  liveEntries: () => Promise<KnowledgeEntry[]>;
  contacts: OwnerContacts;
  recipients: (people: readonly string[]) => Promise<string[]>;
  enqueue: (messages: OutboundMessage[]) => Promise<EnqueueResult>;
  now: () => DateTime;
  logger: Logger;
}

/**
 * Tells owners in Teams when their entries pass their review date: each run finds live entries
 * whose review date is before today (London) and queues one message per entry, review date and
 * owner through the delivery engine, which keeps them to working hours and the rate limits.
 */
export class ReviewReminders {
  constructor(private readonly deps: ReviewReminderDependencies) {}

  today(): string {
    return this.deps.now().setZone('Europe/London').toISODate() ?? '';
  }

  async run(): Promise<ReviewRun> {
    // Nobody to tell: CONTENT_OWNERS is not set, so the job reads nothing.
    if (!this.deps.contacts.size) return { overdue: 0, noRecipient: [], queued: 0, duplicates: 0 };
    const today = this.today();
    const overdue = (await this.deps.liveEntries()).filter((e) => e.reviewBy < today);
    const messages: OutboundMessage[] = [];
    const noRecipient: string[] = [];
    for (const entry of overdue) {
      const people = this.deps.contacts.get(ownerKey(entry.owner)) ?? [];
      const userIds = people.length ? await this.deps.recipients(people) : [];
      if (!userIds.length) noRecipient.push(entry.id);
      for (const userId of userIds)
        messages.push({ kind: CONTENT_REVIEW_KIND, messageId: reviewMessageId(entry.id, entry.reviewBy), userId, notBefore: this.deps.now(), urgent: false });
    }
    const result = messages.length ? await this.deps.enqueue(messages) : { queued: 0, duplicates: 0, unreachable: 0 };
    if (result.queued || noRecipient.length)
      this.deps.logger.info({ overdue: overdue.length, queued: result.queued, noRecipient: noRecipient.slice(0, 20) }, 'content review reminders');
    return { overdue: overdue.length, noRecipient, queued: result.queued, duplicates: result.duplicates };
  }

  /** The entry a queued reminder is about, if it is still overdue on that same review date (else the copy is dropped). */
  async due(messageId: string): Promise<KnowledgeEntry | undefined> {
    const parsed = parseReviewMessageId(messageId);
    if (!parsed) return undefined;
    const entry = (await this.deps.liveEntries()).find((e) => e.id === parsed.entryId);
    return entry && entry.reviewBy === parsed.reviewBy && entry.reviewBy < this.today() ? entry : undefined;
  }
}
