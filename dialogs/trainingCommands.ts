import { TurnContext } from 'botbuilder';
import { describeSession } from '../bot/training/sessionText';
import { computePathway } from '../bot/training/trainingPathway';
import { upcomingSessions } from '../bot/training/upcomingSessions';
import { actionStyleFor } from './cards/adaptiveCard';
import { cardActivity } from './cards/cardActivity';
import { createPathwayCard } from './cards/createPathwayCard';
import { createRemindersCard } from './cards/createRemindersCard';
import { DialogServices } from './dialogServices';

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
  const reminders = await services.training.reminders.list(context.activity.from.id);
  await context.sendActivity(cardActivity(createRemindersCard(reminders, actionStyleFor(context.activity.channelId), services.settings.publicBaseUrl)));
}
