import { AnswerReply } from '../../bot/answers/questionAnswerer';
import { Config } from '../../bot/config';
import { ActionStyle, BuiltCard } from './adaptiveCard';
import { createAnswerCard } from './createAnswerCard';
import { createSuggestionsCard } from './createSuggestionsCard';
import { createUnknownCard } from './createUnknownCard';
import { createUrgentCard } from './createUrgentCard';
import { createNoQuestionCard } from './createNoQuestionCard';

export type ReplySettings = Pick<Config, 'botName' | 'helpContact' | 'safeguarding'>;

/** Picks the card for a reply from the question answerer. */
export function createReplyCard(reply: AnswerReply, style: ActionStyle, settings: ReplySettings): BuiltCard {
  switch (reply.kind) {
    case 'urgent':
      return createUrgentCard(settings.safeguarding);
    case 'answer':
      return createAnswerCard(reply.entry, { style, related: reply.related, truncated: reply.truncated });
    case 'suggest':
      return createSuggestionsCard(
        reply.suggestions.map((s) => s.entry),
        style,
      );
    case 'unknown':
      return createUnknownCard(settings.helpContact, style);
    case 'empty':
      return createNoQuestionCard(style);
  }
}
