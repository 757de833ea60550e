import { WordCorrector } from './concernText';

/** Words shorter than this are left alone: too many real words lie one letter from each other. */
const MIN_LENGTH = 5;
/** A changed letter (not a missing, extra or swapped one) is only trusted in words at least this long ("rapid" is not "raped"). */
const MIN_SUBSTITUTION_LENGTH = 7;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Puts right a word one slip away from a word the safeguarding stages know ("abuesd", "bruses",
 * "neglekt", "worreid"), using an index of every target word with one letter deleted, so a lookup
 * costs a few map reads. Words it knows as written are never changed.
 */
export class Speller implements WordCorrector {
  private readonly known: Set<string>;
  /** Target words by priority (lower is preferred), and every one-letter deletion of each. */
  private readonly rank = new Map<string, number>();
  private readonly byDeletion = new Map<string, string[]>();

  /**
   * `known` are correctly spelt words never to change; `targets`, best first, are the words a slip
   * may be corrected to (they count as known too).
   */
  constructor(known: Iterable<string>, targets: readonly string[]) {
    this.known = new Set(known);
    targets.forEach((target, i) => {
      if (target.length < MIN_LENGTH - 1 || this.rank.has(target)) return;
      this.rank.set(target, i);
      this.known.add(target);
      for (const variant of deletions(target)) {
        const list = this.byDeletion.get(variant);
        if (list) list.push(target);
        else this.byDeletion.set(variant, [target]);
      }
    });
  }

  /** True when the word is known as written. */
  knows(word: string): boolean {
    return this.known.has(word);
  }

  correct(word: string): string {
    if (this.known.has(word) || /\d/.test(word)) return word;
    // Letters typed over and over arrive squeezed to two ("sooo" -> "soo"); one may be right.
    const single = word.replace(/([a-z])\1/g, '$1');
    if (single !== word && this.known.has(single)) return single;
    if (word.length < MIN_LENGTH) return word;
    // A missing letter ("brusies" has them all, "negect" lacks one): the word is a deletion of a target.
    const missing = this.best(this.byDeletion.get(word) ?? []);
    if (missing) return missing;
    const dropped = deletions(word);
    // An extra letter ("negleckt"): deleting one letter of the word gives a target.
    const extra = this.best(dropped.filter((d) => this.rank.has(d)));
    if (extra) return extra;
    // A swapped or changed letter: the word and a target share a deletion.
    const changed = this.best(
      dropped
        .flatMap((d) => this.byDeletion.get(d) ?? [])
        .filter((t) => t.length === word.length && sameEnding(word, t) && (t.length >= MIN_SUBSTITUTION_LENGTH || isSwap(word, t))),
    );
    return changed ?? word;
  }

  private best(candidates: string[]): string | undefined {
    let best: string | undefined;
    for (const c of candidates) if (best === undefined || (this.rank.get(c) ?? Infinity) < (this.rank.get(best) ?? Infinity)) best = c;
    return best;
  }
}

/** True when two words end alike, so a correction never turns one form of a word into another ("discloses" into "disclosed"). */
function sameEnding(a: string, b: string): boolean {
  return a.slice(-2) === b.slice(-2);
}

/** True when two words of the same length differ only by two neighbouring letters swapped. */
function isSwap(a: string, b: string): boolean {
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}
