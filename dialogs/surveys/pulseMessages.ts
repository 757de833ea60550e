import type { DateTime } from 'luxon';
import type { MessageRenderer } from '../../bot/platform/delivery/messageRenderer';
import { surveyIdOfMessage } from '../../bot/features/surveys/pulseSchedule';
import type { SurveyService } from '../../bot/features/surveys/surveyService';
import { waveStatus } from '../../bot/features/surveys/wave';
import { actionStyleFor } from '../cards/adaptiveCard';
import { cardMessage } from '../cards/cardActivity';
import { createPulseCard } from './createPulseCard';

/** What the pulse renderers read from the survey service: the wave, and whether someone has answered it. */
export type PulseRenderSource = Pick<SurveyService, 'wave' | 'recipientHasAnswered'>;

/**
 * The delivery engine's renderers for pulses: the opening card, which goes to everyone invited
 * (so the delivery records say nothing about who answered early), and a reminder that is dropped at
 * send time when the ledger says the person has answered, so reminders reach only non-respondents
 * even though they were queued for everyone; reminder copies are forgotten once done, so no record
 * says who was reminded. Nothing goes out for a wave that is not open.
 */
export function createPulseRenderers(surveys: PulseRenderSource, now: () => DateTime): { pulse: MessageRenderer; reminder: MessageRenderer } {
  const render =
    (reminder: boolean): MessageRenderer =>
    async ({ messageId, userId, channelId }) => {
      const id = surveyIdOfMessage(messageId);
      const wave = id === undefined ? undefined : await surveys.wave(id);
      if (!wave || waveStatus(wave, now()) !== 'open') return undefined;
      if (reminder && (await surveys.recipientHasAnswered(wave, userId))) return undefined;
      return cardMessage(createPulseCard(wave, { style: actionStyleFor(channelId), reminder }));
    };
  return { pulse: render(false), reminder: render(true) };
}
