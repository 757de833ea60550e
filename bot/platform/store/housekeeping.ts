import { Logger } from 'pino';
import { FeedbackStore } from './feedbackStore';
import { periodicTask, StartablePeriodicTask } from './periodicTask';
import { Clock } from './timestamps';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Purges unanswered-question records older than the retention period, once started and then daily,
 * so content-gap data is not kept longer than RETENTION_DAYS.
 */
export function feedbackHousekeeping(options: { feedback: FeedbackStore; retentionDays: number; now: Clock; logger: Logger }): StartablePeriodicTask<number> {
  const work = async (): Promise<number> => {
    const purged = await options.feedback.purgeUnanswered(options.now().minus({ days: options.retentionDays }));
    if (purged > 0) options.logger.info({ purged, retentionDays: options.retentionDays }, 'purged old unanswered questions');
    return purged;
  };
  return periodicTask({ name: 'housekeeping', intervalMs: DAY_MS, logger: options.logger, work });
}
