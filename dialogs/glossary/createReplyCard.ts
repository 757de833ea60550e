import { AnswerReply } from '../../bot/features/answers/questionAnswerer';
import { Config } from '../../bot/platform/config';
import { ActionStyle, BuiltCard, built, paragraph } from '../cards/adaptiveCard';
import { createAnswerCard } from './createAnswerCard';
import { createBriefingCard } from '../briefings/createBriefingCard';
import { createSuggestionsCard } from './createSuggestionsCard';
import { createUnknownCard } from './createUnknownCard';
import { createUrgentCard } from '../safeguarding/createUrgentCard';
import { createNoQuestionCard } from './createNoQuestionCard';
import { createCourseCard } from '../training/createCourseCard';
import { createCoursesCard } from '../training/createCoursesCard';
import { createTrainingDateCard } from '../training/createTrainingDateCard';

export type ReplySettings = Pick<Config, 'botName' | 'helpContact' | 'safeguarding' | 'publicBaseUrl'>;

const TRUNCATED_NOTE = 'Your message was long, so I read only the first 1,000 characters.';

/** Picks the card for a reply from the question answerer, noting when the question was cut short. */
export function createReplyCard(reply: AnswerReply, style: ActionStyle, settings: ReplySettings): BuiltCard {
  const card = cardFor(reply, style, settings);
  if (!('truncated' in reply) || !reply.truncated) return card;
  return built({
    ...card.card,
    body: [paragraph(TRUNCATED_NOTE, { isSubtle: true, size: 'small' }), ...card.card.body],
    fallbackText: `${TRUNCATED_NOTE}\n\n${card.text}`,
  });
}

function cardFor(reply: AnswerReply, style: ActionStyle, settings: ReplySettings): BuiltCard {
  switch (reply.kind) {
    case 'urgent':
      return createUrgentCard(settings.safeguarding);
    case 'answer':
      return createAnswerCard(reply.entry, { style, related: reply.related });
    case 'suggest':
      return createSuggestionsCard(
        reply.suggestions.map((s) => s.entry),
        { style, gapRef: reply.gapRef },
      );
    case 'unknown':
      return createUnknownCard(settings.helpContact, style);
    case 'empty':
      return createNoQuestionCard(style);
    case 'course':
      // Reminders arrive as proactive messages, which only Teams takes (it is also the only channel sent Universal Actions).
      return createCourseCard(reply.listing, {
        style,
        related: reply.related,
        filter: reply.filter,
        publicBaseUrl: settings.publicBaseUrl,
        reminders: style === 'execute',
      });
    case 'courses':
      return createCoursesCard(reply, style);
    case 'trainingDate':
      return createTrainingDateCard(reply.phrase, style);
    case 'briefing':
      return createBriefingCard(reply.briefing, { style, readOnly: true });
  }
}
