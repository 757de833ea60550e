import { decodeHTML } from 'entities';

/** Longest message the bot reads at all; anything longer is cut before any work is done. */
export const MAX_MESSAGE_CHARS = 10000;

/**
 * Reduces a chat message to the words typed: drops <at> mentions and other markup Teams adds,
 * decodes HTML entities and folds whitespace, so the search sees only the question.
 */
export function cleanMessageText(raw: string | undefined): string {
  if (!raw) return '';
  return (
    decodeHTML(
      raw
        .slice(0, MAX_MESSAGE_CHARS * 2)
        .replace(/<at[^>]*>[\s\S]*?<\/at>/gi, ' ')
        .replace(/<[^>]+>/g, ' '),
    )
      // Control characters are exactly what this strips.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001F\u007F\u200B-\u200D\uFEFF]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
