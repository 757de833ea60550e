import { Briefing } from '../../bot/features/briefings/briefings';
import { ActionStyle, adaptiveCard, botAction, built, BuiltCard, CardElement, heading, paragraph } from '../cards/adaptiveCard';
import { formatLondonDateTime } from '../cards/londonTime';

export const SHOW_BRIEFING_VERB = 'briefing.show';

/** "Latest briefings": the live briefings meant for this person, newest first. */
export function createBriefingListCard(briefings: Briefing[], style: ActionStyle): BuiltCard {
  if (briefings.length === 0) {
    const text = 'There are no current briefings for you. New ones will arrive in this chat.';
    return built(adaptiveCard([paragraph(text)], text));
  }
  const body: CardElement[] = [heading('Latest briefings for you')];
  for (const b of briefings) {
    body.push(paragraph(`**${b.title}**`, { spacing: 'medium' }), paragraph(`${formatLondonDateTime(b.publishAt)}. ${b.summary}`, { size: 'small' }), {
      type: 'ActionSet',
      actions: [botAction(style, 'Read', SHOW_BRIEFING_VERB, { briefingId: b.id })],
    });
  }
  const fallback = ['Latest briefings for you:', ...briefings.map((b) => `- ${b.title} (${formatLondonDateTime(b.publishAt)}): ${b.summary}`)].join('\n');
  return built(adaptiveCard(body, fallback));
}
