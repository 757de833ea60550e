import { TurnContext } from 'botbuilder';
import { actionStyleFor } from '../cards/adaptiveCard';
import { cardActivity } from '../cards/cardActivity';
import { createBriefingListCard } from './createBriefingListCard';
import { createBriefingStatusCard } from './createBriefingStatusCard';
import { DialogServices } from '../core/dialogServices';

/** "Latest briefings": what is live and meant for this person. */
export async function sendLatestBriefings(context: TurnContext, services: DialogServices): Promise<void> {
  if (!services.briefings) return;
  const profile = await services.profiles.get(context.activity.from.id);
  const latest = await services.briefings.latestFor(context.activity.from.id, profile);
  await context.sendActivity(cardActivity(createBriefingListCard(latest, actionStyleFor(context.activity.channelId))));
}

/** "Status of <briefing>" for the communications team. */
export async function sendBriefingStatus(context: TurnContext, services: DialogServices, target: string): Promise<void> {
  const briefings = services.briefings;
  const briefing = await briefings?.findByTitle(target);
  const report = briefings && briefing ? await briefings.status(briefing.id) : undefined;
  if (!report) {
    const shown = target.slice(0, 80).replace(/[[\]()*_`<>#]/g, '');
    await context.sendActivity(`I couldn't find a briefing called "${shown}". Check the title, or use its number, e.g. "status of #12".`);
    return;
  }
  await context.sendActivity(cardActivity(createBriefingStatusCard(report, actionStyleFor(context.activity.channelId))));
}
