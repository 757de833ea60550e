import { TurnContext } from 'botbuilder';
import { NEWS_CUE } from '../../bot/features/briefings/briefingSearch';
import { actionStyleFor } from '../cards/adaptiveCard';
import { cardActivity } from '../cards/cardActivity';
import { createReplyCard } from './createReplyCard';
import { DialogServices } from '../core/dialogServices';

/**
 * Answers one question with an answer card, a course, "did you mean", or "I don't know", and
 * remembers the entry it answered, so a follow-up such as "is there training for that?" can refer to it.
 */
export async function answerQuestion(context: TurnContext, services: DialogServices, question: string): Promise<void> {
  const memory = services.conversationMemory;
  const lastEntryId = await memory?.lastEntryId(context);
  // Only a news question needs to know who is asking (briefings are for their audience).
  const profile = NEWS_CUE.test(question) ? await services.profiles.get(context.activity.from.id) : undefined;
  const reply = await services.answerer.answer(question, context.activity.channelId, { lastEntryId, profile });
  services.metrics.answered(reply.kind);
  const style = actionStyleFor(context.activity.channelId);
  await context.sendActivity(cardActivity(createReplyCard(reply, style, services.settings)));
  // Scrubbed and stored only now, so the person does not wait for it.
  await services.answerer.recordGaps();
  const topic = reply.kind === 'answer' ? reply.entry.id : reply.kind === 'course' ? reply.related[0]?.id : undefined;
  if (memory && topic) await memory.rememberEntry(context, topic);
}
