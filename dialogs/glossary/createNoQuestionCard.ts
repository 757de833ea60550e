import { ActionStyle, adaptiveCard, built, BuiltCard, paragraph, typedAction } from '../cards/adaptiveCard';
import { EXAMPLE_QUESTIONS } from './createUnknownCard';

/** The reply to a message with no words in it (only emoji, symbols, or an attachment). */
export function createNoQuestionCard(style: ActionStyle): BuiltCard {
  const text = "I couldn't find a question in that message. I can only read typed text, so please ask in words, for example:";
  const body = [paragraph(text), { type: 'ActionSet' as const, actions: EXAMPLE_QUESTIONS.slice(0, 2).map((q) => typedAction(style, q)) }];
  return built(adaptiveCard(body, [text, ...EXAMPLE_QUESTIONS.slice(0, 2).map((q) => `- ${q}`)].join('\n')));
}
