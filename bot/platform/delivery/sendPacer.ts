import { SlotReserver } from './slotReserver';

/** Global slots booked from the shared store at a time; booking in blocks keeps the store off the hot path. */
const BLOCK = 10;
/**
 * The share of a configured limit the pacer aims for: sends leave evenly spaced but arrive with
 * network jitter, and a little headroom keeps that jitter from tipping a second over the limit.
 */
export const HEADROOM = 0.995;
/** Sends that may go together after a pause, at most. */
const BURST = 5;
/** Conversation pacing entries kept in memory before old ones are forgotten. */
const MAX_CONVERSATIONS = 50000;

interface Block {
  start: number;
  interval: number;
  used: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Spaces sends out under both limits. The global limit per tenant is booked from the shared store
 * (database or Redis) in small blocks, so all replicas together stay under it; the per-conversation
 * limit and Retry-After holds are kept in this process, since one conversation's copies are
 * rarely in two replicas' hands in the same second.
 */
export class SendPacer {
  private readonly blocks = new Map<string, Block[]>();
  private readonly booking = new Map<string, Promise<Block>>();
  private readonly conversations = new Map<string, number>();
  /** When this process last scheduled a send, per global key. */
  private readonly lastSend = new Map<string, number>();
  /**
   * A small bucket of send tokens in real time, per global key: after a pause (garbage collection,
   * a slow query) late slots may go a few at once, never as a burst that would tip a second over.
   */
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly slots: SlotReserver,
    private readonly limits: { ratePerSecond: number; conversationRatePerSecond: number },
    private readonly now: () => number,
    private readonly share: () => number,
    private readonly sleep: (ms: number) => Promise<void> = realSleep,
  ) {}

  /** Waits until this send may go. */
  async waitTurn(tenant: string, conversationId: string): Promise<void> {
    // The conversation's own turn (its limit, or a Retry-After hold) is waited out first, holding no global slot, so it never holds back the tenant's other sends.
    const own = this.nextConversationSlot(conversationId) - this.now();
    if (own > 0) await this.sleep(own);
    const key = `g:${tenant}`;
    const globalAt = await this.nextGlobalSlot(key);
    const spacing = 1000 / (this.limits.ratePerSecond * HEADROOM * this.share());
    const at = Math.max(globalAt, (this.lastSend.get(key) ?? 0) + spacing);
    this.lastSend.set(key, at);
    const wait = at - this.now();
    if (wait > 0) await this.sleep(wait);
    await this.takeToken(key, spacing);
  }

  private async takeToken(key: string, spacing: number): Promise<void> {
    let slept = 0;
    for (;;) {
      const now = this.now();
      const bucket = this.buckets.get(key) ?? { tokens: BURST, at: now };
      // Time passed is what the clock says, or at least what was slept (a test's clock may stand still).
      bucket.tokens = Math.min(BURST, bucket.tokens + Math.max(now - bucket.at, slept) / spacing);
      bucket.at = now;
      this.buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return;
      }
      slept = (1 - bucket.tokens) * spacing;
      await this.sleep(slept);
    }
  }

  /** Keeps a conversation quiet until a moment (Teams sent 429 with Retry-After for it). */
  holdConversation(conversationId: string, untilMs: number): void {
    this.conversations.set(conversationId, Math.max(untilMs, this.conversations.get(conversationId) ?? 0));
  }

  private async nextGlobalSlot(key: string): Promise<number> {
    for (;;) {
      const queue = this.blocks.get(key) ?? [];
      while (queue.length && queue[0].used >= BLOCK) queue.shift();
      this.blocks.set(key, queue);
      const block = queue[0];
      if (block) return block.start + block.interval * block.used++;
      // One booking at a time per key; everyone waiting shares it, and no booked slot is thrown away.
      let pending = this.booking.get(key);
      if (!pending) {
        const booking = this.book(key).then((fresh) => {
          queue.push(fresh);
          return fresh;
        });
        const cleared = booking.finally(() => {
          if (this.booking.get(key) === cleared) this.booking.delete(key);
        });
        this.booking.set(key, cleared);
        pending = cleared;
      }
      await pending;
    }
  }

  private async book(key: string): Promise<Block> {
    const interval = 1000 / (this.limits.ratePerSecond * HEADROOM * this.share());
    const now = this.now();
    const wait = await this.slots.reserve(key, interval * BLOCK, now);
    return { start: now + wait, interval, used: 0 };
  }

  private nextConversationSlot(conversationId: string): number {
    const now = this.now();
    if (this.conversations.size > MAX_CONVERSATIONS) {
      for (const [id, at] of this.conversations) if (at < now) this.conversations.delete(id);
    }
    const slot = Math.max(now, this.conversations.get(conversationId) ?? 0);
    this.conversations.set(conversationId, slot + 1000 / (this.limits.conversationRatePerSecond * HEADROOM));
    return slot;
  }
}
