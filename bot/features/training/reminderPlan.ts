import { DateTime, Duration } from 'luxon';
import type { OutboundMessage } from '../../platform/delivery/deliveryTypes';
import { Session } from '../../../knowledge/training/catalogue';

/** The delivery engine kind (and renderer name) of training reminders. */
export const TRAINING_REMINDER_KIND = 'training-reminder';

/** How long before a session each reminder goes. */
export type ReminderLead = '7d' | '1d';

export const REMINDER_LEADS: readonly { lead: ReminderLead; before: Duration; words: string }[] = [
  { lead: '7d', before: Duration.fromObject({ days: 7 }), words: 'a week before' },
  { lead: '1d', before: Duration.fromObject({ days: 1 }), words: 'the day before' },
];

const PREFIX = `${TRAINING_REMINDER_KIND}:`;

/**
 * The delivery message id of one reminder: `training-reminder:<sessionId>:<userId>:7d`, with
 * `:<round>` added from the second request on (the outbox keeps one row per id, so a reminder
 * set again after being cancelled needs a new one).
 */
export function reminderMessageId(sessionId: string, userId: string, lead: ReminderLead, round = 1): string {
  return `${PREFIX}${sessionId}:${userId}:${lead}${round > 1 ? `:${round}` : ''}`;
}

/** Reads a reminder's message id back (user ids may hold colons, session ids never do). */
export function parseReminderMessageId(messageId: string, userId: string): { sessionId: string; lead: ReminderLead; round: number } | undefined {
  if (!messageId.startsWith(PREFIX)) return undefined;
  const rest = messageId.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 0) return undefined;
  const sessionId = rest.slice(0, colon);
  const tail = rest.slice(colon + 1);
  if (!tail.startsWith(`${userId}:`)) return undefined;
  const match = /^(7d|1d)(?::(\d+))?$/.exec(tail.slice(userId.length + 1));
  if (!match) return undefined;
  return { sessionId, lead: match[1] as ReminderLead, round: match[2] ? Number(match[2]) : 1 };
}

/** When one reminder for a session is due. */
export function reminderMoment(session: Session, lead: ReminderLead): DateTime {
  const plan = REMINDER_LEADS.find((l) => l.lead === lead)!;
  return session.start.minus(plan.before);
}

/** One reminder to queue: which one it is, and the outbox message. */
export interface PlannedReminder {
  lead: ReminderLead;
  message: OutboundMessage;
}

/**
 * The reminders still worth sending for a session: a week and a day before it, each dropped once
 * its moment has passed (a session four days away gets only the day-before one). Each expires
 * when the session starts, so a late copy is never sent.
 */
export function planReminders(session: Session, userId: string, now: DateTime, round = 1): PlannedReminder[] {
  return REMINDER_LEADS.filter(({ lead }) => reminderMoment(session, lead) > now).map(({ lead }) => ({
    lead,
    message: {
      kind: TRAINING_REMINDER_KIND,
      messageId: reminderMessageId(session.id, userId, lead, round),
      userId,
      notBefore: reminderMoment(session, lead),
      urgent: false,
      expiresAt: session.start,
    },
  }));
}
