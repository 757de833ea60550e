/** The verdict on one more activity: accepted, or refused with how long to wait. */
export type FloodVerdict = { accepted: true } | { accepted: false; retryAfterSeconds: number };

/**
 * A sliding-window limit (at most `max` accepted events in any `windowMs`), so one chatty or
 * scripted client cannot flood a conversation; refused events do not count against the window.
 */
export class FloodLimit {
  private readonly accepted: number[] = [];

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Records an event at `nowMs` if the window has room; otherwise says when it will. */
  take(nowMs: number): FloodVerdict {
    while (this.accepted.length && this.accepted[0] <= nowMs - this.windowMs) this.accepted.shift();
    if (this.accepted.length >= this.max) {
      const freeAt = this.accepted[0] + this.windowMs;
      return { accepted: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - nowMs) / 1000)) };
    }
    this.accepted.push(nowMs);
    return { accepted: true };
  }
}
