import { Activity, CloudAdapter, DeliveryModes, TurnContext } from 'botbuilder';
import { runLoggedTurn, TurnRunner } from '../app/loggedTurn';
import { ConversationQueue } from './conversationQueue';
import { DirectLineActivity } from './directLineStore';

/** What a web chat turn needs: the same adapter and bot as Teams, the process's logger and metrics, and where replies go. */
export interface WebChatTurnDependencies extends TurnRunner {
  adapter: CloudAdapter;
  /** Stores a turn's replies in the conversation, in order. */
  deliver(conversationId: string, replies: DirectLineActivity[]): Promise<void>;
}

/** What the adapter buffers but a channel never shows: SDK bookkeeping rather than messages. */
const NOT_FOR_THE_CHANNEL = new Set(['trace', 'delay', 'invokeResponse']);

/**
 * Hands built-in Direct Line activities to the CloudAdapter and the bot, as /api/messages does
 * for Teams, one turn at a time per conversation. The activity asks for its replies back
 * (deliveryMode expectReplies) rather than over HTTP to a connector, so a turn needs nothing of
 * this server but the call itself: a replica that is shutting down, and has stopped accepting
 * connections, still finishes the turns it started and stores their replies. processActivityDirect
 * with no auth header only succeeds in local mode, the only mode the built-in endpoint runs in.
 */
export class WebChatTurns {
  private readonly queue = new ConversationQueue();

  constructor(private readonly deps: WebChatTurnDependencies) {}

  /** Runs one activity through the bot after the conversation's earlier turns, and stores its replies; rejects if the turn could not run. */
  run(activity: DirectLineActivity): Promise<void> {
    const conversationId = (activity.conversation as { id: string }).id;
    return this.queue.run(conversationId, async () => {
      const replies = await this.process(activity);
      await this.deps.deliver(conversationId, replies);
    });
  }

  /** Resolves once every turn started so far has finished. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async process(activity: DirectLineActivity): Promise<DirectLineActivity[]> {
    const { adapter } = this.deps;
    // The context is revoked once the turn ends, so keep the buffer itself (the error handler adds its apology to it too).
    let buffered: Partial<Activity>[] = [];
    const incoming = { ...activity, channelId: 'webchat', deliveryMode: DeliveryModes.ExpectReplies } as unknown as Activity;
    await runLoggedTurn(this.deps, incoming, (logic) =>
      adapter.processActivityDirect('', incoming, (context: TurnContext) => {
        buffered = context.bufferedReplyActivities;
        return logic(context);
      }),
    );
    return (buffered as DirectLineActivity[]).filter((reply) => !NOT_FOR_THE_CHANNEL.has(reply.type));
  }
}
