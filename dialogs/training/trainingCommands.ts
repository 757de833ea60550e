import { TurnContext } from 'botbuilder';
import { describeSession } from '../../bot/features/training/sessionText';
import { computePathway } from '../../bot/features/training/trainingPathway';
import { upcomingSessions } from '../../bot/features/training/upcomingSessions';
import { actionStyleFor } from '../cards/adaptiveCard';
import { cardActivity } from '../cards/cardActivity';
import { createPathwayCard } from './createPathwayCard';
import { createRemindersCard } from './createRemindersCard';
import { DialogServices } from '../core/dialogServices';

/** What web chat can do instead of reminders: a calendar file, whose own alerts do the reminding. */
export const WEB_CHAT_REMINDERS =
  'Here in web chat I can only answer you, not message you later, so I can\'t send reminders. Ask me about a course (for example "CAF training") and press "Add … session to calendar" under a session: your calendar will remind you. In Microsoft Teams, "Remind me" under a session sends you a reminder a week and a day before.';

const NOT_SET_UP = "Sorry, training isn't set up here yet. Ask your workforce development team about courses.";

/** "What training do I need?": the pathway worked out from the person's saved profile. */
export async function sendTrainingPathway(context: TurnContext, services: DialogServices): Promise<void> {
  if (!services.training) {
    await context.sendActivity(NOT_SET_UP);
    return;
  }
  const { index } = services.training.finder;
  const now = services.now();
  const profile = await services.profiles.get(context.activity.from.id);
  const pathway = computePathway(profile, index.allCourses, now);
  const nextSession = (course: { id: string }) => {
    const [next] = upcomingSessions(index, course.id, now);
    return next ? describeSession(next) : undefined;
  };
  await context.sendActivity(cardActivity(createPathwayCard(pathway, actionStyleFor(context.activity.channelId), nextSession)));
}

/** "My reminders": the person's training reminders, each with a cancel button. */
export async function sendMyReminders(context: TurnContext, services: DialogServices): Promise<void> {
  if (!services.training) {
    await context.sendActivity(NOT_SET_UP);
    return;
  }
  const style = actionStyleFor(context.activity.channelId);
  const reminders = await services.training.reminders.list(context.activity.from.id);
  // Reminders are messages the bot starts, which only Teams takes (the same rule the course card's "Remind me" follows).
  if (style !== 'execute') {
    if (reminders.length) await context.sendActivity(cardActivity(createRemindersCard(reminders, style, services.settings.publicBaseUrl)));
    await context.sendActivity(WEB_CHAT_REMINDERS);
    return;
  }
  await context.sendActivity(cardActivity(createRemindersCard(reminders, style, services.settings.publicBaseUrl)));
}
