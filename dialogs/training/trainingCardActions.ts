import { createCourseCard } from './createCourseCard';
import { createRemindersCard } from './createRemindersCard';
import { CANCEL_REMINDER_VERB, REMIND_ME_VERB, SHOW_COURSE_VERB } from './trainingVerbs';
import { QuestionAnswerer } from '../../bot/features/answers/questionAnswerer';
import { REMINDER_LEADS, ReminderLead } from '../../bot/features/training/reminderPlan';
import { describeSession } from '../../bot/features/training/sessionText';
import { ReminderOutcome, TrainingReminders } from '../../bot/features/training/trainingReminders';
import { CardActionResult, CardActionRouter } from '../core/cardActionRouter';

export interface TrainingCardActionDependencies {
  answerer: Pick<QuestionAnswerer, 'showCourse'>;
  reminders: Pick<TrainingReminders, 'request' | 'cancel' | 'list'>;
  /** The bot's public address, for "Add to calendar" links. */
  publicBaseUrl: string;
}

const NO_SESSION = "Sorry, I couldn't read which session that button is for.";
const GONE_COURSE = 'That course is no longer in the training catalogue. Ask me about training to see what is on.';

const leadWords = (leads: ReminderLead[]): string => leads.map((lead) => REMINDER_LEADS.find((l) => l.lead === lead)!.words).join(' and ');

/** What to tell someone who pressed "Remind me", for every outcome. */
export function reminderMessage(outcome: ReminderOutcome): CardActionResult {
  switch (outcome.kind) {
    case 'unknownSession':
      return { kind: 'refused', statusCode: 404, text: 'That session is no longer in the training catalogue, so I can\u2019t set a reminder for it.' };
    case 'cancelledSession':
      return {
        kind: 'message',
        text: `That session of ${outcome.course.title} has been cancelled, so there is nothing to remind you about. Ask me about the course to see its other sessions.`,
      };
    case 'pastSession':
      return { kind: 'message', text: `That session of ${outcome.course.title} has already started or finished, so I can't remind you about it.` };
    case 'tooSoon':
      return {
        kind: 'message',
        text: `That session of ${outcome.course.title} is less than a day away (${describeSession(outcome.session)}), too soon for a reminder.`,
      };
    case 'unreachable':
      return {
        kind: 'message',
        text: 'I can only send reminders to a one-to-one chat with me in Microsoft Teams. Press "Add to calendar" instead, or ask me about the course in Teams and press "Remind me" there.',
      };
    case 'already':
      return {
        kind: 'message',
        text: `You already have a reminder for ${outcome.course.title} on ${describeSession(outcome.session)}. Type "my reminders" to see or cancel it.`,
      };
    case 'set':
      return {
        kind: 'message',
        text: `Done: I'll remind you ${leadWords(outcome.leads)} ${outcome.course.title}, ${describeSession(outcome.session)}. Type "my reminders" to see or cancel it.`,
      };
  }
}

/** Registers the training cards' buttons: a course's details, "Remind me" on a session, and cancelling a reminder. */
export function registerTrainingCardActions(router: CardActionRouter, deps: TrainingCardActionDependencies): void {
  router.register(SHOW_COURSE_VERB, async ({ data, style }) => {
    const reply = typeof data.courseId === 'string' ? deps.answerer.showCourse(data.courseId) : undefined;
    if (!reply || reply.kind !== 'course') return { kind: 'refused', text: GONE_COURSE, statusCode: 404 };
    const card = createCourseCard(reply.listing, {
      style,
      related: reply.related,
      filter: reply.filter,
      publicBaseUrl: deps.publicBaseUrl,
      reminders: style === 'execute',
    });
    return { kind: 'post', card, note: `Here is ${reply.listing.course.title}.` };
  });

  router.register(REMIND_ME_VERB, async ({ data, context }) => {
    if (typeof data.sessionId !== 'string' || !data.sessionId) return { kind: 'refused', text: NO_SESSION, statusCode: 400 };
    return reminderMessage(await deps.reminders.request(context.activity.from.id, data.sessionId));
  });

  router.register(CANCEL_REMINDER_VERB, async ({ data, context, style }) => {
    if (typeof data.sessionId !== 'string' || !data.sessionId) return { kind: 'refused', text: NO_SESSION, statusCode: 400 };
    const userId = context.activity.from.id;
    const cancelled = await deps.reminders.cancel(userId, data.sessionId);
    const card = createRemindersCard(await deps.reminders.list(userId), style, deps.publicBaseUrl);
    return { kind: 'refresh', card, note: cancelled ? 'Reminder cancelled.' : 'That reminder was already cancelled.' };
  });
}
