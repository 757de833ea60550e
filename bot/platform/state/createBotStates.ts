import { Storage, TurnContext } from 'botbuilder';
import { OptimisticBotState } from './optimisticBotState';
import { conversationStateKey } from './stateKeys';

/** Conversation state (the dialog stack) over the store, with optimistic concurrency; the bot keeps no per-user state. */
export function createBotStates(storage: Storage): { conversationState: OptimisticBotState } {
  const channel = (context: TurnContext) => context.activity.channelId ?? 'unknown';
  return {
    conversationState: new OptimisticBotState(storage, (context) => conversationStateKey(channel(context), context.activity.conversation?.id ?? 'unknown')),
  };
}
