import { Activity, TurnContext } from 'botbuilder';
import { pulseResultsName } from '../../bot/features/answers/messageIntent';
import { notIdentifiedMessage } from './surveyCardActions';
import { ResultsViewer } from '../../bot/features/surveys/surveyService';
import { actionStyleFor } from '../cards/adaptiveCard';
import { cardActivity } from '../cards/cardActivity';
import { createPulseCard } from './createPulseCard';
import { createPulseListCard } from './createPulseListCard';
import { createPulseResultsCard } from './createPulseResultsCard';
import { DialogServices } from '../core/dialogServices';
import { isGroupChat } from '../../bot/platform/delivery/conversationRecord';

/** Most pulse cards sent for one "pulse" command. */
const MAX_CARDS = 3;

/** Pulses and their results are only ever shown in a personal chat, never to a channel or group. */
export const PERSONAL_CHAT_ONLY = 'Pulses are answered and their results shown only in a personal chat with me. Send me a direct message instead.';

/** "pulse": the open pulses meant for this identified person that they have not answered, one card each; anyone else is told how to take part. */
export async function sendOpenPulses(context: TurnContext, services: DialogServices): Promise<void> {
  const surveys = services.surveys;
  if (!surveys) {
    await context.sendActivity('Pulse surveys are not available here.');
    return;
  }
  if (isGroupChat(context.activity)) {
    await context.sendActivity(PERSONAL_CHAT_ONLY);
    return;
  }
  const identified = surveys.identify(context.activity);
  if (!identified.ok) {
    await context.sendActivity(notIdentifiedMessage(identified.reason));
    return;
  }
  const { open, answered } = await surveys.openPulsesFor(identified.respondent);
  if (open.length === 0) {
    await context.sendActivity(answered ? "You've answered every pulse open to you. Thank you!" : 'There are no pulses open to you right now.');
    return;
  }
  const style = actionStyleFor(context.activity.channelId);
  for (const wave of open.slice(0, MAX_CARDS)) await context.sendActivity(cardActivity(createPulseCard(wave, { style })));
}

/** Every id the sender goes by (AAD object id, channel id, signed-in email), for matching a wave's owner. */
function viewerIds(activity: Partial<Activity>): string[] {
  const from = activity.from as { id?: string; aadObjectId?: string; properties?: { email?: unknown } } | undefined;
  const email = typeof from?.properties?.email === 'string' ? from.properties.email : undefined;
  return [from?.aadObjectId, from?.id, email].filter((v): v is string => Boolean(v));
}

/** "results of <pulse>": the wave's suppressed results for its owner or an admin, or the list of pulses they can see. */
export async function sendPulseResults(context: TurnContext, services: DialogServices): Promise<void> {
  const surveys = services.surveys;
  if (!surveys) {
    await context.sendActivity('Pulse surveys are not available here.');
    return;
  }
  if (!(await services.access.hasRole(context, 'comms'))) {
    await context.sendActivity('Sorry, pulse results are only for the communications team who run pulses, and admins.');
    return;
  }
  if (isGroupChat(context.activity)) {
    await context.sendActivity(PERSONAL_CHAT_ONLY);
    return;
  }
  const viewer: ResultsViewer = { ids: viewerIds(context.activity), admin: await services.access.hasRole(context, 'admin') };
  const name = pulseResultsName(context.activity.text ?? '');
  const { match, visible } = await surveys.findForViewer(name, viewer);
  if (!match) {
    const title = name ? `I couldn't find a pulse called \u201C${name}\u201D that you run. Your pulses:` : 'Your pulses';
    await context.sendActivity(cardActivity(createPulseListCard(title, visible, services.now())));
    return;
  }
  const results = await surveys.results(match.id);
  if (results) await context.sendActivity(cardActivity(createPulseResultsCard(results)));
}
