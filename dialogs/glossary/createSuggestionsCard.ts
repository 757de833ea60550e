import { KnowledgeEntry } from '../../knowledge/entry';
import { ActionStyle, adaptiveCard, botAction, built, BuiltCard, CardElement, paragraph } from '../cards/adaptiveCard';
import { SHOW_ENTRY_VERB } from './createAnswerCard';

/** The verb of the "None of these" button, which records the question as a content gap. */
export const NONE_OF_THESE_VERB = 'kb.none';

/** A suggestion's summary is cut to about this many characters, so three fit on a phone. */
const SUMMARY_LINE_CHARS = 140;

export interface SuggestionsCardOptions {
  style: ActionStyle;
  /** The reference of the noted gap, which the "None of these" button sends back; without it there is no such button. */
  gapRef?: string;
  /** True once "None of these" has been pressed: the card says so and drops that button. */
  noted?: boolean;
}

const INTRO = "I'm not sure which of these you mean. Did you mean:";
/** What the bot says once "None of these" is pressed. */
export const NONE_OF_THESE_THANKS =
  "Thanks. I've noted that none of these answered your question, so the content team can add what's missing. You can also try asking in other words.";
const TRY_AGAIN = 'If none of these is right, press None of these or try asking in other words.';

/** The first sentence of an entry's summary, cut at a word to fit one line. */
export function summaryLine(entry: KnowledgeEntry): string {
  const summary = entry.summary.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(summary)?.[1] ?? summary;
  if (sentence.length <= SUMMARY_LINE_CHARS) return sentence;
  const cut = sentence.slice(0, SUMMARY_LINE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_LINE_CHARS / 2)).replace(/[\s,;:]+$/, '')}\u2026`;
}

/**
 * "Did you mean …?" with up to three close matches, each with a one-line summary and a button to
 * show it, and a "None of these" button that records the question as a content gap.
 */
export function createSuggestionsCard(entries: KnowledgeEntry[], options: SuggestionsCardOptions): BuiltCard {
  const { style, gapRef, noted = false } = options;
  const choices: CardElement[] = entries.map((e) => ({
    type: 'Container' as const,
    spacing: 'medium' as const,
    items: [paragraph(e.title, { weight: 'bolder' }), paragraph(summaryLine(e), { isSubtle: true, spacing: 'none' })],
  }));
  const buttons = entries.map((e) => botAction(style, e.title, SHOW_ENTRY_VERB, { id: e.id }));
  // The button carries a reference, not the question: a card is kept by the chat service, and the question is scrubbed only after the reply has gone.
  if (!noted && gapRef) buttons.push(botAction(style, 'None of these', NONE_OF_THESE_VERB, { ref: gapRef, ids: entries.map((e) => e.id) }));
  const closing = noted ? NONE_OF_THESE_THANKS : TRY_AGAIN;
  const body: CardElement[] = [paragraph(INTRO), ...choices, { type: 'ActionSet', actions: buttons }, paragraph(closing, { isSubtle: !noted, size: 'small' })];
  const fallback = [INTRO, ...entries.map((e) => `- ${e.title}: ${summaryLine(e)}`), closing].join('\n');
  return built(adaptiveCard(body, fallback));
}
