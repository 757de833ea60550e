import { FloodVerdict } from '../platform/http/floodLimit';

/**
 * Sign-in attempts per client address in a sliding window, so someone guessing the admin token is
 * slowed down without locking the administrator out from elsewhere. Bounded: addresses idle for a
 * window are forgotten, and past `maxAddresses` the longest idle go first.
 */
export class SignInAttempts {
  private readonly byAddress = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly maxAddresses = 10_000,
  ) {}

  /** Counts an attempt from `address` at `nowMs` if its window has room; otherwise says when it will. */
  take(address: string, nowMs: number): FloodVerdict {
    this.forgetIdle(nowMs);
    const recent = (this.byAddress.get(address) ?? []).filter((t) => t > nowMs - this.windowMs);
    if (recent.length >= this.max) {
      this.byAddress.set(address, recent);
      return { accepted: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + this.windowMs - nowMs) / 1000)) };
    }
    recent.push(nowMs);
    // Re-inserting keeps the map in least-recently-used order for the bound below.
    this.byAddress.delete(address);
    this.byAddress.set(address, recent);
    while (this.byAddress.size > this.maxAddresses) this.byAddress.delete(this.byAddress.keys().next().value!);
    return { accepted: true };
  }

  private forgetIdle(nowMs: number): void {
    for (const [address, times] of this.byAddress) {
      if (times[times.length - 1] > nowMs - this.windowMs) break;
      this.byAddress.delete(address);
    }
  }
}
