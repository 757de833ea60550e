import { KnowledgeEntry } from '../../knowledge/entry';
import { ActionStyle, adaptiveCard, botAction, built, BuiltCard, paragraph } from './adaptiveCard';
import { SHOW_ENTRY_VERB } from './createAnswerCard';

/** "Did you mean …?" with up to three close matches as buttons. */
export function createSuggestionsCard(entries: KnowledgeEntry[], style: ActionStyle): BuiltCard {
  const intro = "I'm not sure which of these you mean. Did you mean:";
  const body = [
    paragraph(intro),
    { type: 'ActionSet' as const, actions: entries.map((e) => botAction(style, e.title, SHOW_ENTRY_VERB, { id: e.id })) },
    paragraph('If none of these is right, try asking in other words.', { isSubtle: true, size: 'small' as const }),
  ];
  const fallback = [intro, ...entries.map((e) => `- ${e.title}`), 'If none of these is right, try asking in other words.'].join('\n');
  return built(adaptiveCard(body, fallback));
}
