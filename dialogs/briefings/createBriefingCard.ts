import { Briefing } from '../../bot/features/briefings/briefings';
import { labelOf, TOPICS } from '../../knowledge/workforce';
import { ActionStyle, adaptiveCard, botAction, built, BuiltCard, CardAction, CardElement, heading, paragraph, typedAction } from '../cards/adaptiveCard';
import { headingsAsBold, isLongBody, openingOf } from './briefingText';
import { formatLondonDateTime } from '../cards/londonTime';

export const ACKNOWLEDGE_BRIEFING_VERB = 'briefing.ack';
/** Opens the full text of a long briefing: a task module in Teams, page cards in the chat elsewhere. */
export const READ_BRIEFING_VERB = 'briefing.read';
/** Teams asks for the card again with this verb when its reader opens it, so edits and "Got it" show. */
export const REFRESH_BRIEFING_VERB = 'briefing.refresh';

export interface BriefingCardOptions {
  style: ActionStyle;
  /** When the reader pressed "Got it", if they have. */
  acknowledgedAt?: string;
  /** A test copy for the author, which cannot be acknowledged. */
  test?: boolean;
  /** The reader, for Teams' automatic refresh: the card is redrawn for them whenever they open it. */
  readerId?: string;
  /** Shown as a search answer rather than delivered: there is nothing to acknowledge. */
  readOnly?: boolean;
}

/** The question "Ask about this" sends: the briefing's first topic, or its title. */
export function askAboutText(briefing: Pick<Briefing, 'title' | 'topics'>): string {
  const topic = briefing.topics.length ? labelOf(TOPICS, briefing.topics[0]) : undefined;
  return `Tell me about ${topic ?? briefing.title}`;
}

/** A strategy briefing as its recipients see it: title, summary, "Read more", link, "Got it", "Ask about this". */
export function createBriefingCard(briefing: Briefing, options: BriefingCardOptions): BuiltCard {
  const label = `${options.test ? 'TEST \u2014 ' : ''}Strategy briefing${briefing.urgent ? ' \u00B7 urgent' : ''}`;
  const body: CardElement[] = [
    paragraph(label, { size: 'small', isSubtle: !briefing.urgent, color: briefing.urgent ? 'attention' : 'default', weight: 'bolder' }),
    heading(briefing.title),
    paragraph(briefing.summary),
  ];
  if (options.acknowledgedAt) {
    body.push(
      paragraph(`\u2713 You confirmed you had read this on ${formatLondonDateTime(options.acknowledgedAt)}.`, {
        color: 'good',
        size: 'small',
        spacing: 'medium',
      }),
    );
  }
  const actions: CardAction[] = [];
  // A long body would take the card past Teams' message limit: the card shows its opening and the
  // full text opens on its own (a task module in Teams). Either way the body is never repeated as fallback text.
  if (isLongBody(briefing.body)) {
    body.push(paragraph(openingOf(briefing.body), { spacing: 'medium' }));
    actions.push(readFullBriefingAction(options.style, briefing.id));
  } else if (briefing.body.trim()) {
    actions.push({ type: 'Action.ShowCard', title: 'Read more', card: adaptiveCard([paragraph(headingsAsBold(briefing.body))], 'The full briefing.') });
  }
  if (briefing.link) actions.push({ type: 'Action.OpenUrl', title: 'Open link', url: briefing.link });
  if (!options.acknowledgedAt && !options.test && !options.readOnly)
    actions.push(botAction(options.style, 'Got it', ACKNOWLEDGE_BRIEFING_VERB, { briefingId: briefing.id }, { style: 'positive' }));
  actions.push(typedAction(options.style, 'Ask about this', askAboutText(briefing)));
  const fallback = [
    label,
    briefing.title,
    briefing.summary,
    briefing.link ? `Link: ${briefing.link}` : '',
    options.acknowledgedAt ? 'You confirmed you had read this.' : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const card = adaptiveCard(body, fallback, actions);
  if (options.style === 'execute' && options.readerId && !options.test) {
    card.refresh = {
      action: { type: 'Action.Execute', title: 'Refresh', verb: REFRESH_BRIEFING_VERB, data: { verb: REFRESH_BRIEFING_VERB, briefingId: briefing.id } },
      userIds: [options.readerId],
    };
  }
  return built(card);
}

/** "Read the full briefing": in Teams a task module (Action.Submit with task/fetch); elsewhere a submit the bot answers with page cards. */
export function readFullBriefingAction(style: ActionStyle, briefingId: number): CardAction {
  const data = { verb: READ_BRIEFING_VERB, briefingId, page: 1 };
  return style === 'execute'
    ? { type: 'Action.Submit', title: 'Read the full briefing', data: { ...data, msteams: { type: 'task/fetch' } } }
    : botAction(style, 'Read the full briefing', READ_BRIEFING_VERB, { briefingId, page: 1 });
}
