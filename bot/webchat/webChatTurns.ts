import { Activity, CloudAdapter } from 'botbuilder';
import { runLoggedTurn, TurnRunner } from '../loggedTurn';
import { ConversationQueue } from './conversationQueue';
import { DirectLineActivity } from './directLineConversations';

/** What a web chat turn needs: the same adapter and bot as Teams, and the process's logger and metrics. */
export interface WebChatTurnDependencies extends TurnRunner {
  adapter: CloudAdapter;
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

  private process(activity: DirectLineActivity): Promise<void> {
    const { adapter } = this.deps;
    return runLoggedTurn(this.deps, { ...activity, channelId: 'webchat' }, (logic) => adapter.processActivityDirect('', activity as unknown as Activity, logic));
  }
}
