import lunr from 'lunr';
import { termsNear } from './lunrInternals';

/** Distinct (word, distance) look-ups remembered; a few thousand typos and unknown words fit in well under a megabyte. */
const MAX_REMEMBERED = 5000;

/**
 * lunr's fuzzy term look-up, remembered: it is the slowest step of reading a question (an automaton
 * built per word and walked against the whole vocabulary), the same word is often looked up twice
 * in one question and the same typos recur across questions, and the index never changes under it.
 */
export class NearTerms {
  private readonly remembered = new Map<string, readonly string[]>();

  constructor(
    private readonly index: lunr.Index,
    private readonly capacity = MAX_REMEMBERED,
  ) {}

  /** Index terms within `distance` edits of a term (transpositions included), as termsNear gives them. */
  near(term: string, distance: number): readonly string[] {
    const key = `${distance} ${term}`;
    const known = this.remembered.get(key);
    if (known) {
      // Moved to the back, so the entries dropped first are the ones least recently used.
      this.remembered.delete(key);
      this.remembered.set(key, known);
      return known;
    }
    const found = termsNear(this.index, term, distance);
    if (this.remembered.size >= this.capacity) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(key, found);
    return found;
  }
}
