import { Storage, TurnContext } from 'botbuilder';
import { OptimisticBotState } from './optimisticBotState';
import { conversationStateKey, userStateKey } from './stateKeys';

/** Conversation and user state over one storage, both with optimistic concurrency. */
export function createBotStates(storage: Storage): { conversationState: OptimisticBotState; userState: OptimisticBotState } {
  const channel = (context: TurnContext) => context.activity.channelId ?? 'unknown';
  return {
    conversationState: new OptimisticBotState(storage, (context) => conversationStateKey(channel(context), context.activity.conversation?.id ?? 'unknown')),
    userState: new OptimisticBotState(storage, (context) => userStateKey(channel(context), context.activity.from?.id ?? 'unknown')),
  };
}
