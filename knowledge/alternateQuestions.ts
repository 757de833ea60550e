import { KnowledgeEntry } from './entry';
import { keyTerms } from './normalise';

/** A word in one entry's question that names another entry ("…the LP's part in a CAF") counts this much. */
const OTHER_NAME_WEIGHT = 0.4;

interface StoredQuestion {
  id: string;
  weights: Map<string, number>;
  norm: number;
}

/** The alternate questions as saved with a built knowledge base: each question's entry, terms and their weights, flattened. */
export interface SavedAlternateQuestions {
  /** The entry of each question. */
  ids: string[];
  /** Where each question's terms start in `terms` (one more than there are questions). */
  termStarts: Int32Array;
  terms: string[];
  weights: Float64Array;
  norms: Float64Array;
}

/** A question term with the weight it carries (its rarity). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/**
 * The ways staff ask for each entry (its `questions:`), matched as whole questions: how close a
 * question comes to the nearest of an entry's alternate questions (the alternate-questions pattern
 * of question answering). A word in one entry's question that is another entry's name weighs less,
 * so "how does the LP fit with the CAF" in the lead professional's list does not pull "what is a
 * CAF" away from the CAF entry.
 */
export class AlternateQuestions {
  private readonly stored: StoredQuestion[] = [];
  /** For each term, the questions holding it and its weight in each, side by side, so a search reads no per-question map. */
  private readonly byTerm = new Map<string, { at: number[]; weight: number[] }>();
  /** Scratch sums by question position, zeroed again after each search, so a search allocates no map of its own. */
  private dots = new Float64Array(0);
  private touchedFlags = new Uint8Array(0);

  constructor(
    entries: readonly KnowledgeEntry[],
    acronyms: ReadonlySet<string>,
    idf: (term: string) => number,
    /** Each entry's names as term lists, for spotting other entries' names inside a question. */
    namesOf: ReadonlyMap<string, string[][]>,
  ) {
    // Names found through their rarest term (a name counts only when all its terms are in the question, so any one of them finds it; the rarest finds the fewest).
    const namesByRarest = new Map<string, { id: string; terms: string[] }[]>();
    for (const [id, names] of namesOf)
      for (const terms of names) {
        const rarest = terms.reduce((best, t) => (idf(t) > idf(best) ? t : best));
        const list = namesByRarest.get(rarest);
        if (list) list.push({ id, terms });
        else namesByRarest.set(rarest, [{ id, terms }]);
      }
    for (const entry of entries) {
      const own = new Set((namesOf.get(entry.id) ?? []).flat());
      for (const question of entry.questions) {
        const terms = [...new Set(keyTerms(question, acronyms))];
        if (terms.length === 0) continue;
        const present = new Set(terms);
        const others = new Set<string>();
        for (const t of terms)
          for (const name of namesByRarest.get(t) ?? [])
            if (name.id !== entry.id && name.terms.every((n) => present.has(n))) for (const n of name.terms) others.add(n);
        const weights = new Map(terms.map((t) => [t, idf(t) * (others.has(t) && !own.has(t) ? OTHER_NAME_WEIGHT : 1)]));
        const norm = Math.sqrt([...weights.values()].reduce((sum, w) => sum + w * w, 0));
        this.add({ id: entry.id, weights, norm });
      }
    }
  }

  /** Rebuilds the questions from what `save` wrote, without reading any content; undefined when the saved form does not hold together. */
  static load(saved: SavedAlternateQuestions): AlternateQuestions | undefined {
    const { ids, termStarts, terms, weights, norms } = saved;
    const consistent =
      termStarts instanceof Int32Array &&
      weights instanceof Float64Array &&
      norms instanceof Float64Array &&
      termStarts.length === ids.length + 1 &&
      norms.length === ids.length &&
      weights.length === terms.length &&
      termStarts[0] === 0 &&
      termStarts[ids.length] === terms.length &&
      termStarts.every((start, i) => i === 0 || start >= termStarts[i - 1]);
    if (!consistent) return undefined;
    const questions = new AlternateQuestions([], new Set(), () => 0, new Map());
    ids.forEach((id, i) => {
      const weighted = new Map<string, number>();
      for (let k = termStarts[i]; k < termStarts[i + 1]; k++) weighted.set(terms[k], weights[k]);
      questions.add({ id, weights: weighted, norm: norms[i] });
    });
    return questions;
  }

  /** Every question's terms and weights, flattened into typed arrays so they load (and cross to another thread) without parsing numbers. */
  save(): SavedAlternateQuestions {
    const terms = this.stored.flatMap((q) => [...q.weights.keys()]);
    const termStarts = new Int32Array(this.stored.length + 1);
    this.stored.forEach((q, i) => (termStarts[i + 1] = termStarts[i] + q.weights.size));
    return {
      ids: this.stored.map((q) => q.id),
      termStarts,
      terms,
      weights: Float64Array.from(this.stored.flatMap((q) => [...q.weights.values()])),
      norms: Float64Array.from(this.stored.map((q) => q.norm)),
    };
  }

  private add(question: StoredQuestion): void {
    const at = this.stored.push(question) - 1;
    for (const [t, weight] of question.weights) {
      const list = this.byTerm.get(t);
      if (list) {
        list.at.push(at);
        list.weight.push(weight);
      } else this.byTerm.set(t, { at: [at], weight: [weight] });
    }
  }

  /** For each entry with a question sharing a term, the cosine similarity of the nearest one (0–1). */
  similarities(query: readonly WeightedTerm[]): Map<string, number> {
    const norm = Math.sqrt(query.reduce((sum, t) => sum + t.weight * t.weight, 0));
    if (this.dots.length !== this.stored.length) {
      this.dots = new Float64Array(this.stored.length);
      this.touchedFlags = new Uint8Array(this.stored.length);
    }
    const { dots, touchedFlags } = this;
    // Questions in the order a term first reaches them, each dot product summed in query order.
    const touched: number[] = [];
    for (const { term, weight } of query) {
      const list = this.byTerm.get(term);
      if (!list) continue;
      for (let k = 0; k < list.at.length; k++) {
        const at = list.at[k];
        if (touchedFlags[at] === 0) {
          touchedFlags[at] = 1;
          touched.push(at);
        }
        dots[at] += weight * list.weight[k];
      }
    }
    const best = new Map<string, number>();
    for (const at of touched) {
      const dot = dots[at];
      dots[at] = 0;
      touchedFlags[at] = 0;
      const q = this.stored[at];
      const similarity = norm > 0 && q.norm > 0 ? dot / (norm * q.norm) : 0;
      if (similarity > (best.get(q.id) ?? 0)) best.set(q.id, similarity);
    }
    return best;
  }
}
