import { Logger } from 'pino';
import { DeliveryCounts } from './deliveryTypes';

/** How often a long send logs a progress line. */
const REPORT_EVERY_MS = 5000;

/** Counts what each message has had done since the last report and logs progress lines for long sends. */
export class DeliveryProgress {
  private readonly handled = new Map<string, number>();
  private lastReport: number;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {
    this.lastReport = now();
  }

  count(messageId: string): void {
    this.handled.set(messageId, (this.handled.get(messageId) ?? 0) + 1);
  }

  /** Logs one line per message with work since the last report, at most every few seconds. */
  report(countsOf: (messageId: string) => Promise<DeliveryCounts>): void {
    const now = this.now();
    if (now - this.lastReport < REPORT_EVERY_MS || this.handled.size === 0) return;
    const seconds = (now - this.lastReport) / 1000;
    const snapshot = [...this.handled];
    this.handled.clear();
    this.lastReport = now;
    for (const [messageId, handled] of snapshot) {
      countsOf(messageId)
        .then((counts) => this.logger.info({ messageId, ratePerSecond: Math.round(handled / seconds), ...counts }, 'delivery progress'))
        .catch(() => undefined);
    }
  }
}
