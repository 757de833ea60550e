import { ActionStyle, adaptiveCard, built, BuiltCard, paragraph, typedAction } from '../cards/adaptiveCard';

/** Date phrases the bot understands, offered when it could not read one. */
export const DATE_EXAMPLES = ['next month', 'in March', 'on 14 January', 'this week'];

/** A training question whose date could not be read ("on the 45th"): says so, and what works instead. */
export function createTrainingDateCard(phrase: string, style: ActionStyle): BuiltCard {
  const problem = `Sorry, I couldn't read "${phrase}" as a date, so I haven't guessed.`;
  const hint = `Try, for example: ${DATE_EXAMPLES.map((d) => `"${d}"`).join(', ')}.`;
  const body = [
    paragraph(problem),
    paragraph(hint),
    {
      type: 'ActionSet' as const,
      actions: [typedAction(style, 'Training next month', 'training next month'), typedAction(style, 'All training courses', 'training courses')],
    },
  ];
  return built(adaptiveCard(body, `${problem}\n${hint}`));
}
