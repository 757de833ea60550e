import { INLINE_BODY_LIMIT } from '../../bot/features/briefings/briefingInput';

/** How much of a long body each page of the full-text view holds, in UTF-8 bytes (a page stays well under Teams' message limit). */
export const BODY_PAGE_BYTES = 9000;

/** How much of a long body the card itself shows before "Read the full briefing". */
export const BODY_OPENING_CHARS = 600;

/**
 * Teams cards render bold, italics, lists and links but not Markdown headings, which would show as
 * literal "## Heading": each heading becomes a bold line of its own.
 */
export function headingsAsBold(markdown: string): string {
  return markdown.replace(/^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm, (_m, heading: string) => `**${heading.trim()}**`);
}

/** Cuts text near `max` characters at a paragraph, sentence or word boundary. */
function cutAt(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const window = text.slice(0, max);
  for (const boundary of ['\n\n', '. ', '\n', ' ']) {
    const at = window.lastIndexOf(boundary);
    if (at > max * 0.5) return at + (boundary === '. ' ? 1 : 0);
  }
  return max;
}

/** The first part of a long body for the card, ending at a natural break, with an ellipsis. */
export function openingOf(body: string, max = BODY_OPENING_CHARS): string {
  const text = headingsAsBold(body.trim());
  if (text.length <= max) return text;
  return `${text.slice(0, cutAt(text, max)).trimEnd()}\u2026`;
}

/** How many leading characters of `text` fit in `maxBytes` of UTF-8. */
function charsWithinBytes(text: string, maxBytes: number): number {
  let bytes = 0;
  let chars = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > maxBytes) break;
    chars += ch.length;
  }
  return chars;
}

/** The body split into pages of at most `pageBytes` bytes of UTF-8, each ending at a natural break. */
export function pagesOf(body: string, pageBytes = BODY_PAGE_BYTES): string[] {
  let rest = headingsAsBold(body.trim());
  const pages: string[] = [];
  while (Buffer.byteLength(rest, 'utf8') > pageBytes) {
    const at = cutAt(rest, charsWithinBytes(rest, pageBytes));
    pages.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest || !pages.length) pages.push(rest);
  return pages;
}

/** True when a body is too long to show in full on the card. */
export function isLongBody(body: string): boolean {
  return body.trim().length > INLINE_BODY_LIMIT;
}
