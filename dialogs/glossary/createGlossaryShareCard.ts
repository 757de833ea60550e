import { KnowledgeEntry } from '../../knowledge/entry';
import { adaptiveCard, built, BuiltCard, paragraph } from '../cards/adaptiveCard';
import { entryBlocks, entryFallbackLines, moreDetailAction } from './createAnswerCard';

/**
 * A glossary entry as someone shares it into a chat from the compose box: no buttons that call the
 * bot, since the bot may not be a member of that chat.
 */
export function createGlossaryShareCard(entry: KnowledgeEntry): BuiltCard {
  const body = [paragraph('Children\u2019s workforce glossary', { size: 'small', isSubtle: true }), ...entryBlocks(entry)];
  const fallback = entryFallbackLines(entry).filter(Boolean).join('\n\n');
  return built(adaptiveCard(body, fallback, [moreDetailAction(entry)]));
}
