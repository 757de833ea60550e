/**
 * A term of the field made of several words that must be read together, before stemming and
 * before stop words and question framing are dropped: "looked after" is not "look", "child in need"
 * is not "child", and a "child protection plan" is not the Area Child Protection Committee.
 */
export interface MultiWordTerm {
  /** The words as written, singular ("child protection plan" also matches "child protection plans"). */
  words: string;
  /**
   * True to keep the words as well as the joined term, so a question about "child protection" still
   * finds text about child protection plans; false when a word on its own would mislead ("looked").
   */
  keepWords: boolean;
}

export const MULTI_WORD_TERMS: readonly MultiWordTerm[] = [
  { words: 'looked after', keepWords: false },
  { words: 'child in need', keepWords: false },
  { words: 'child in care', keepWords: true },
  { words: 'child protection plan', keepWords: true },
  { words: 'child protection conference', keepWords: true },
  { words: 'child protection register', keepWords: true },
  { words: 'care leaver', keepWords: true },
  { words: 'early help', keepWords: true },
  { words: 'sure start', keepWords: true },
  { words: 'special educational need', keepWords: true },
  // "needs" on its own is question framing ("what do I need"), so "special needs" is read together or loses half its meaning.
  { words: 'special need', keepWords: true },
  { words: 'additional need', keepWords: true },
  { words: 'working together', keepWords: true },
  { words: 'out of hours', keepWords: true },
];
