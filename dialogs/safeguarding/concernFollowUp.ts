import { AnswerReply } from '../../bot/features/answers/questionAnswerer';
import { ActionStyle } from '../cards/adaptiveCard';
import { createReplyCard, ReplySettings } from '../glossary/createReplyCard';

/** Sent between the contacts card and the answer, so the answer reads as a reply to the question, not part of the advice. */
export const FOLLOW_UP_LEAD = 'And to answer your question:';

/** A reply as plain text, as a terminal shows it: the contacts, then any answer that follows them. */
export function replyAsText(reply: AnswerReply, style: ActionStyle, settings: ReplySettings): string {
  const text = createReplyCard(reply, style, settings).text;
  if (reply.kind !== 'urgent' || !reply.followUp) return text;
  return `${text}\n\n${FOLLOW_UP_LEAD}\n${createReplyCard(reply.followUp, style, settings).text}`;
}
