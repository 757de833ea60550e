import { AdaptiveRate } from './adaptiveRate';
import { SendPacer } from './sendPacer';
import { SlotReserver } from './slotReserver';

/**
 * The shared Bot Connector rate limit: the pacer every connector call waits on and the adaptive
 * share that 429s wind down. Built on its own so the directory (whose Graph calls count like sends)
 * and the delivery engine (which installs through the directory) can both be given it, in order.
 */
export class ConnectorPacing {
  readonly adaptive = new AdaptiveRate();
  readonly pacer: SendPacer;

  constructor(
    slots: SlotReserver,
    limits: { ratePerSecond: number; conversationRatePerSecond: number },
    /** Real time for pacing (a test may pass its own clock); holds after a 429 are set on the same clock. */
    readonly now: () => number = Date.now,
  ) {
    this.pacer = new SendPacer(slots, limits, now, () => this.adaptive.share);
  }

  /** Waits for a turn under the shared limit (a send, a Graph call, an install). */
  waitTurn(tenant: string, key: string): Promise<void> {
    return this.pacer.waitTurn(tenant, key);
  }
}
