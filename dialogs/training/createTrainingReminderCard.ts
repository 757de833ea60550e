import { describeSession } from '../../bot/features/training/sessionText';
import { DueReminder } from '../../bot/features/training/trainingReminders';
import { adaptiveCard, built, BuiltCard, heading, paragraph } from '../cards/adaptiveCard';
import { addToCalendarAction } from './trainingParts';

/**
 * The reminder itself, sent a week and a day before a session. Its buttons only open links, so it
 * works the same in any channel the delivery engine reaches.
 */
export function createTrainingReminderCard(reminder: DueReminder, publicBaseUrl: string): BuiltCard {
  const { course, session } = reminder;
  const title = reminder.lead === '1d' ? `Reminder: ${course.title} is tomorrow` : `Reminder: ${course.title} is in a week`;
  const when = describeSession(session);
  const manage = 'Type "my reminders" to see or cancel your reminders.';
  const body = [
    heading(title),
    paragraph(when, { weight: 'bolder' }),
    paragraph(`Questions about the session: ${course.contact}`, { size: 'small' }),
    paragraph(manage, { size: 'small', isSubtle: true }),
  ];
  const actions = [
    addToCalendarAction(publicBaseUrl, session),
    { type: 'Action.OpenUrl' as const, title: 'Booking details', url: session.bookingUrl ?? course.bookingUrl },
  ];
  return built(adaptiveCard(body, `${title}\n${when}\n${manage}`, actions));
}
