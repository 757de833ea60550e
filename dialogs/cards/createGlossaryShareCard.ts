import { KnowledgeEntry } from '../../knowledge/entry';
import { adaptiveCard, built, BuiltCard, heading, paragraph } from './adaptiveCard';
import { statusLine } from './createAnswerCard';

/**
 * A glossary entry as someone shares it into a chat from the compose box: no buttons that call the
 * bot, since the bot may not be a member of that chat.
 */
export function createGlossaryShareCard(entry: KnowledgeEntry): BuiltCard {
  const status = statusLine(entry);
  const body = [
    paragraph('Children\u2019s workforce glossary', { size: 'small', isSubtle: true }),
    heading(entry.title),
    ...(status ? [paragraph(status, { weight: 'bolder' as const })] : []),
    paragraph(entry.summary),
    paragraph(`Source: ${entry.source}`, { size: 'small', isSubtle: true }),
  ];
  const fallback = [entry.title, status ?? '', entry.summary, `Source: ${entry.source}`].filter(Boolean).join('\n\n');
  return built(adaptiveCard(body, fallback, [{ type: 'Action.ShowCard', title: 'More detail', card: adaptiveCard([paragraph(entry.body)], entry.body) }]));
}
