/**
 * Backs the global send rate off when 429s come in bursts (a sign the shared limit is being hit),
 * and creeps back up once they stop: multiplicative decrease, additive increase. Scattered 429s
 * below the burst threshold leave the rate alone. The steps are small and recovery is quick,
 * because a short cluster of 429s from timing jitter at the ceiling used to cost a 30% cut for
 * seconds; a limit that is really being hit keeps sending 429s and keeps the rate coming down.
 */
export class AdaptiveRate {
  private readonly recent: boolean[] = [];
  private factor = 1;
  private calmSince = 0;

  constructor(
    private readonly window = 200,
    private readonly burstShare = 0.05,
    private readonly minFactor = 0.25,
    private readonly decrease = 0.85,
    private readonly calmToIncrease = 50,
    private readonly increase = 0.05,
  ) {}

  /** The share of the configured rate to use now (1 = full rate). */
  get share(): number {
    return this.factor;
  }

  record(throttled: boolean): void {
    this.recent.push(throttled);
    if (this.recent.length > this.window) this.recent.shift();
    if (throttled) {
      this.calmSince = 0;
      const throttles = this.recent.filter(Boolean).length;
      // Judged over at least half a window, so a couple of scattered 429s never look like a burst.
      if (this.recent.length >= this.window / 2 && throttles / this.recent.length > this.burstShare) {
        this.factor = Math.max(this.minFactor, this.factor * this.decrease);
        this.recent.length = 0;
      }
      return;
    }
    if (this.factor < 1 && ++this.calmSince >= this.calmToIncrease) {
      this.factor = Math.min(1, this.factor + this.increase);
      this.calmSince = 0;
    }
  }
}
