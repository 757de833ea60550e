/**
 * Backs the global send rate off when 429s come in bursts (a sign the shared limit is being hit),
 * and creeps back up once they stop: multiplicative decrease, additive increase. Scattered 429s
 * below the burst threshold leave the rate alone, whether it is at full rate or recovering: Teams
 * refuses a few sends for their own conversation or at random, and those used to reset the calm
 * stretch recovery waited for, so one burst could keep the rate down for thousands of sends.
 */
export class AdaptiveRate {
  private readonly recent: boolean[] = [];
  private factor = 1;
  /** Requests that went through since the rate last changed. */
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
    const throttles = this.recent.filter(Boolean).length;
    if (throttled) {
      // Judged over at least half a window, so a couple of scattered 429s never look like a burst.
      if (this.recent.length >= this.window / 2 && throttles / this.recent.length > this.burstShare) {
        this.factor = Math.max(this.minFactor, this.factor * this.decrease);
        this.recent.length = 0;
        this.calmSince = 0;
      }
      return;
    }
    // Recovery needs enough sends through since the last change, with 429s among the latest no more than scattered.
    if (this.factor < 1 && ++this.calmSince >= this.calmToIncrease && throttles <= this.burstShare * Math.max(this.recent.length, this.window / 2)) {
      this.factor = Math.min(1, this.factor + this.increase);
      this.calmSince = 0;
    }
  }
}
