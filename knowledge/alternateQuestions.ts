import { KnowledgeEntry } from './entry';
import { keyTerms } from './normalise';

/** A word in one entry's question that names another entry ("…the LP's part in a CAF") counts this much. */
const OTHER_NAME_WEIGHT = 0.4;

interface StoredQuestion {
  id: string;
  weights: Map<string, number>;
  norm: number;
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
  private readonly byTerm = new Map<string, number[]>();

  constructor(
    entries: readonly KnowledgeEntry[],
    acronyms: ReadonlySet<string>,
    idf: (term: string) => number,
    /** Each entry's names as term lists, for spotting other entries' names inside a question. */
    namesOf: ReadonlyMap<string, string[][]>,
  ) {
    // Names found through their first term, so each question checks only the names that could be in it.
    const namesByFirst = new Map<string, { id: string; terms: string[] }[]>();
    for (const [id, names] of namesOf) for (const terms of names) namesByFirst.set(terms[0], [...(namesByFirst.get(terms[0]) ?? []), { id, terms }]);
    for (const entry of entries) {
      const own = new Set((namesOf.get(entry.id) ?? []).flat());
      for (const question of entry.questions) {
        const terms = [...new Set(keyTerms(question, acronyms))];
        if (terms.length === 0) continue;
        const present = new Set(terms);
        const others = new Set(
          terms
            .flatMap((t) => namesByFirst.get(t) ?? [])
            .filter((n) => n.id !== entry.id && n.terms.every((t) => present.has(t)))
            .flatMap((n) => n.terms),
        );
        const weights = new Map(terms.map((t) => [t, idf(t) * (others.has(t) && !own.has(t) ? OTHER_NAME_WEIGHT : 1)]));
        const norm = Math.sqrt([...weights.values()].reduce((sum, w) => sum + w * w, 0));
        const at = this.stored.push({ id: entry.id, weights, norm }) - 1;
        for (const t of terms) {
          const list = this.byTerm.get(t);
          if (list) list.push(at);
          else this.byTerm.set(t, [at]);
        }
      }
    }
  }

  /** For each entry with a question sharing a term, the cosine similarity of the nearest one (0–1). */
  similarities(query: readonly WeightedTerm[]): Map<string, number> {
    const norm = Math.sqrt(query.reduce((sum, t) => sum + t.weight * t.weight, 0));
    const dots = new Map<number, number>();
    for (const { term, weight } of query) {
      for (const at of this.byTerm.get(term) ?? []) dots.set(at, (dots.get(at) ?? 0) + weight * (this.stored[at].weights.get(term) ?? 0));
    }
    const best = new Map<string, number>();
    for (const [at, dot] of dots) {
      const q = this.stored[at];
      const similarity = norm > 0 && q.norm > 0 ? dot / (norm * q.norm) : 0;
      if (similarity > (best.get(q.id) ?? 0)) best.set(q.id, similarity);
    }
    return best;
  }
}
