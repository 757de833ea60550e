import { Config } from '../../bot/platform/config';
import type { CardRoute } from '../../knowledge/safeguarding/lexiconFile';
import { adaptiveCard, built, BuiltCard, CardAction, CardElement, Container, paragraph } from '../cards/adaptiveCard';

/** Where the worrying words were typed: a chat message, a card form, or a pulse comment (anonymous). */
export type ConcernSource = 'message' | 'form' | 'pulse';

/** What the urgent card should fit: danger now, the extra routes for the kind of concern, and where it was typed. */
export interface UrgentCardOptions {
  immediate?: boolean;
  routes?: readonly CardRoute[];
  source?: ConcernSource;
}

/** The steps for any worry that is not an emergency: record, don't investigate, tell the DSL today. */
export const WHAT_TO_DO_NOW = [
  'Write down what you saw and heard, in the words used, with the date and time.',
  'Do not investigate or question the child yourself, and do not promise to keep it secret.',
  'Tell your designated safeguarding lead (DSL) today.',
];

/** The FGM duty, as regulated professionals must follow it. */
const FGM_DUTY =
  'FGM: if you are a teacher, or a health or social care professional, and a girl under 18 tells you she has had FGM, or you see signs that it has been done, you must report it to the police yourself: call 101 (999 if she is in danger now). This is a legal duty (FGM Act 2003, section 5B, added by the Serious Crime Act 2015); tell your DSL as well. If she may be at risk but it has not happened, follow the steps above.';

function ladoText(contacts: Config['safeguarding']): string {
  return `If the worry is about an adult who works with children (a colleague, volunteer, coach or foster carer), also contact the LADO (local authority designated officer) today: ${contacts.ladoPhone}. Tell your DSL or manager too, unless the worry is about them.`;
}

function healthText(contacts: Config['safeguarding']): string {
  const local = contacts.crisisLinePhone ? ` or the local crisis line on ${contacts.crisisLinePhone}` : '';
  return `If a young person may act on thoughts of suicide or has hurt themselves badly, call 999 or take them to A&E, and stay with them. For urgent mental health advice call NHS 111 and choose the mental health option${local}. Young people can also call Childline free on 0800 1111.`;
}

const SOURCE_NOTES: Record<Exclude<ConcernSource, 'message'>, string> = {
  form: 'You typed this into a form. Forms are not watched, so nobody will see it quickly: please use the contacts above.',
  pulse:
    'Your pulse comment stays anonymous, so nobody can reply to it, and it will not reach anyone quickly: please use the contacts above if you are worried about a child.',
};

/**
 * The safeguarding contacts card, sent before anything else when a message reports a concern. It
 * fits the concern: danger now leads with 999; otherwise the front door, the DSL and what to do
 * now, plus the LADO, the FGM duty or urgent health routes when the concern calls for them.
 */
export function createUrgentCard(contacts: Config['safeguarding'], options: UrgentCardOptions = {}): BuiltCard {
  const routes = new Set(options.routes ?? []);
  const heading = options.immediate ? 'A child in danger now? Call 999.' : 'Worried about a child\u2019s safety?';
  const danger = options.immediate
    ? 'If a child is in danger right now, call 999 and ask for the police (or an ambulance). Stay safe yourself. Then tell your DSL.'
    : 'If a child is in immediate danger, call 999 now.';
  const frontDoor = `Otherwise, contact ${contacts.frontDoorName} today: ${contacts.frontDoorPhone}. Out of hours: ${contacts.outOfHoursPhone}.`;
  const banner: Container = {
    type: 'Container',
    style: 'attention',
    bleed: true,
    items: [
      { type: 'TextBlock', text: heading, size: 'large', weight: 'bolder', wrap: true, style: 'heading' },
      paragraph(danger, { weight: 'bolder', size: 'medium' }),
    ],
  };
  const extras = [
    ...(routes.has('health') ? [healthText(contacts)] : []),
    ...(routes.has('lado') ? [ladoText(contacts)] : []),
    ...(routes.has('fgm-duty') ? [FGM_DUTY] : []),
  ];
  const steps = WHAT_TO_DO_NOW.map((s, i) => `${i + 1}. ${s}`).join('\n');
  const note = options.source && options.source !== 'message' ? SOURCE_NOTES[options.source] : undefined;
  const body: CardElement[] = [
    banner,
    paragraph(frontDoor),
    paragraph(contacts.dslText),
    ...extras.map((text) => paragraph(text)),
    paragraph('What to do now', { weight: 'bolder' }),
    paragraph(steps),
    ...(note ? [paragraph(note, { isSubtle: true })] : []),
  ];
  const actions: CardAction[] = contacts.proceduresUrl ? [{ type: 'Action.OpenUrl', title: 'Local safeguarding procedures', url: contacts.proceduresUrl }] : [];
  const fallback = [
    heading,
    danger,
    frontDoor,
    contacts.dslText,
    ...extras,
    `What to do now:\n${steps}`,
    note,
    contacts.proceduresUrl ? `Procedures: ${contacts.proceduresUrl}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return built(adaptiveCard(body, fallback, actions));
}
