import { Session } from '../../knowledge/training/catalogue';
import { sessionCalendarUrl } from '../../bot/features/training/calendarLink';
import { DATE_NAMES_LOCALE, describePlaces, describeSession } from '../../bot/features/training/sessionText';
import { ActionStyle, botAction, CardAction, Container, paragraph } from '../cards/adaptiveCard';
import { REMIND_ME_VERB } from './trainingVerbs';

/**
 * The "Add 19 Jan session to calendar" button: opens the session's .ics file served by the bot.
 * The date is in its name so a screen reader's list of buttons tells the sessions apart.
 */
export function addToCalendarAction(publicBaseUrl: string, session: Session, shown: Session[] = [session]): CardAction {
  return { type: 'Action.OpenUrl', title: `Add ${sessionShortName(session, shown)} session to calendar`, url: sessionCalendarUrl(publicBaseUrl, session.id) };
}

/** A session's line in plain text: "Tue 14 Jan 2027, 09:30–12:30, online (6 places left)". */
export function sessionLine(session: Session): string {
  return `${describeSession(session)} (${describePlaces(session)})`;
}

/** "19 Jan", or "19 Jan 14:00" when another session shown beside it is on the same day. */
export function sessionShortName(session: Session, shown: Session[]): string {
  const start = session.start.setZone(session.timezone).setLocale(DATE_NAMES_LOCALE);
  const sameDay = shown.some((other) => other.id !== session.id && other.start.setZone(session.timezone).hasSame(start, 'day'));
  return sameDay ? start.toFormat('d LLL HH:mm') : start.toFormat('d LLL');
}

/**
 * One session as a card block: when, where and places, then "Add to calendar" and, where the
 * channel can take reminders, "Remind me".
 */
export function sessionBlock(session: Session, style: ActionStyle, publicBaseUrl: string, reminders: boolean, shown: Session[] = [session]): Container {
  const actions = [addToCalendarAction(publicBaseUrl, session, shown)];
  if (reminders) actions.push(botAction(style, `Remind me of ${sessionShortName(session, shown)} session`, REMIND_ME_VERB, { sessionId: session.id }));
  return {
    type: 'Container',
    spacing: 'small',
    items: [
      paragraph(describeSession(session), { weight: 'bolder', spacing: 'none' }),
      paragraph(describePlaces(session), { isSubtle: true, size: 'small', spacing: 'none' }),
      {
        type: 'ActionSet',
        spacing: 'none',
        actions,
      },
    ],
  };
}
