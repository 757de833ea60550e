import { DateTime } from 'luxon';
import { Session } from '../../../knowledge/training/catalogue';

/**
 * Dates are written "Tue 1 Sep 2026" by the formats below; the en-US locale only supplies the names,
 * because newer ICU data abbreviates September as "Sept" in en-GB, unlike every other month.
 */
export const DATE_NAMES_LOCALE = 'en-US';

const inZone = (moment: DateTime, session: Session): DateTime => moment.setZone(session.timezone).setLocale(DATE_NAMES_LOCALE);

/** Where a session happens, as staff read it: "online" or the venue. */
export function sessionPlace(session: Session): string {
  return session.online ? 'online' : (session.venue ?? 'venue to be confirmed');
}

/**
 * When and where a session is, in its own time zone: "Tue 14 Jan 2027, 09:30–12:30, online".
 * A session over several days names both days.
 */
export function describeSession(session: Session): string {
  const start = inZone(session.start, session);
  const end = inZone(session.end, session);
  const when = start.hasSame(end, 'day')
    ? `${start.toFormat('ccc d LLL yyyy')}, ${start.toFormat('HH:mm')}\u2013${end.toFormat('HH:mm')}`
    : `${start.toFormat('ccc d LLL yyyy, HH:mm')} \u2013 ${end.toFormat('ccc d LLL yyyy, HH:mm')}`;
  return `${when}, ${sessionPlace(session)}`;
}

/** How many places are left, in words. */
export function describePlaces(session: Session): string {
  if (session.placesLeft === 0) return 'full: ask about the waiting list';
  return session.placesLeft === 1 ? '1 place left' : `${session.placesLeft} places left`;
}

/** A date on its own, as cards show due dates: "1 Mar 2027". */
export function describeDate(date: DateTime): string {
  return date.setLocale(DATE_NAMES_LOCALE).toFormat('d LLL yyyy');
}
