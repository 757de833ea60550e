import { DateTime } from 'luxon';
import { Logger } from 'pino';
import { ConversationRecord, ConversationReferences } from '../store/conversationReferences';
import { Engine } from '../store/migrations/columns';
import { Profile, Profiles } from '../store/profiles';
import { RosterTarget, TeamRosters } from '../store/teamRosters';
import { Clock, stamp } from '../store/timestamps';
import { AdaptiveRate } from './adaptiveRate';
import { ConnectorPacing } from './connectorPacing';
import { ConnectorSender, SendOutcome, SendTarget } from './connectorSender';
import { deliveryTime, WorkingHours } from './deliveryWindow';
import { DeliveryCounts, DeliveryRecord, EnqueueResult, OutboundMessage } from './deliveryTypes';
import { MessageRenderer } from './messageRenderer';
import { CopyStatus, Outbox, OutboxCopy } from './outbox';
import { DeliveryProgress } from './deliveryProgress';
import { judgeFailure, RetrySettings } from './retryPolicy';
import { SendPacer } from './sendPacer';
import { channelOf } from './channelRecipient';
import { fitMessage } from './messageSize';
import { OutgoingMessage } from './outgoingMessage';
import { knownDead, newWorkerId } from './workerIdentity';

export interface DeliverySettings extends RetrySettings {
  /** Requests per second per tenant, shared by every replica (Teams: 50 per app per tenant). */
  ratePerSecond: number;
  /** Requests per second per conversation (Teams: 7). */
  conversationRatePerSecond: number;
  concurrency: number;
  batchSize: number;
  leaseMs: number;
  /** How long an idle worker sleeps at most before looking for due copies again. */
  pollMs: number;
  working: WorkingHours;
  zone: string;
}

export interface DeliveryEngineDependencies {
  outbox: Outbox;
  conversations: ConversationReferences;
  profiles: Pick<Profiles, 'many' | 'all'>;
  sender: ConnectorSender;
  /** Team rosters: people on them without a personal chat get one created on their first send. */
  rosters?: Pick<TeamRosters, 'targetsOf' | 'reachableMembers' | 'channelTargets'>;
  /**
   * Directory people (queued as "aad:<object id>") with no chat and no roster entry: the personal
   * app is installed for them on first send (Graph calls paced like sends) and the chat read back.
   */
  installs?: InstallAtSendTarget;
  now: Clock;
  logger: Logger;
  settings: DeliverySettings;
  engine: Engine;
  random?: () => number;
  /**
   * The connector rate limit shared with the directory's Graph calls and roster reads: one per
   * process, so no second limiter can send beside it. Its clock is real time (the injected clock
   * decides what is due; pacing needs the wall clock).
   */
  pacing: ConnectorPacing;
}

/** What the engine needs to install the personal app at send time (bot/features/directory/sendTimeInstaller.ts). */
export interface InstallAtSendTarget {
  installable(recipients: string[]): Promise<Set<string>>;
  chatsOf(recipients: string[]): Promise<Map<string, ConversationRecord>>;
  install(recipient: string): Promise<{ ok: true; chat: ConversationRecord } | { ok: false; status: number; error: string }>;
}

/** How long renderers may cache what they render; updates wait this long. */
export const RENDER_CACHE_GRACE_MS = 2000;
/** The pacing key of opening someone's personal chat (the new conversation has no id yet). */
const openingKey = (userId: string): string => `open:${userId}`;
/** Where a failed install at send time is recorded against (no conversation exists yet). */
const installKey = (userId: string): string => `install:${userId}`;
/** Above this many recipients, reachability and quiet hours are read from whole tables in one query each. */
const BULK = 20;

/**
 * The shared delivery engine: queues one copy per message and recipient, then sends due copies at
 * the rate limits (global per tenant and per conversation, booked in a shared store), retrying
 * throttled and failed sends and marking people who blocked the bot unreachable. Delivery is at
 * least once: a copy is sent twice only if the process dies after the connector accepted it and
 * before the outbox recorded it.
 */
export class DeliveryEngine {
  readonly workerId = newWorkerId();
  private readonly renderers = new Map<string, MessageRenderer>();
  /** Kinds whose finished copies are deleted rather than kept, because the record itself would say too much. */
  private readonly forgetful = new Set<string>();
  private readonly adaptive: AdaptiveRate;
  private readonly progress: DeliveryProgress;
  private readonly pacer: SendPacer;
  private readonly paceNow: () => number;
  private readonly random: () => number;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /**
   * Copies this worker holds (queued or being sent): when a slow send outlives its lease and the
   * next claim hands the same copy back, it is not sent a second time.
   */
  private readonly inHand = new Set<number>();
  /** Personal chats being opened in this process, so two copies for one person open it once. */
  private readonly opening = new Map<string, Promise<ConversationRecord | Extract<SendOutcome, { ok: false }>>>();
  /** Installs of the personal app under way in this process, so two copies for one person install it once. */
  private readonly installing = new Map<string, ReturnType<InstallAtSendTarget['install']>>();

  constructor(private readonly deps: DeliveryEngineDependencies) {
    this.paceNow = deps.pacing.now;
    this.random = deps.random ?? Math.random;
    this.progress = new DeliveryProgress(deps.logger, this.paceNow);
    this.adaptive = deps.pacing.adaptive;
    this.pacer = deps.pacing.pacer;
  }

  /** Waits for a turn under the same shared limits as sends, for other connector calls (roster reads). */
  paceConnectorCall(tenant: string, key: string): Promise<void> {
    return this.pacer.waitTurn(tenant, key);
  }

  /**
   * Sets how copies of one kind of message are built at send time. With `forgetWhenDone`, a copy's
   * row is deleted once it is sent or dropped, e.g. survey reminders, whose recipients would
   * otherwise record who had not yet answered.
   */
  registerRenderer(kind: string, renderer: MessageRenderer, options: { forgetWhenDone?: boolean } = {}): void {
    if (this.renderers.has(kind)) throw new Error(`a renderer for "${kind}" is registered twice`);
    this.renderers.set(kind, renderer);
    if (options.forgetWhenDone) this.forgetful.add(kind);
  }

  /** Queues copies, each moved into working hours and out of its recipient's quiet hours unless urgent. */
  async enqueue(messages: OutboundMessage[]): Promise<EnqueueResult> {
    const reachable = await this.reachable(messages.map((m) => m.userId));
    const copies: OutboundMessage[] = [];
    let unreachable = 0;
    const profiles = await this.quietHoursOf(messages.filter((m) => !m.urgent).map((m) => m.userId));
    for (const m of messages) {
      if (!reachable.has(m.userId)) {
        unreachable++;
        continue;
      }
      const profile = profiles.get(m.userId);
      const quiet = profile?.quietStart && profile.quietEnd ? { start: profile.quietStart, end: profile.quietEnd } : undefined;
      const notBefore = deliveryTime(m.notBefore, { urgent: m.urgent, working: this.deps.settings.working, quiet, zone: this.deps.settings.zone });
      copies.push({ ...m, notBefore });
    }
    const { inserted, duplicates } = await this.deps.outbox.insert(copies);
    this.wake?.();
    return { queued: inserted, duplicates, unreachable };
  }

  cancel(messageId: string, userId?: string): Promise<number> {
    return this.deps.outbox.cancel(messageId, userId);
  }

  /**
   * Updates every sent copy in place with what the renderer now builds (an edited briefing), a
   * moment from now so renderers' short-lived caches in every replica have expired.
   */
  async updateSent(messageId: string): Promise<number> {
    const n = await this.deps.outbox.scheduleOnSent(messageId, 'update', RENDER_CACHE_GRACE_MS);
    this.wake?.();
    return n;
  }

  /** Recalls a message: cancels copies not yet sent and deletes sent ones where the channel allows. */
  async recall(messageId: string): Promise<{ cancelled: number; deleting: number }> {
    const cancelled = await this.deps.outbox.cancel(messageId);
    const deleting = await this.deps.outbox.scheduleOnSent(messageId, 'delete');
    this.wake?.();
    return { cancelled, deleting };
  }

  counts(messageId: string): Promise<DeliveryCounts> {
    return this.deps.outbox.counts(messageId);
  }

  records(messageId: string): Promise<DeliveryRecord[]> {
    return this.deps.outbox.records(messageId);
  }

  acknowledge(messageId: string, userId: string): Promise<boolean> {
    return this.deps.outbox.acknowledge(messageId, userId);
  }

  /** Records an acknowledgement from someone who read the message without a delivered copy. */
  acknowledgeOpened(messageId: string, userId: string, kind: string): Promise<void> {
    return this.deps.outbox.acknowledgeOpened(messageId, userId, kind);
  }

  wasSentTo(messageId: string, userId: string): Promise<boolean> {
    return this.deps.outbox.wasSentTo(messageId, userId);
  }

  acknowledgedAt(messageId: string, userId: string): Promise<string | undefined> {
    return this.deps.outbox.acknowledgedAt(messageId, userId);
  }

  /** Sends everything due now (by the injected clock), then returns how many copies it handled; for tests and tools. */
  drain(): Promise<number> {
    return this.pump();
  }

  /** Starts the background worker. */
  async start(): Promise<void> {
    if (this.running) return;
    // The only SQLite worker takes over whatever its previous incarnation had claimed.
    if (this.deps.engine === 'sqlite') await this.deps.outbox.releaseAllClaims();
    // A PostgreSQL worker takes over at once the claims of workers it knows died (on its host), rather than waiting out their leases.
    else await this.deps.outbox.releaseClaimsOf((await this.deps.outbox.claimHolders()).filter((holder) => knownDead(holder, this.workerId)));
    this.running = true;
    this.loop = this.work();
  }

  /** Stops the worker after the copies in hand are finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async work(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.pump();
      } catch (err) {
        this.deps.logger.error({ err }, 'delivery worker failed; retrying shortly');
      }
      if (handled === 0 && this.running) await this.idle();
    }
  }

  private async idle(): Promise<void> {
    let waitMs = this.deps.settings.pollMs;
    try {
      const next = await this.deps.outbox.nextDue();
      if (next) waitMs = Math.max(0, Math.min(waitMs, next.toMillis() - this.deps.now().toMillis()));
    } catch {
      // The database is unreachable: wait the usual poll interval and try again.
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(10, waitMs));
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
  }

  /**
   * Handles due copies until none are left: lanes take copies from a queue that is topped up with
   * the next claimed batch while the current one is still being sent, so a send never waits for a
   * claim. Returns how many copies were handled.
   */
  private async pump(): Promise<number> {
    const { batchSize, leaseMs, concurrency } = this.deps.settings;
    const queue: { copy: OutboxCopy; chat?: ConversationRecord; roster?: RosterTarget; install?: boolean }[] = [];
    let claiming: Promise<void> | undefined;
    let exhausted = false;
    let handled = 0;
    // A claim can read a copy this pump has just sent before its settlement commits: the same id, attempt and operation means it is that stale copy.
    const handledHere = new Set<string>();
    const handledKey = (copy: OutboxCopy) => `${copy.id}:${copy.attempts}:${copy.pendingOp}`;
    const refill = async () => {
      const batch = await this.deps.outbox.claimDue(this.workerId, batchSize, leaseMs);
      exhausted = batch.length === 0;
      if (exhausted) return;
      const chats = await this.deps.conversations.personalChats(batch.map((c) => c.userId));
      for (const [recipient, chat] of await this.channelChats(batch.map((c) => c.userId))) chats.set(recipient, chat);
      const withoutChat = batch.filter((c) => c.pendingOp === 'send' && !chats.has(c.userId)).map((c) => c.userId);
      const rosters = withoutChat.length && this.deps.rosters ? await this.deps.rosters.targetsOf(withoutChat) : new Map<string, RosterTarget>();
      const toInstall = withoutChat.filter((u) => !rosters.has(u));
      // A chat an earlier install opened (before a crash or a failed send) is used, so nothing is installed twice.
      if (toInstall.length && this.deps.installs) for (const [recipient, chat] of await this.deps.installs.chatsOf(toInstall)) chats.set(recipient, chat);
      for (const copy of batch) {
        if (this.inHand.has(copy.id) || handledHere.has(handledKey(copy))) continue;
        this.inHand.add(copy.id);
        const chat = chats.get(copy.userId);
        const roster = rosters.get(copy.userId);
        queue.push({ copy, chat, roster, install: !!this.deps.installs && copy.pendingOp === 'send' && !chat && !roster });
      }
    };
    const topUp = () => {
      if (!claiming && !exhausted && queue.length < batchSize / 2) claiming = refill().finally(() => (claiming = undefined));
      return claiming;
    };
    const lane = async () => {
      for (;;) {
        const pending = topUp();
        const item = queue.shift();
        if (!item) {
          if (!pending) return;
          await pending;
          continue;
        }
        try {
          await this.handle(item.copy, item.chat, item.roster, item.install);
        } catch (err) {
          this.deps.logger.error({ err, messageId: item.copy.messageId }, 'could not handle an outbox copy; it will be retried when its lease ends');
        } finally {
          handledHere.add(handledKey(item.copy));
          this.inHand.delete(item.copy.id);
        }
        handled++;
        this.progress.report((id) => this.deps.outbox.counts(id));
      }
    };
    await topUp();
    // Lanes only stop when nothing is queued and no claim is under way; checked again so no claimed copy is left waiting for its lease.
    do {
      await Promise.all(Array.from({ length: concurrency }, lane));
      await claiming;
    } while (queue.length > 0);
    return handled;
  }

  private async handle(copy: OutboxCopy, known: ConversationRecord | undefined, roster?: RosterTarget, install = false): Promise<void> {
    const { outbox } = this.deps;
    const now = this.deps.now();
    if (copy.pendingOp === 'send' && copy.expiresAt && DateTime.fromISO(copy.expiresAt) <= now) {
      await this.settle(copy, 'expired');
      return;
    }
    let chat = known;
    if (!chat && roster && copy.pendingOp === 'send') {
      const opened = await this.openChat(roster);
      if ('ok' in opened) {
        await this.handleFailure(
          copy,
          { target: { serviceUrl: roster.serviceUrl, conversationId: openingKey(roster.userId) }, tenant: roster.tenantId ?? 'none' },
          opened,
        );
        return;
      }
      chat = opened;
    }
    if (!chat && install) {
      const installed = await this.installChat(copy.userId);
      if (!installed.ok) {
        await this.handleFailure(
          copy,
          { target: { serviceUrl: '', conversationId: installKey(copy.userId) }, tenant: 'none' },
          { ok: false, status: installed.status, error: installed.error },
        );
        return;
      }
      chat = installed.chat;
    }
    if (chat && copy.pendingOp === 'send' && chat.scope === 'personal' && chat.userId !== copy.userId) {
      // Installing the app revealed the person's Teams id: the copy moves to it, so their "Got it" matches.
      if (!(await this.deps.outbox.readdress(copy, this.workerId, chat.userId))) {
        await this.settle(copy, 'cancelled', 'already queued for this person under their Teams id');
        return;
      }
      copy = { ...copy, userId: chat.userId };
    }
    const target = this.targetOf(copy, chat);
    if (!target) {
      await this.settle(copy, 'unreachable', 'no active personal chat with the bot');
      return;
    }
    let message: OutgoingMessage | undefined;
    if (copy.pendingOp !== 'delete') {
      const renderer = this.renderers.get(copy.kind);
      if (!renderer) {
        await outbox.finish(copy, this.workerId, 'failed', `no renderer for "${copy.kind}"`);
        return;
      }
      message = await renderer({
        kind: copy.kind,
        messageId: copy.messageId,
        userId: copy.userId,
        channelId: chat?.channelId ?? 'msteams',
        acknowledgedAt: copy.acknowledgedAt,
      });
      if (!message) {
        await (copy.pendingOp === 'send' ? this.settle(copy, 'cancelled', 'no longer wanted') : outbox.markOpDone(copy, this.workerId));
        return;
      }
      // Renderers build cards to fit; this is the net under them, so Teams never refuses a copy for its size.
      const fitted = fitMessage(message);
      if (fitted.shortened) this.deps.logger.warn({ kind: copy.kind, messageId: copy.messageId }, 'shortened a message that was over the Teams message limit');
      message = fitted.message;
    }
    await this.pacer.waitTurn(target.tenant, target.target.conversationId);
    const outcome = await this.perform(copy, target.target, message);
    this.adaptive.record(!outcome.ok && outcome.status === 429);
    if (outcome.ok) {
      if (this.forgetful.has(copy.kind)) await outbox.forget(copy, this.workerId);
      else if (copy.pendingOp === 'send') await outbox.markSent(copy, this.workerId, { ...target.target, activityId: outcome.activityId });
      else await outbox.markOpDone(copy, this.workerId);
      this.progress.count(copy.messageId);
      return;
    }
    await this.handleFailure(copy, target, outcome);
  }

  /**
   * Opens the personal chat of a roster member who has none (POST /v3/conversations, paced like a
   * send) and stores it, so later messages go straight there.
   */
  private openChat(roster: RosterTarget): Promise<ConversationRecord | Extract<SendOutcome, { ok: false }>> {
    const pending = this.opening.get(roster.userId);
    if (pending) return pending;
    const opening = (async () => {
      const tenant = roster.tenantId ?? 'none';
      await this.pacer.waitTurn(tenant, openingKey(roster.userId));
      const created = await this.deps.sender.createConversation({
        serviceUrl: roster.serviceUrl,
        tenantId: roster.tenantId,
        botId: roster.botId,
        memberId: roster.userId,
      });
      this.adaptive.record(!created.ok && created.status === 429);
      if (!created.ok) return created;
      const conversationId = created.conversationId!;
      const record = {
        userId: roster.userId,
        conversationId,
        aadObjectId: roster.aadObjectId,
        tenantId: roster.tenantId,
        channelId: 'msteams',
        scope: 'personal',
        serviceUrl: roster.serviceUrl,
        reference: {
          channelId: 'msteams',
          serviceUrl: roster.serviceUrl,
          bot: { id: roster.botId },
          user: { id: roster.userId, aadObjectId: roster.aadObjectId },
          conversation: { id: conversationId, conversationType: 'personal', tenantId: roster.tenantId },
        },
      };
      await this.deps.conversations.upsert(record);
      return { ...record, active: true, updatedAt: stamp(this.deps.now()) };
    })().finally(() => this.opening.delete(roster.userId));
    this.opening.set(roster.userId, opening);
    return opening;
  }

  /**
   * Installs the personal app for a directory person on their first send (Graph paced like sends)
   * and returns the chat it opened; two copies for one person in this process install once.
   */
  private installChat(recipient: string): Promise<{ ok: true; chat: ConversationRecord } | { ok: false; status: number; error: string }> {
    const key = installKey(recipient);
    const pending = this.installing.get(key);
    if (pending) return pending;
    const installing = this.deps.installs!.install(recipient).finally(() => this.installing.delete(key));
    this.installing.set(key, installing);
    return installing;
  }

  /** Closes a copy for good; a copy of a forgetful kind is deleted instead, so nothing records who got it. */
  private async settle(copy: OutboxCopy, status: CopyStatus, error?: string): Promise<void> {
    if (this.forgetful.has(copy.kind)) await this.deps.outbox.forget(copy, this.workerId);
    else await this.deps.outbox.finish(copy, this.workerId, status, error);
  }

  private async handleFailure(copy: OutboxCopy, target: { target: SendTarget; tenant: string }, outcome: Extract<SendOutcome, { ok: false }>): Promise<void> {
    const { outbox } = this.deps;
    if (copy.pendingOp === 'delete' && [404, 405, 501].includes(outcome.status)) {
      // The channel cannot delete (or the card is already gone): the copy counts as recalled.
      await outbox.markOpDone(copy, this.workerId);
      return;
    }
    const verdict = judgeFailure(outcome, copy.attempts + 1, this.deps.settings, this.random);
    const now = this.deps.now();
    switch (verdict.action) {
      case 'throttled':
        this.pacer.holdConversation(target.target.conversationId, this.paceNow() + verdict.delayMs);
        await outbox.retryLater(copy, this.workerId, now.plus({ milliseconds: verdict.delayMs }), verdict.reason);
        return;
      case 'retry':
        await outbox.retryLater(copy, this.workerId, now.plus({ milliseconds: verdict.delayMs }), verdict.reason);
        return;
      case 'unreachable':
        await this.settle(copy, 'unreachable', verdict.reason);
        await this.deps.conversations.deactivate(copy.userId, target.target.conversationId);
        this.progress.count(copy.messageId);
        return;
      case 'fail':
        await this.settle(copy, 'failed', verdict.reason);
        this.progress.count(copy.messageId);
        return;
    }
  }

  private perform(copy: OutboxCopy, target: SendTarget, message: OutgoingMessage | undefined): Promise<SendOutcome> {
    const { sender } = this.deps;
    if (copy.pendingOp === 'send') return sender.send(target, message!);
    if (copy.pendingOp === 'update') return sender.update(target, copy.activityId ?? '', message!);
    return sender.delete(target, copy.activityId ?? '');
  }

  /** Where a copy goes: the person's personal chat for a new send; where it went for an update or deletion. */
  private targetOf(copy: OutboxCopy, chat: ConversationRecord | undefined): { target: SendTarget; tenant: string } | undefined {
    if (copy.pendingOp !== 'send') {
      // Updates and deletions go where the copy went, counted against the same tenant's limit.
      if (!copy.conversationId || !copy.serviceUrl || !copy.activityId) return undefined;
      return { target: { conversationId: copy.conversationId, serviceUrl: copy.serviceUrl }, tenant: chat?.tenantId ?? 'none' };
    }
    if (!chat) return undefined;
    return { target: { conversationId: chat.conversationId, serviceUrl: chat.serviceUrl }, tenant: chat.tenantId ?? 'none' };
  }

  /** Team channels among the recipients, as the conversation their card is posted to. */
  private async channelChats(recipients: string[]): Promise<Map<string, ConversationRecord>> {
    const channels = recipients.filter((r) => channelOf(r));
    const out = new Map<string, ConversationRecord>();
    if (!channels.length || !this.deps.rosters) return out;
    for (const [recipient, t] of await this.deps.rosters.channelTargets(channels)) {
      out.set(recipient, {
        userId: recipient,
        conversationId: t.conversationId,
        tenantId: t.tenantId,
        channelId: 'msteams',
        scope: 'channel',
        serviceUrl: t.serviceUrl,
        reference: {},
        active: true,
        updatedAt: '',
      });
    }
    return out;
  }

  /** Who can be sent to: people with a personal chat, and roster members whose chat is opened on first send. */
  private async reachable(userIds: string[]): Promise<Set<string>> {
    const { conversations, rosters } = this.deps;
    const channels = await this.channelChats(userIds);
    let out: Set<string>;
    if (userIds.length > BULK) {
      out = new Set((await conversations.activePersonalChats()).map((c) => c.userId));
      for (const c of channels.keys()) out.add(c);
      if (rosters) for (const m of await rosters.reachableMembers()) out.add(m.userId);
    } else {
      out = new Set((await conversations.personalChats(userIds)).keys());
      for (const c of channels.keys()) out.add(c);
      const rest = userIds.filter((u) => !out.has(u));
      if (rosters && rest.length) for (const u of (await rosters.targetsOf(rest)).keys()) out.add(u);
    }
    // Directory people left over get the personal app installed on their first send.
    const rest = userIds.filter((u) => !out.has(u));
    if (this.deps.installs && rest.length) for (const u of await this.deps.installs.installable(rest)) out.add(u);
    return out;
  }

  /** The profiles of the people a batch goes to, read in one pass whichever way is cheaper. */
  private async quietHoursOf(userIds: string[]): Promise<Map<string, Profile>> {
    if (userIds.length === 0) return new Map();
    if (userIds.length > BULK) return new Map((await this.deps.profiles.all()).map((p) => [p.userId, p]));
    return this.deps.profiles.many(userIds);
  }
}
