import { Activity, TurnContext } from 'botbuilder';
import { ConversationUpsert } from '../store/conversationReferences';

/**
 * The conversation id as stored: a Teams channel thread ("…;messageid=…") is kept as its channel,
 * since that is where proactive messages go.
 */
export function storedConversationId(conversationId: string): string {
  return conversationId.split(';messageid=')[0];
}

/** Whether a message came from a channel or group chat rather than a personal chat. */
export function isGroupChat(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' || (type === undefined && activity.conversation?.isGroup === true);
}

/** True for the activities that say the bot was removed from a conversation. */
export function isBotRemoval(activity: Partial<Activity>): boolean {
  if (activity.type === 'installationUpdate') return activity.action === 'remove' || activity.action === 'remove-upgrade';
  return (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient?.id);
}

/**
 * Whether an activity shows the person is in a conversation with the bot, so its reference is kept:
 * messages and installs do; typing, compose-box searches and card refreshes (often from chats the
 * bot is not in) and removals do not.
 */
export function keepsReference(activity: Partial<Activity>): boolean {
  const type = activity.type;
  return (type === 'message' || type === 'conversationUpdate' || type === 'installationUpdate') && !isBotRemoval(activity);
}

/** The conversation reference of an activity as the store keeps it; undefined when there is nobody to reach. */
export function conversationRecordOf(activity: Partial<Activity>): ConversationUpsert | undefined {
  if (!activity.from?.id || !activity.conversation?.id || !activity.serviceUrl || !activity.channelId) return undefined;
  const reference = TurnContext.getConversationReference(activity);
  const conversationId = storedConversationId(activity.conversation.id);
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  if (activity.channelId === 'webchat') {
    // Web chat cannot take proactive messages, so it is kept (for "export/delete my data") but out of every audience,
    // and without the built-in Direct Line's private connector address.
    return {
      userId: activity.from.id,
      conversationId,
      channelId: 'webchat',
      scope: 'webchat',
      serviceUrl: 'webchat',
      reference: { channelId: 'webchat', conversation: { id: conversationId }, user: { id: activity.from.id } },
    };
  }
  return {
    userId: activity.from.id,
    conversationId,
    aadObjectId: activity.from.aadObjectId,
    tenantId: activity.conversation.tenantId ?? channelData?.tenant?.id,
    channelId: activity.channelId,
    scope: activity.conversation.conversationType ?? 'personal',
    serviceUrl: activity.serviceUrl,
    reference: { ...reference, conversation: { ...reference.conversation, id: conversationId } } as unknown as Record<string, unknown>,
  };
}
