import type { Logger } from 'pino';
import type { IdempotencyKeys } from '../../platform/store/idempotencyKeys';
import { periodicTask, StartablePeriodicTask } from '../../platform/store/periodicTask';
import { Clock } from '../../platform/store/timestamps';
import type { SurveyService } from './surveyService';

/** Days an Idempotency-Key is remembered; a client retries within minutes, not weeks. */
export const IDEMPOTENCY_KEY_DAYS = 7;

const HOUR_MS = 60 * 60 * 1000;

/**
 * Hourly upkeep for pulses: the final release of waves that have closed (which also empties their
 * ledgers, so nobody can tell any more who answered), releases that failed when an answer came in,
 * waves whose cards were never queued (a crash between saving and queueing), and old idempotency
 * keys. Logs counts only. Built stopped: `start` runs it hourly, `runOnce` runs it now.
 */
export function surveyHousekeeping(options: {
  surveys: SurveyService;
  idempotencyKeys: IdempotencyKeys;
  now: Clock;
  logger: Logger;
}): StartablePeriodicTask<void> {
  const work = async (): Promise<void> => {
    const finished = await options.surveys.finishClosedWaves();
    if (finished > 0) options.logger.info({ waves: finished }, 'released the final figures of closed pulses and emptied their ledgers');
    const released = await options.surveys.releaseDue();
    if (released > 0) options.logger.info({ waves: released }, 'released pulse answers that were waiting');
    const queued = await options.surveys.scheduleUnqueued();
    if (queued > 0) options.logger.info({ waves: queued }, 'queued pulse waves that had not been queued');
    await options.idempotencyKeys.purgeBefore(options.now().minus({ days: IDEMPOTENCY_KEY_DAYS }));
  };
  return periodicTask({ name: 'pulse housekeeping', intervalMs: HOUR_MS, logger: options.logger, work });
}
