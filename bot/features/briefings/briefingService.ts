import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { Reader, readerMatches } from '../audience/readerTargeting';
import { Recipient } from '../audience/resolveAudience';
import { DeliveryCounts, DeliveryRecord, EnqueueResult, OutboundMessage } from '../../platform/delivery/deliveryTypes';
import { Profile } from '../../platform/store/profiles';
import { BriefingDraft } from './briefingInput';
import { Briefing, briefingMessageId, Briefings, isLive } from './briefings';

/** The outbox kind of briefing copies. */
export const BRIEFING_KIND = 'briefing';

/** What the briefing service needs from the delivery engine. */
export interface BriefingDelivery {
  enqueue(messages: OutboundMessage[]): Promise<EnqueueResult>;
  updateSent(messageId: string): Promise<number>;
  recall(messageId: string): Promise<{ cancelled: number; deleting: number }>;
  counts(messageId: string): Promise<DeliveryCounts>;
  records(messageId: string): Promise<DeliveryRecord[]>;
  acknowledge(messageId: string, userId: string): Promise<boolean>;
  acknowledgeOpened(messageId: string, userId: string, kind: string): Promise<void>;
  wasSentTo(messageId: string, userId: string): Promise<boolean>;
  acknowledgedAt(messageId: string, userId: string): Promise<string | undefined>;
}

export interface BriefingStatusReport {
  briefing: Briefing;
  counts: DeliveryCounts;
}

/**
 * Strategy briefings from authoring to recall: the audience is resolved and one copy per person
 * queued through the delivery engine; edits update sent cards in place; recall stops pending
 * copies and deletes sent ones.
 */
export class BriefingService {
  constructor(
    private readonly deps: {
      briefings: Briefings;
      delivery: BriefingDelivery;
      audience: (briefing: Pick<Briefing, 'audience'>) => Promise<Recipient[]>;
      now: () => DateTime;
      /** How a reader is targeted (directory attributes and Entra groups, as fan-out resolves them); their own settings alone without it. */
      reader?: (userId: string, profile?: Profile) => Promise<Reader>;
    },
  ) {}

  private async readerOf(userId: string, profile: Profile | undefined): Promise<Reader> {
    return this.deps.reader ? this.deps.reader(userId, profile) : { targeting: profile, groups: [] };
  }

  /** Whether a briefing's audience includes this person, judged as fan-out judges them (directory first, then their settings). */
  async isMeantFor(briefing: Pick<Briefing, 'audience'>, userId: string, profile?: Profile): Promise<boolean> {
    return readerMatches(briefing.audience, await this.readerOf(userId, profile));
  }

  /** How many people a draft would reach now. */
  async audienceSize(draft: Pick<BriefingDraft, 'audience'>): Promise<number> {
    return (await this.deps.audience(draft)).length;
  }

  /** Saves a briefing (inside the caller's unit of work, if one is open). Publish it afterwards. */
  create(draft: BriefingDraft, createdBy: string): Promise<number> {
    return this.deps.briefings.create(draft, createdBy);
  }

  /**
   * Queues one copy per person in the audience and marks the briefing published. Safe to repeat:
   * copies already queued are left alone, so a briefing interrupted half-way can be published again.
   */
  async publish(id: number): Promise<EnqueueResult & { recipients: number }> {
    const briefing = await this.deps.briefings.get(id);
    if (!briefing) throw new Error(`briefing ${id} does not exist`);
    return this.queueCopies(briefing);
  }

  /** Publishes one briefing if it is still waiting to be queued (just created, or cut short half-way). */
  async publishIfUnfinished(id: number): Promise<void> {
    const briefing = await this.deps.briefings.get(id);
    if (briefing?.status === 'publishing') await this.queueCopies(briefing);
  }

  private async queueCopies(briefing: Briefing): Promise<EnqueueResult & { recipients: number }> {
    const { id } = briefing;
    const recipients = await this.deps.audience(briefing);
    const result = await this.deps.delivery.enqueue(
      recipients.map((r) => ({
        kind: BRIEFING_KIND,
        messageId: briefingMessageId(id),
        userId: r.userId,
        notBefore: DateTime.fromISO(briefing.publishAt),
        urgent: briefing.urgent,
        expiresAt: briefing.expiresAt ? DateTime.fromISO(briefing.expiresAt) : undefined,
      })),
    );
    await this.deps.briefings.setStatus(id, 'published', recipients.length);
    return { ...result, recipients: recipients.length };
  }

  /** Publishes briefings a stopped process left half-queued. */
  async resumeUnfinished(): Promise<number> {
    const unfinished = await this.deps.briefings.unfinished();
    for (const briefing of unfinished) await this.queueCopies(briefing);
    return unfinished.length;
  }

  get(id: number): Promise<Briefing | undefined> {
    return this.deps.briefings.get(id);
  }

  /** Changes a briefing's words; cards already sent are updated in place. */
  async edit(id: number, content: Pick<BriefingDraft, 'title' | 'summary' | 'body' | 'link' | 'topics'>): Promise<{ updated: boolean; cardsUpdating: number }> {
    const briefing = await this.deps.briefings.get(id);
    if (!briefing || briefing.status === 'recalled') return { updated: false, cardsUpdating: 0 };
    await this.deps.briefings.update(id, content);
    return { updated: true, cardsUpdating: await this.deps.delivery.updateSent(briefingMessageId(id)) };
  }

  /** Stops pending copies and deletes sent cards where the channel allows. */
  async recall(id: number): Promise<{ recalled: boolean; cancelled: number; deleting: number }> {
    const briefing = await this.deps.briefings.get(id);
    if (!briefing || briefing.status === 'recalled') return { recalled: false, cancelled: 0, deleting: 0 };
    await this.deps.briefings.setStatus(id, 'recalled');
    return { recalled: true, ...(await this.deps.delivery.recall(briefingMessageId(id))) };
  }

  async status(id: number): Promise<BriefingStatusReport | undefined> {
    const briefing = await this.deps.briefings.get(id);
    return briefing ? this.statusOf(briefing) : undefined;
  }

  /** The delivery counts of a briefing the caller already holds. */
  async statusOf(briefing: Briefing): Promise<BriefingStatusReport> {
    return { briefing, counts: await this.deps.delivery.counts(briefingMessageId(briefing.id)) };
  }

  /** The latest briefings, newest first, whatever their state. */
  recent(limit: number): Promise<Briefing[]> {
    return this.deps.briefings.recent(limit);
  }

  /** Per-recipient delivery status as CSV, for the comms team. */
  async deliveriesCsv(id: number): Promise<string | undefined> {
    const briefing = await this.deps.briefings.get(id);
    if (!briefing) return undefined;
    const records = await this.deps.delivery.records(briefingMessageId(id));
    return stringify(
      records.map((r) => [r.userId, r.status, r.attempts, r.sentAt ?? '', r.acknowledgedAt ?? '', r.lastError ?? '']),
      { header: true, columns: ['user_id', 'status', 'attempts', 'sent_at', 'acknowledged_at', 'last_error'] },
    );
  }

  /** Records "Got it"; false (and nothing recorded) when the person was never sent this briefing. */
  acknowledge(id: number, userId: string): Promise<boolean> {
    return this.deps.delivery.acknowledge(briefingMessageId(id), userId);
  }

  /** Records "Got it" from someone in the audience who opened the briefing from "latest briefings" rather than a delivered card. */
  acknowledgeOpened(id: number, userId: string): Promise<void> {
    return this.deps.delivery.acknowledgeOpened(briefingMessageId(id), userId, BRIEFING_KIND);
  }

  wasSentTo(id: number, userId: string): Promise<boolean> {
    return this.deps.delivery.wasSentTo(briefingMessageId(id), userId);
  }

  /** Live briefings meant for a person (by their directory targeting and groups, then their settings), newest first. */
  async latestFor(userId: string, profile: Profile | undefined, limit = 5): Promise<Briefing[]> {
    const now = this.deps.now();
    const reader = await this.readerOf(userId, profile);
    return (await this.deps.briefings.published()).filter((b) => isLive(b, now) && readerMatches(b.audience, reader)).slice(0, limit);
  }

  /** Live briefings meant for a person that they have not yet acknowledged, newest first (the "new briefings" on opening web chat). */
  async unreadFor(userId: string, profile: Profile | undefined): Promise<Briefing[]> {
    const unread: Briefing[] = [];
    for (const b of await this.latestFor(userId, profile, 20)) if (!(await this.deps.delivery.acknowledgedAt(briefingMessageId(b.id), userId))) unread.push(b);
    return unread;
  }

  /** The most recent briefing whose title matches the words given (case and punctuation ignored). */
  async findByTitle(words: string): Promise<Briefing | undefined> {
    const fold = (s: string) =>
      s
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const wanted = fold(words);
    if (!wanted) return undefined;
    const idMatch = /^#?(\d+)$/.exec(wanted.replace(/^briefing\s+/, ''));
    const recent = await this.deps.briefings.recent();
    if (idMatch) return recent.find((b) => b.id === Number(idMatch[1]));
    return (
      recent.find((b) => fold(b.title) === wanted) ??
      recent.find((b) => fold(b.title).includes(wanted)) ??
      recent.find((b) => wanted.split(' ').every((w) => fold(b.title).includes(w)))
    );
  }
}
