import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { Course, Session } from '../../../knowledge/training/catalogue';
import { sessionPlace } from './sessionText';
import { vtimezone } from './vtimezone';

export interface SessionCalendarOptions {
  /** When the file is made (DTSTAMP). */
  now: DateTime;
  /** The host named in event UIDs, so they are unique to this bot. */
  host: string;
}

/**
 * One session as an iCalendar file. Times are written as local Europe/London wall-clock times
 * with a TZID and a VTIMEZONE built from the zone's rules, so every calendar shows 09:30 as
 * 09:30 on both sides of a clock change, and turns it into the right UTC time. The UID is stable
 * per session, so opening the file again updates the same event (a cancelled session is marked
 * cancelled rather than vanishing).
 */
export function buildSessionCalendar(session: Session, course: Course, options: SessionCalendarOptions): string {
  const calendar = ical({ prodId: { company: 'Children\u2019s Workforce Assistant', product: 'Training', language: 'EN' }, name: course.title });
  calendar.timezone({ name: null, generator: (zone) => vtimezone(zone, [session.start, session.end]) });
  const booking = session.bookingUrl ?? course.bookingUrl;
  calendar.createEvent({
    id: `training-session-${session.id}@${options.host}`,
    sequence: session.cancelled ? 1 : 0,
    stamp: options.now.toUTC(),
    start: session.start.setZone(session.timezone),
    end: session.end.setZone(session.timezone),
    timezone: session.timezone,
    summary: session.cancelled ? `Cancelled: ${course.title}` : course.title,
    description: [course.summary, `Provider: ${course.provider}`, `Contact: ${course.contact}`, `Book: ${booking}`].join('\n\n'),
    location: session.online ? 'Online (the joining link comes when you book)' : sessionPlace(session),
    url: booking,
    status: session.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
