import lunr from 'lunr';
import { LRUCache } from 'lru-cache';
import { termsNear } from './lunrInternals';

/** Distinct (word, distance) look-ups remembered; a few thousand typos and unknown words fit in well under a megabyte. */
const MAX_REMEMBERED = 5000;

/**
 * lunr's fuzzy term look-up, remembered: it is the slowest step of reading a question (an automaton
 * built per word and walked against the whole vocabulary), the same word is often looked up twice
 * in one question and the same typos recur across questions, and the index never changes under it.
 */
export class NearTerms {
  private readonly remembered: LRUCache<string, readonly string[]>;

  constructor(
    private readonly index: lunr.Index,
    capacity = MAX_REMEMBERED,
  ) {
    this.remembered = new LRUCache({ max: capacity });
  }

  /** Index terms within `distance` edits of a term (transpositions included), as termsNear gives them. */
  near(term: string, distance: number): readonly string[] {
    const key = `${distance} ${term}`;
    const known = this.remembered.get(key);
    if (known) return known;
    const found = termsNear(this.index, term, distance);
    this.remembered.set(key, found);
    return found;
  }
}
