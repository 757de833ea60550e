import { DateTime } from 'luxon';
import type { EnqueueResult, OutboundMessage } from '../../platform/delivery/deliveryTypes';
import { Course, Session } from '../../../knowledge/training/catalogue';
import { CatalogueIndex } from '../../../knowledge/training/catalogueIndex';
import { Clock } from '../../platform/store/timestamps';
import { parseReminderMessageId, planReminders, REMINDER_LEADS, ReminderLead, reminderMessageId, reminderMoment } from './reminderPlan';
import { ReminderRequest, ReminderRequests } from './reminderRequests';
import { isUpcoming } from './upcomingSessions';

/** The part of the delivery engine reminders use, so this domain needs no bot framework. */
export interface ReminderDelivery {
  enqueue(messages: OutboundMessage[]): Promise<EnqueueResult>;
  cancel(messageId: string, userId?: string): Promise<number>;
}

/** What happened to a "remind me" press. */
export type ReminderOutcome =
  | { kind: 'set'; course: Course; session: Session; leads: ReminderLead[] }
  | { kind: 'already'; course: Course; session: Session; leads: ReminderLead[] }
  | { kind: 'unknownSession' }
  | { kind: 'cancelledSession'; course: Course; session: Session }
  | { kind: 'pastSession'; course: Course; session: Session }
  /** Less than a day to go: both reminder moments have passed. */
  | { kind: 'tooSoon'; course: Course; session: Session }
  /** No personal chat with the bot to send reminders to. */
  | { kind: 'unreachable'; course: Course; session: Session };

/** One reminder moment of a listed request, and whether it is still to come. */
export interface ListedLead {
  lead: ReminderLead;
  at: DateTime;
  upcoming: boolean;
}

/** One of a person's reminders, as "my reminders" lists it. */
export interface ListedReminder {
  request: ReminderRequest;
  course: Course;
  session: Session;
  leads: ListedLead[];
}

/** A reminder copy that is still wanted when the delivery engine comes to send it. */
export interface DueReminder {
  course: Course;
  session: Session;
  lead: ReminderLead;
}

/**
 * "Remind me" for training sessions: records the request and queues a reminder a week and a day
 * before the session through the delivery engine (which applies quiet and working hours), lists
 * a person's reminders, and cancels them. Sessions that are past, cancelled or unknown are refused.
 */
export class TrainingReminders {
  constructor(
    private readonly requests: ReminderRequests,
    private readonly index: CatalogueIndex,
    private readonly delivery: ReminderDelivery,
    private readonly now: Clock,
  ) {}

  async request(userId: string, sessionId: string): Promise<ReminderOutcome> {
    const session = this.index.session(sessionId);
    const course = session ? this.index.course(session.courseId) : undefined;
    if (!session || !course) return { kind: 'unknownSession' };
    if (session.cancelled) return { kind: 'cancelledSession', course, session };
    const now = this.now();
    if (session.start <= now) return { kind: 'pastSession', course, session };
    const existing = await this.requests.get(userId, sessionId);
    if (existing?.status === 'active')
      return { kind: 'already', course, session, leads: planReminders(session, userId, now, existing.round).map((p) => p.lead) };
    const round = existing ? existing.round + 1 : 1;
    const plan = planReminders(session, userId, now, round);
    if (plan.length === 0) return { kind: 'tooSoon', course, session };
    const result = await this.delivery.enqueue(plan.map((p) => p.message));
    if (result.unreachable >= plan.length) return { kind: 'unreachable', course, session };
    await this.requests.activate(userId, sessionId, course.id, round);
    return { kind: 'set', course, session, leads: plan.map((p) => p.lead) };
  }

  /** Cancels a reminder and its queued copies; false when there was no active reminder for that session. */
  async cancel(userId: string, sessionId: string): Promise<boolean> {
    const existing = await this.requests.get(userId, sessionId);
    if (!existing || existing.status !== 'active') return false;
    for (const { lead } of REMINDER_LEADS) await this.delivery.cancel(reminderMessageId(sessionId, userId, lead, existing.round), userId);
    return this.requests.cancel(userId, sessionId);
  }

  /** A person's reminders for sessions still to come, soonest first. */
  async list(userId: string): Promise<ListedReminder[]> {
    const now = this.now();
    const listed: ListedReminder[] = [];
    for (const request of await this.requests.active(userId)) {
      const session = this.index.session(request.sessionId);
      const course = session ? this.index.course(session.courseId) : undefined;
      if (!session || !course || session.start <= now) continue;
      const leads = REMINDER_LEADS.map(({ lead }) => {
        const at = reminderMoment(session, lead);
        return { lead, at, upcoming: at > now };
      });
      listed.push({ request, course, session, leads });
    }
    return listed.sort((a, b) => a.session.start.toMillis() - b.session.start.toMillis());
  }

  /**
   * The reminder a queued copy stands for, if it is still wanted: the request is active and of the
   * same round, and the session is still on and still to come. Otherwise the copy is dropped.
   */
  async due(copy: { messageId: string; userId: string }): Promise<DueReminder | undefined> {
    const parsed = parseReminderMessageId(copy.messageId, copy.userId);
    if (!parsed) return undefined;
    const session = this.index.session(parsed.sessionId);
    const course = session ? this.index.course(session.courseId) : undefined;
    if (!session || !course || !isUpcoming(session, this.now())) return undefined;
    const request = await this.requests.get(copy.userId, parsed.sessionId);
    if (!request || request.status !== 'active' || request.round !== parsed.round) return undefined;
    return { course, session, lead: parsed.lead };
  }
}
