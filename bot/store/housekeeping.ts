import { Logger } from 'pino';
import { FeedbackStore } from './feedbackStore';
import { Clock } from './timestamps';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Purges unanswered-question records older than the retention period, at start-up and then daily,
 * so content-gap data is not kept longer than RETENTION_DAYS. Returns a function that stops it.
 */
export function startHousekeeping(options: { feedback: FeedbackStore; retentionDays: number; now: Clock; logger: Logger }): { stop(): void; runOnce(): Promise<number> } {
  const runOnce = async (): Promise<number> => {
    const purged = await options.feedback.purgeUnanswered(options.now().minus({ days: options.retentionDays }));
    if (purged > 0) options.logger.info({ purged, retentionDays: options.retentionDays }, 'purged old unanswered questions');
    return purged;
  };
  const run = () => runOnce().catch((err: unknown) => options.logger.error({ err }, 'housekeeping failed'));
  void run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), runOnce };
}
