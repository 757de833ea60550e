/**
 * Backs the global send rate off when 429s come in bursts (a sign the shared limit is being hit),
 * and creeps back up once they stop: multiplicative decrease, additive increase. Scattered 429s
 * below the burst threshold leave the rate alone.
 */
export class AdaptiveRate {
  private readonly recent: boolean[] = [];
  private factor = 1;
  private calmSince = 0;

  constructor(
    private readonly window = 200,
    private readonly burstShare = 0.05,
    private readonly minFactor = 0.25,
  ) {}

  /** The share of the configured rate to use now (1 = full rate). */
  get share(): number {
    return this.factor;
  }

  record(throttled: boolean): void {
    this.recent.push(throttled);
    if (this.recent.length > this.window) this.recent.shift();
    const throttles = this.recent.filter(Boolean).length;
    // Judged over at least half a window, so a couple of scattered 429s never look like a burst.
    if (throttled && this.recent.length >= this.window / 2 && throttles / this.recent.length > this.burstShare) {
      this.factor = Math.max(this.minFactor, this.factor * 0.7);
      this.recent.length = 0;
      this.calmSince = 0;
      return;
    }
    if (!throttled && this.factor < 1 && ++this.calmSince >= this.window) {
      this.factor = Math.min(1, this.factor + 0.1);
      this.calmSince = 0;
    }
  }
}
