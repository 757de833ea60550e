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

/**
 * Replaces emails, phone numbers, postcodes, National Insurance numbers, dates and long numbers
 * with labels, so questions and comments can be kept for content review without personal data.
 */
export function scrubPersonalDetails(text: string): string {
  return PATTERNS.reduce((out, [pattern, label]) => out.replace(pattern, label), text);
}
