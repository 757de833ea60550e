import { KnowledgeEntry } from '../../knowledge/entry';
import { ActionStyle, adaptiveCard, botAction, built, BuiltCard, CardAction, CardElement, heading, paragraph } from '../cards/adaptiveCard';

/** Where the "Was this helpful?" question stands on this card. */
export type FeedbackState = 'ask' | 'helpful' | 'not-helpful';

export interface AnswerCardOptions {
  style: ActionStyle;
  related: KnowledgeEntry[];
  feedback?: FeedbackState;
}

/** Verbs the answer card's buttons send back. */
export const SHOW_ENTRY_VERB = 'kb.show';
export const FEEDBACK_VERB = 'kb.feedback';

const STATUS_LABEL: Record<KnowledgeEntry['status'], string> = {
  current: '',
  historical: 'Historical',
  closed: 'No longer exists',
  replaced: 'Replaced',
};

/** "No longer exists: CWDC closed in 2012…" for entries about bodies and schemes that have gone. */
export function statusLine(entry: KnowledgeEntry): string | undefined {
  if (entry.status === 'current') return undefined;
  return `${STATUS_LABEL[entry.status]}: ${entry.statusNote ?? ''}`.trim();
}

/** What the bot says after a "Was this helpful?" vote. */
export function feedbackThanks(helpful: boolean): string {
  return helpful ? 'Thanks, glad it helped.' : 'Thanks for telling us; the content team will review this answer.';
}

/** An entry as a card shows it: title, status (for a body that no longer exists), summary and source. */
export function entryBlocks(entry: KnowledgeEntry): CardElement[] {
  const status = statusLine(entry);
  return [
    heading(entry.title),
    // Default colour: Web Chat's warning yellow is too faint on white to read (WCAG contrast).
    ...(status ? [paragraph(status, { weight: 'bolder', spacing: 'small' })] : []),
    paragraph(entry.summary),
    paragraph(`Source: ${entry.source}`, { isSubtle: true, size: 'small', spacing: 'medium' }),
  ];
}

/** The same, as plain lines for a card's text fallback. */
export const entryFallbackLines = (entry: KnowledgeEntry): string[] => [entry.title, statusLine(entry) ?? '', entry.summary, `Source: ${entry.source}`];

/** The button that opens an entry's full text. */
export const moreDetailAction = (entry: KnowledgeEntry): CardAction => ({
  type: 'Action.ShowCard',
  title: 'More detail',
  card: adaptiveCard([paragraph(entry.body)], entry.body),
});

/** The answer to a question: title, plain-English answer, where it comes from, related entries, and feedback. */
export function createAnswerCard(entry: KnowledgeEntry, options: AnswerCardOptions): BuiltCard {
  const feedback = options.feedback ?? 'ask';
  const body: CardElement[] = entryBlocks(entry);
  if (options.related.length) {
    body.push(paragraph('Related', { weight: 'bolder', size: 'small', spacing: 'medium' }));
    body.push({
      type: 'ActionSet',
      actions: options.related.map((r) => botAction(options.style, r.title, SHOW_ENTRY_VERB, { id: r.id })),
    });
  }
  if (feedback === 'ask') {
    body.push(paragraph('Was this helpful?', { weight: 'bolder', size: 'small', spacing: 'medium' }));
    body.push({
      type: 'ActionSet',
      actions: [
        botAction(options.style, 'Yes', FEEDBACK_VERB, { id: entry.id, helpful: true }),
        botAction(options.style, 'No', FEEDBACK_VERB, { id: entry.id, helpful: false }),
      ],
    });
  } else {
    body.push(paragraph(feedbackThanks(feedback === 'helpful'), { isSubtle: true, size: 'small', spacing: 'medium' }));
  }
  const fallback = [...entryFallbackLines(entry), options.related.length ? `Related: ${options.related.map((r) => r.title).join('; ')}` : '']
    .filter(Boolean)
    .join('\n\n');
  return built(adaptiveCard(body, fallback, [moreDetailAction(entry)]));
}
