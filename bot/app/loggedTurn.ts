import crypto from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { BotMetrics } from './metrics';
import { isSafeguardingConcern } from '../features/safeguarding/concernDetector';

/** Where a turn keeps its own logger, so everything logged during the turn carries its turn id. */
export const TURN_LOGGER = 'logger';

/** What runs turns: the bot, the process's logger and its metrics. */
export interface TurnRunner {
  bot: { run(context: TurnContext): Promise<void> };
  logger: Logger;
  metrics: BotMetrics;
}

/**
 * Runs one activity through the bot with a logger of its own, then times the turn into the metrics
 * and logs one line for it; `runTurn` is how the endpoint hands the bot's logic to the adapter, and
 * `outcome` adds what the endpoint knows afterwards (the HTTP status).
 */
export async function runLoggedTurn(
  runner: TurnRunner,
  activity: { type: string; channelId?: string; text?: string },
  runTurn: (logic: (context: TurnContext) => Promise<void>) => Promise<void>,
  outcome: () => Record<string, unknown> = () => ({}),
): Promise<void> {
  const turnLogger = runner.logger.child({ turnId: crypto.randomUUID() });
  const started = process.hrtime.bigint();
  // Even at debug, the words of a safeguarding concern are never written to a log.
  if (turnLogger.isLevelEnabled('debug')) {
    const text = activity.text && isSafeguardingConcern(activity.text) ? undefined : activity.text;
    turnLogger.debug({ activityType: activity.type, text }, 'activity received');
  }
  await runTurn((context) => {
    context.turnState.set(TURN_LOGGER, turnLogger);
    return runner.bot.run(context);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  runner.metrics.turn(activity.channelId ?? 'unknown', activity.type, seconds);
  turnLogger.info({ activityType: activity.type, channel: activity.channelId, ...outcome(), ms: Math.round(seconds * 1000) }, 'turn');
}
