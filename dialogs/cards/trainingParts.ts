import { Session } from '../../knowledge/training/catalogue';
import { sessionCalendarUrl } from '../../bot/training/calendarLink';
import { describePlaces, describeSession } from '../../bot/training/sessionText';
import { ActionStyle, botAction, CardAction, Container, paragraph } from './adaptiveCard';
import { REMIND_ME_VERB } from './trainingVerbs';

/** The "Add to calendar" button: opens the session's .ics file served by the bot. */
export function addToCalendarAction(publicBaseUrl: string, session: Session): CardAction {
  return { type: 'Action.OpenUrl', title: 'Add to calendar', url: sessionCalendarUrl(publicBaseUrl, session.id) };
}

/** A session's line in plain text: "Tue 14 Jan 2027, 09:30–12:30, online (6 places left)". */
export function sessionLine(session: Session): string {
  return `${describeSession(session)} (${describePlaces(session)})`;
}

/**
 * One session as a card block: when, where and places, then "Add to calendar" and, where the
 * channel can take reminders, "Remind me".
 */
export function sessionBlock(session: Session, style: ActionStyle, publicBaseUrl: string, reminders: boolean): Container {
  const actions = [addToCalendarAction(publicBaseUrl, session)];
  if (reminders) actions.push(botAction(style, 'Remind me', REMIND_ME_VERB, { sessionId: session.id }));
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
