import { ActionStyle, adaptiveCard, built, BuiltCard, heading, paragraph, typedAction } from '../cards/adaptiveCard';
import { EXAMPLE_QUESTIONS } from '../glossary/createUnknownCard';

/** The one short welcome: what the bot does and example questions to tap. */
export function createWelcomeCard(botName: string, style: ActionStyle, inChannel = false): BuiltCard {
  const intro = `Hello, I'm ${botName}. I answer questions about the words, frameworks, strategies and training of the children's workforce, and point you to the source.`;
  const how = inChannel ? `In this channel, mention me (@${botName}) with your question, for example:` : 'Ask me in your own words, for example:';
  const more =
    'You can also say: "what training do I need?", "pulse" (open surveys for you), "latest briefings", "my settings", "export my data" or "delete my data".';
  const safety = 'If you are worried about a child\u2019s safety, tell me and I will give you the safeguarding contacts straight away.';
  const body = [
    heading(`Welcome to ${botName}`),
    paragraph(intro),
    paragraph(how),
    // Buttons in a channel would post without the @mention the bot needs, so channels get a list.
    inChannel
      ? paragraph(EXAMPLE_QUESTIONS.map((q) => `- ${q}`).join('\n'))
      : { type: 'ActionSet' as const, actions: EXAMPLE_QUESTIONS.map((q) => typedAction(style, q)) },
    paragraph(more, { size: 'small' as const }),
    paragraph(safety, { isSubtle: true, size: 'small' as const }),
  ];
  const fallback = [intro, how, ...EXAMPLE_QUESTIONS.map((q) => `- ${q}`), more, safety].join('\n');
  return built(adaptiveCard(body, fallback));
}
