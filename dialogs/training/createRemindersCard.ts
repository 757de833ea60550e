import { describeDate } from '../../bot/features/training/sessionText';
import { ListedReminder } from '../../bot/features/training/trainingReminders';
import { REMINDER_LEADS } from '../../bot/features/training/reminderPlan';
import { ActionStyle, adaptiveCard, botAction, built, BuiltCard, CardElement, heading, paragraph } from '../cards/adaptiveCard';
import { addToCalendarAction, sessionLine, sessionShortName } from './trainingParts';
import { CANCEL_REMINDER_VERB } from './trainingVerbs';

const NONE = 'You have no training reminders. Press "Remind me" under a session on a course card to set one.';

/** "a week before (Tue 23 Mar 2027, sent) and the day before (Mon 29 Mar 2027)". */
function describeLeads(reminder: ListedReminder): string {
  return reminder.leads
    .map((l) => `${REMINDER_LEADS.find((r) => r.lead === l.lead)!.words} (${describeDate(l.at)}${l.upcoming ? '' : ', already due'})`)
    .join(' and ');
}

/** "My reminders": each training reminder with its session and when it goes, and a button to cancel it. */
export function createRemindersCard(reminders: ListedReminder[], style: ActionStyle, publicBaseUrl: string): BuiltCard {
  if (reminders.length === 0) return built(adaptiveCard([heading('Your training reminders'), paragraph(NONE)], NONE));
  const body: CardElement[] = [heading('Your training reminders')];
  const lines = ['Your training reminders'];
  const sessions = reminders.map((r) => r.session);
  for (const reminder of reminders) {
    const name = `${reminder.course.title}, ${sessionShortName(reminder.session, sessions)}`;
    const when = `Reminders: ${describeLeads(reminder)}`;
    body.push({
      type: 'Container',
      spacing: 'medium',
      items: [
        paragraph(reminder.course.title, { weight: 'bolder' }),
        paragraph(sessionLine(reminder.session), { spacing: 'none' }),
        paragraph(when, { size: 'small', isSubtle: true, spacing: 'none' }),
        {
          type: 'ActionSet',
          spacing: 'none',
          actions: [
            botAction(style, `Cancel reminder: ${name}`, CANCEL_REMINDER_VERB, { sessionId: reminder.session.id }, { style: 'destructive' }),
            addToCalendarAction(publicBaseUrl, reminder.session, sessions),
          ],
        },
      ],
    });
    lines.push(`- ${reminder.course.title}: ${sessionLine(reminder.session)}. ${when}`);
  }
  return built(adaptiveCard(body, lines.join('\n')));
}
