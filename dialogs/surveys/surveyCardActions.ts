import { createPulseCard, PULSE_SUBMIT_VERB } from './createPulseCard';
import { createPulseNoticeCard } from './createPulseNoticeCard';
import { createPulseThanksCard, PULSE_THANKS } from './createPulseThanksCard';
import type { NotIdentified } from '../../bot/features/surveys/respondent';
import type { SurveyService } from '../../bot/features/surveys/surveyService';
import { CardActionResult, CardActionRouter } from '../core/cardActionRouter';

/** Plain words for each refusal; none of them changes anything. */
export const PULSE_MESSAGES = {
  duplicate: "You've already answered this pulse, so these answers were not recorded. Your first answers are kept.",
  closed: (date: string) => `Sorry, this pulse closed on ${date}, so your answers were not recorded.`,
  notYetOpen: (date: string) => `This pulse opens on ${date}. Please answer it then; nothing was recorded.`,
  notInAudience: "Sorry, this pulse isn't open to you, so your answers were not recorded. Type pulse to see the ones that are.",
  unknown: "Sorry, I can't find that pulse, so nothing was recorded. Type pulse to see the ones open to you.",
  tampered:
    "Sorry, those answers don't match this pulse's questions, so nothing was recorded. Please use the card you were sent, or type pulse to get it again.",
  invalid: 'Some answers need another look; nothing was recorded yet.',
};

/** Why someone who is not identified staff cannot answer, and what to do; nothing is recorded. */
export function notIdentifiedMessage(reason: NotIdentified): string {
  switch (reason) {
    case 'anonymousWebChat':
      return 'Pulse surveys are for staff who are signed in, so each person counts once. To take part, sign in through the intranet and open this chat from there, then type pulse. Your answers stay anonymous.';
    case 'unidentifiedTeams':
    case 'otherTenant':
      return "Sorry, I can't confirm you're a member of staff in this organisation, so you can't answer pulses here. Nothing was recorded.";
    case 'otherChannel':
      return 'Pulses can be answered in Microsoft Teams, or in the intranet chat after signing in through the intranet. Nothing was recorded.';
  }
}

/**
 * Registers the pulse card's submit button. Only identified staff may answer (a Teams user in the
 * organisation, or a web chat user signed in through the intranet); anyone else is told how to take part. In Teams (Action.Execute) the card is refreshed to a
 * thank-you that shows no answers, or shown again with the errors; in Web Chat (Action.Submit) the
 * bot replies with the thanks or with the card again. Every refusal is clear and changes nothing.
 */
export function registerSurveyCardActions(router: CardActionRouter, surveys: SurveyService): void {
  router.register(PULSE_SUBMIT_VERB, async ({ data, style, context }): Promise<CardActionResult> => {
    const identified = surveys.identify(context.activity);
    if (!identified.ok) return { kind: 'refused', statusCode: 403, text: notIdentifiedMessage(identified.reason) };
    const outcome = await surveys.submit({ surveyId: data.surveyId, respondent: identified.respondent, data });
    switch (outcome.kind) {
      case 'recorded':
        return { kind: 'refresh', card: createPulseThanksCard(outcome.wave), note: PULSE_THANKS };
      case 'invalid': {
        const card = createPulseCard(outcome.wave, { style, values: data, errors: outcome.errors });
        return style === 'execute' ? { kind: 'refresh', card, note: PULSE_MESSAGES.invalid } : { kind: 'post', card, note: PULSE_MESSAGES.invalid };
      }
      case 'duplicate':
        return { kind: 'refresh', card: createPulseNoticeCard(outcome.wave.template.title, PULSE_MESSAGES.duplicate), note: PULSE_MESSAGES.duplicate };
      case 'closed': {
        const text = PULSE_MESSAGES.closed(outcome.closedOn);
        return { kind: 'refresh', card: createPulseNoticeCard(outcome.wave.template.title, text), note: text };
      }
      case 'notYetOpen':
        return { kind: 'message', text: PULSE_MESSAGES.notYetOpen(outcome.opensOn) };
      case 'notInAudience':
        return { kind: 'refused', statusCode: 403, text: PULSE_MESSAGES.notInAudience };
      case 'unknownSurvey':
        return { kind: 'refused', statusCode: 404, text: PULSE_MESSAGES.unknown };
      case 'tampered':
        return { kind: 'refused', statusCode: 400, text: PULSE_MESSAGES.tampered };
    }
  });
}
