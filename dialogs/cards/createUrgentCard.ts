import { Config } from '../../bot/config';
import { adaptiveCard, built, BuiltCard, CardAction, Container, paragraph } from './adaptiveCard';

/** The safeguarding contacts card, sent before anything else when a message reports a concern. */
export function createUrgentCard(contacts: Config['safeguarding']): BuiltCard {
  const danger = 'If a child is in immediate danger, call 999 now.';
  const frontDoor = `Otherwise, contact ${contacts.frontDoorName} today: ${contacts.frontDoorPhone}. Out of hours: ${contacts.outOfHoursPhone}.`;
  const banner: Container = {
    type: 'Container',
    style: 'attention',
    bleed: true,
    items: [
      { type: 'TextBlock', text: 'Worried about a child\u2019s safety?', size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
      paragraph(danger, { weight: 'bolder', size: 'medium' }),
    ],
  };
  const body = [
    banner,
    paragraph(frontDoor),
    paragraph(contacts.dslText),
    paragraph('Write down what you saw or were told, in the words used, with the date and time. Do not investigate yourself or promise to keep it secret.', { isSubtle: true }),
  ];
  const actions: CardAction[] = contacts.proceduresUrl
    ? [{ type: 'Action.OpenUrl', title: 'Local safeguarding procedures', url: contacts.proceduresUrl }]
    : [];
  const fallback = ['Worried about a child\u2019s safety?', danger, frontDoor, contacts.dslText, contacts.proceduresUrl ? `Procedures: ${contacts.proceduresUrl}` : '']
    .filter(Boolean)
    .join('\n\n');
  return built(adaptiveCard(body, fallback, actions));
}
