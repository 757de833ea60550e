import { ORDINALS } from './numberWords';

/** Each ordinal word by the number normalisation reads it as ("3" is "third"). */
const ORDINAL_WORDS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ORDINALS).map(([word, n]) => [String(n), word]));

/** True when the raw question writes `number` as an ordinal right before a word starting with `stem` ("3rd area", "third area"). */
function ordinalBefore(question: string, number: string, stem: string): boolean {
  const word = ORDINAL_WORDS[number];
  const ordinal = word ? `${number}(?:st|nd|rd|th)|${word}` : `${number}(?:st|nd|rd|th)`;
  return new RegExp(`\\b(?:${ordinal})\\s+${stem}`, 'i').test(question);
}

/**
 * True when every number of a numbered name ("common core area 3") numbers the same thing in the
 * question: it follows the word it follows in the name ("area 3 of the common core"), or comes
 * before it as an ordinal ("3rd area"); a count ("6 areas") is not a number of the name, and a
 * number that starts a name must come before that name's next word.
 */
export function numbersPlacedAsInName(terms: readonly string[], name: readonly string[], question: string): boolean {
  const joined = ` ${terms.join(' ')} `;
  return name.every((term, k) => {
    if (!/^\d+$/.test(term)) return true;
    if (k === 0) return name.length === 1 || joined.includes(` ${term} ${name[1]} `);
    return joined.includes(` ${name[k - 1]} ${term} `) || ordinalBefore(question, term, name[k - 1]);
  });
}
