import { Activity, TurnContext } from 'botbuilder';
import { ConversationUpsert } from '../store/conversationReferences';

/**
 * The conversation id as stored: a Teams channel thread ("…;messageid=…") is kept as its channel,
 * since that is where proactive messages go.
 */
export function storedConversationId(conversationId: string): string {
  return conversationId.split(';messageid=')[0];
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
    return { userId: activity.from.id, conversationId, channelId: 'webchat', scope: 'webchat', serviceUrl: 'webchat', reference: { channelId: 'webchat', conversation: { id: conversationId }, user: { id: activity.from.id } } };
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
