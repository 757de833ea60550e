import { Wave } from '../../bot/features/surveys/wave';
import { adaptiveCard, built, BuiltCard, heading, paragraph } from '../cards/adaptiveCard';

/** What the pulse card becomes once answered; it shows no answers, so nobody looking at the screen can see them. */
export const PULSE_THANKS = 'Thank you \u2014 your answers were recorded anonymously.';

/** The card a submitted pulse is replaced with in Teams: thanks, and nothing of what was answered. */
export function createPulseThanksCard(wave: Pick<Wave, 'template' | 'threshold'>): BuiltCard {
  const note = `Results are shared only as totals, and only once at least ${wave.threshold} people have answered.`;
  const body = [heading(wave.template.title), paragraph(PULSE_THANKS, { weight: 'bolder' }), paragraph(note, { size: 'small', isSubtle: true })];
  return built(adaptiveCard(body, `${wave.template.title}\n${PULSE_THANKS}\n${note}`));
}
