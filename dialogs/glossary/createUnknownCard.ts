import { ActionStyle, adaptiveCard, built, BuiltCard, heading, paragraph, typedAction } from '../cards/adaptiveCard';

/** Example questions shown when the bot cannot help, so people see what it can do. */
export const EXAMPLE_QUESTIONS = [
  'What is a CAF?',
  'Who can be a lead professional?',
  'What are the six areas of the Common Core?',
  'What are the ECM outcomes?',
];

/** An honest "I don't know that one", with what the bot can help with and who to ask instead. */
export function createUnknownCard(helpContact: string, style: ActionStyle): BuiltCard {
  const scope =
    'I can explain terms and acronyms used in the children\u2019s workforce (like CAF, TAC or lead professional), the Common Core of Skills and Knowledge, the Every Child Matters outcomes, the One Children\u2019s Workforce framework and local workforce strategies.';
  const who = `For anything else, please ask ${helpContact}.`;
  const body = [
    heading("I don't know that one"),
    paragraph(scope),
    paragraph(who),
    paragraph('Try one of these:', { weight: 'bolder' as const, size: 'small' as const }),
    { type: 'ActionSet' as const, actions: EXAMPLE_QUESTIONS.slice(0, 3).map((q) => typedAction(style, q)) },
  ];
  const fallback = ["I don't know that one.", scope, who].join('\n\n');
  return built(adaptiveCard(body, fallback));
}
