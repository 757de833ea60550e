import type nlpType from 'compromise';

/** compromise, loaded on the first name search: it takes most of a second to load, which start-up and every delivery worker would otherwise pay. */
let nlp: typeof nlpType | undefined;
function nameFinder(): typeof nlpType {
  // A require, not an import, so the library loads only when a name is first looked for.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  nlp ??= require('compromise') as typeof nlpType;
  return nlp;
}

/** Patterns for personal details people type into chats, each with the label that replaces it. */
const PATTERNS: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]'],
  [/\bhttps?:\/\/\S+/gi, '[link]'],
  [/\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi, '[ni number]'],
  [/\b\d(?:[ -]?\d){12,18}\b/g, '[number]'],
  [/(?:\+44\s?|\b0)\d(?:[\s-]?\d){8,9}\b/g, '[phone]'],
  [/\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/gi, '[postcode]'],
  [/\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}\b/g, '[date]'],
  [/\b\d{6,}\b/g, '[number]'],
];

/** Longest text handed to the name finder; longer text (beyond any stored limit) is cut first. */
const MAX_NAME_SCAN = 2000;

/**
 * People's names, as compromise's English lexicon and grammar find them ("Jane Smith", "Dr Patel",
 * "my manager Sarah"), replaced with "[name]". The placeholders from the patterns are left alone.
 */
function scrubNames(text: string): string {
  const doc = nameFinder()(text.slice(0, MAX_NAME_SCAN));
  const names = new Set<string>();
  for (const found of doc.people().out('array') as string[]) {
    // compromise returns a match with its trailing punctuation; only the name itself is replaced.
    const name = found.replace(/^[^\p{L}]+|[^\p{L}.']+$/gu, '').replace(/[.']+$/, '');
    if (name.length > 1) names.add(name);
  }
  let out = text;
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![\\p{L}\\[])${escaped}(?![\\p{L}\\]])`, 'gu'), '[name]');
  }
  return out;
}

/**
 * Replaces emails, phone numbers, postcodes, National Insurance numbers, dates and long numbers
 * with labels: the cheap pass, for text already scrubbed in full when it was stored.
 */
export function scrubPatternDetails(text: string): string {
  return PATTERNS.reduce((out, [pattern, label]) => out.replace(pattern, label), text);
}

/**
 * Replaces emails, phone numbers, postcodes, National Insurance numbers, dates, long numbers and
 * people's names with labels, so questions and comments can be kept for content review and shown
 * in pulse results without personal data. Finding names takes a few milliseconds, so this runs
 * once, before text is stored.
 */
export function scrubPersonalDetails(text: string): string {
  return scrubNames(scrubPatternDetails(text));
}
