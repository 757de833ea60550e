import type { Logger } from 'pino';
import type { IdempotencyKeys } from '../store/idempotencyKeys';
import { PeriodicTask, startPeriodicTask } from '../store/periodicTask';
import { Clock } from '../store/timestamps';
import type { SurveyService } from './surveyService';

/** Days after closing that a wave's secret is destroyed, unlinking its ledger from everyone. */
export const SECRET_DAYS_AFTER_CLOSING = 30;

/** Days an Idempotency-Key is remembered; a client retries within minutes, not weeks. */
export const IDEMPOTENCY_KEY_DAYS = 7;

const HOUR_MS = 60 * 60 * 1000;

/**
 * Hourly upkeep for pulses: destroys wave secrets 30 days after closing, queues waves whose
 * cards were never queued (a crash between saving and queueing), and forgets old idempotency
 * keys. Logs counts only, never a secret. Returns how to stop it and a way to run it once (tests).
 */
export function startSurveyHousekeeping(options: { surveys: SurveyService; idempotencyKeys: IdempotencyKeys; now: Clock; logger: Logger }): PeriodicTask<void> {
  const work = async (): Promise<void> => {
    const destroyed = await options.surveys.destroyExpiredSecrets(SECRET_DAYS_AFTER_CLOSING);
    if (destroyed > 0) options.logger.info({ waves: destroyed }, 'destroyed pulse wave secrets 30 days after closing');
    const queued = await options.surveys.scheduleUnqueued();
    if (queued > 0) options.logger.info({ waves: queued }, 'queued pulse waves that had not been queued');
    await options.idempotencyKeys.purgeBefore(options.now().minus({ days: IDEMPOTENCY_KEY_DAYS }));
  };
  return startPeriodicTask({ name: 'pulse housekeeping', intervalMs: HOUR_MS, logger: options.logger, work });
}
