import crypto from 'node:crypto';
import { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import { Logger } from 'pino';
import { BotMetrics } from '../metrics';
import { ConversationQueue } from './conversationQueue';
import { DirectLineActivity } from './directLineConversations';

/** What a web chat turn needs: the same adapter and bot as Teams, and the process's logger and metrics. */
export interface WebChatTurnDependencies {
  adapter: CloudAdapter;
  bot: { run(context: TurnContext): Promise<void> };
  logger: Logger;
  metrics: BotMetrics;
}

/**
 * Hands built-in Direct Line activities to the CloudAdapter and the bot, exactly as /api/messages
 * does for Teams (replies go out through the Bot Connector client to the activity's serviceUrl),
 * one turn at a time per conversation. processActivityDirect with no auth header only succeeds
 * in local mode, which is the only mode the built-in endpoint runs in.
 */
export class WebChatTurns {
  private readonly queue = new ConversationQueue();

  constructor(private readonly deps: WebChatTurnDependencies) {}

  /** Runs one activity through the bot after the conversation's earlier turns; rejects if the turn could not run. */
  run(activity: DirectLineActivity): Promise<void> {
    const conversationId = (activity.conversation as { id: string }).id;
    return this.queue.run(conversationId, () => this.process(activity));
  }

  private async process(activity: DirectLineActivity): Promise<void> {
    const { adapter, bot, logger, metrics } = this.deps;
    const turnLogger = logger.child({ turnId: crypto.randomUUID() });
    const started = process.hrtime.bigint();
    turnLogger.debug({ activityType: activity.type, text: activity.text }, 'activity received');
    await adapter.processActivityDirect('', activity as unknown as Activity, (context) => {
      context.turnState.set('logger', turnLogger);
      return bot.run(context);
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.turn('webchat', activity.type, seconds);
    turnLogger.info({ activityType: activity.type, channel: 'webchat', ms: Math.round(seconds * 1000) }, 'turn');
  }
}
