import { Council, COUNCILS, KnowledgeEntry } from './entry';
import { editDistance } from './editDistance';
import { IndexField } from './indexBuilder';
import { KnowledgeBase } from './knowledgeBaseFile';
import { documentFrequencies, termsNear } from './lunrInternals';
import { acronymWords, keyTerms, keyWords, stem, words } from './normalise';

/** What the bot does with a question: answer it, offer choices, or say it does not know. */
export type Decision = 'answer' | 'suggest' | 'unknown';

export interface ScoredEntry {
  entry: KnowledgeEntry;
  /** 0–1: how much of the question this entry accounts for. */
  confidence: number;
}

export interface SearchOutcome {
  decision: Decision;
  /** The entry to answer with, when the decision is `answer`. */
  answer?: ScoredEntry;
  /** Up to three close matches, when the decision is `suggest`. */
  suggestions: ScoredEntry[];
  /** True when the question was longer than the search reads and was cut. */
  truncated: boolean;
  /** The best candidate's confidence, whatever the decision (0 when nothing matched). */
  topConfidence: number;
}

/** Confidence cut-offs, calibrated on the evaluation set in tests/knowledge/evaluation. */
export interface Thresholds {
  answer: number;
  suggest: number;
  /** How far ahead of the runner-up an answer must be. */
  margin: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { answer: 0.52, suggest: 0.36, margin: 0.06 };

/**
 * How the confidence is made up: how much of the question an entry accounts for (words weighted by
 * rarity and by the field they match in), how much of it is one of the entry's own names, and how
 * much of the entry's title the question uses. Calibrated on the evaluation set.
 */
export interface Scoring {
  coverage: number;
  phrase: number;
  focus: number;
  fields: Record<IndexField, number>;
  /** A word found only after correcting a typo counts for this share. */
  corrected: number;
  /** A word the knowledge base has never seen weighs this share of the rarest known word. */
  unknownWord: number;
}

export const DEFAULT_SCORING: Scoring = {
  coverage: 0.7,
  phrase: 0.2,
  focus: 0.1,
  fields: { title: 1, names: 1, tags: 0.8, summary: 0.5, body: 0.35 },
  corrected: 0.85,
  unknownWord: 0.7,
};

/** Questions are read up to this many characters; the rest is ignored (and the user told). */
export const MAX_QUESTION_CHARS = 1000;

export interface KnowledgeSearchOptions {
  /** The council whose own entries rank first ("our priorities"). */
  authority?: Council;
  thresholds?: Thresholds;
  scoring?: Scoring;
}

const MAX_SUGGESTIONS = 3;
const CANDIDATES = 30;
const LOCAL_WORDS = new Set(['our', 'we', 'us', 'local', 'here', 'locally']);

interface QueryTerm {
  term: string;
  corrected: boolean;
  known: boolean;
}

/**
 * Answers questions from the knowledge base: lunr finds candidates, and a calibrated confidence
 * (how much of the question an entry's names and text account for) decides between an answer,
 * "did you mean", and an honest "I don't know".
 */
export class KnowledgeSearch {
  private readonly byId: Map<string, KnowledgeEntry>;
  /** Every name of every entry as its set of terms, found through any of its terms. */
  private readonly namesByTerm = new Map<string, { id: string; terms: string[] }[]>();
  private readonly titleTerms = new Map<string, string[]>();
  private readonly df: Map<string, number>;
  private readonly thresholds: Thresholds;
  private readonly scoring: Scoring;
  private readonly acronyms: Set<string>;
  /** Acronyms that are also everyday words ("BEST", "GONE"): they count only when typed in capitals. */
  private readonly wordlikeAcronyms = new Map<string, string>();
  /** Length of the longest index term: a longer word (less the edit distance) cannot be a typo of any. */
  private readonly longestTerm: number;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly options: KnowledgeSearchOptions = {},
  ) {
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    this.scoring = options.scoring ?? DEFAULT_SCORING;
    this.byId = new Map(kb.entries.map((e) => [e.id, e]));
    this.df = documentFrequencies(kb.index);
    this.longestTerm = Math.max(0, ...[...this.df.keys()].map((t) => t.length));
    this.acronyms = acronymWords(kb.entries);
    this.findWordlikeAcronyms();
    for (const entry of kb.entries) {
      const bareTitle = entry.title.replace(/\([^)]*\)/g, ' ');
      for (const name of [entry.title, bareTitle, ...entry.acronyms, ...entry.aliases]) this.addPhrase(name, entry.id);
      this.titleTerms.set(entry.id, keyTerms(bareTitle, this.acronyms));
    }
  }

  /** Number of entries searched. */
  get size(): number {
    return this.kb.entries.length;
  }

  /** Every entry, in content order. */
  get entries(): readonly KnowledgeEntry[] {
    return this.kb.entries;
  }

  getEntry(id: string): KnowledgeEntry | undefined {
    return this.byId.get(id);
  }

  /**
   * Entries whose names start with what has been typed so far (the last word may be unfinished),
   * best first, for search-as-you-type; nothing for empty or symbol-only input.
   */
  lookup(typed: string, limit = 10): KnowledgeEntry[] {
    const terms = keyTerms(typed, this.acronyms);
    const partial = words(typed).pop() ?? '';
    if (terms.length === 0 || partial.length === 0) return [];
    const last = partial.toLowerCase();
    const results = this.kb.index.query((q) => {
      terms.slice(0, -1).forEach((t) => q.term(t, { usePipeline: false, presence: 2 }));
      // The unfinished word: its stem or anything starting with what was typed.
      q.term(terms[terms.length - 1], { usePipeline: false, boost: 10 });
      q.term(last, { usePipeline: false, wildcard: 2, fields: ['title', 'names'], boost: 5 });
    });
    return results
      .slice(0, limit)
      .map((r) => this.byId.get(r.ref))
      .filter((e): e is KnowledgeEntry => e !== undefined);
  }

  /** Finds the entry that answers a question, or close matches, or nothing. */
  search(question: string): SearchOutcome {
    const truncated = question.length > MAX_QUESTION_CHARS;
    const text = question.slice(0, MAX_QUESTION_CHARS);
    const terms = this.queryTerms(text);
    if (terms.length === 0) return { decision: 'unknown', suggestions: [], truncated, topConfidence: 0 };

    const scored = this.rank(text, terms);
    const [top, second] = scored;
    const topConfidence = top?.confidence ?? 0;
    const { answer, suggest, margin } = this.thresholds;
    if (top && top.confidence >= answer && (!second || top.confidence - second.confidence >= margin)) {
      return { decision: 'answer', answer: top, suggestions: [], truncated, topConfidence };
    }
    if (top && top.confidence >= suggest) {
      const floor = Math.max(suggest, top.confidence - 0.25);
      const suggestions = scored.filter((s) => s.confidence >= floor).slice(0, MAX_SUGGESTIONS);
      return { decision: 'suggest', suggestions, truncated, topConfidence };
    }
    return { decision: 'unknown', suggestions: [], truncated, topConfidence };
  }

  private findWordlikeAcronyms(): void {
    const lowerCaseWords = new Set<string>();
    for (const e of this.kb.entries) for (const w of `${e.summary} ${e.body}`.split(/[^A-Za-z]+/)) if (w && w === w.toLowerCase()) lowerCaseWords.add(w);
    for (const entry of this.kb.entries) {
      for (const acronym of entry.acronyms) {
        const lower = acronym.toLowerCase();
        if (lower !== acronym && /^[a-z]+$/.test(lower) && lowerCaseWords.has(lower)) this.wordlikeAcronyms.set(lower, acronym);
      }
    }
  }

  /** False for an everyday word that is also an acronym, unless the question wrote it in capitals. */
  private meantAsAcronym(term: string, question: string): boolean {
    const acronym = this.wordlikeAcronyms.get(term);
    return acronym === undefined || new RegExp(`\\b${acronym}\\b`).test(question);
  }

  private addPhrase(name: string, id: string): void {
    const terms = [...new Set(keyTerms(name, this.acronyms))];
    if (terms.length === 0) return;
    const record = { id, terms };
    for (const term of terms) {
      const list = this.namesByTerm.get(term) ?? [];
      if (!list.some((n) => n.id === id && n.terms.join(' ') === terms.join(' '))) list.push(record);
      this.namesByTerm.set(term, list);
    }
  }

  /** Stems the question's meaningful words and repairs typos against the index vocabulary. */
  private queryTerms(text: string): QueryTerm[] {
    const seen = new Set<string>();
    const out: QueryTerm[] = [];
    for (const word of keyWords(text)) {
      const stemmed = stem(word, this.acronyms);
      const term = this.df.has(stemmed) ? { term: stemmed, corrected: false, known: true } : this.correct(word, stemmed);
      if (seen.has(term.term)) continue;
      seen.add(term.term);
      out.push(term);
    }
    return out;
  }

  /** Finds the nearest index term to a misspelt word, trying both the word and its stem. */
  private correct(word: string, stemmed: string): QueryTerm {
    const unknown = { term: stemmed, corrected: false, known: false };
    if (/\d/.test(word)) return unknown;
    const tries = [...new Set([stemmed, word])]
      .map((form) => ({ form, distance: form.length >= 9 ? 2 : form.length >= 4 ? 1 : 0 }))
      // lunr's fuzzy automaton grows explosively with the word's length (a 500-letter "word" took
      // half a minute and 2.5 GB), so words no index term could be near are not tried at all.
      .filter((t) => t.distance > 0 && t.form.length - t.distance <= this.longestTerm);
    const candidates = tries.flatMap(({ form, distance }) =>
      termsNear(this.kb.index, form, distance).map((candidate) => ({ candidate, d: editDistance(form, candidate), df: this.df.get(candidate) ?? 0 })),
    );
    if (candidates.length === 0) return unknown;
    const best = candidates.sort((a, b) => a.d - b.d || b.df - a.df || a.candidate.localeCompare(b.candidate))[0];
    return { term: best.candidate, corrected: true, known: true };
  }

  private idf(term: QueryTerm): number {
    const n = this.kb.entries.length;
    if (!term.known) return this.scoring.unknownWord * Math.log(1 + n);
    return Math.log(1 + n / Math.max(1, this.df.get(term.term) ?? 0));
  }

  /** Scores every candidate entry and returns them best first. */
  private rank(text: string, terms: QueryTerm[]): ScoredEntry[] {
    const known = terms.filter((t) => t.known);
    const results = known.length
      ? this.kb.index
          .query((q) => {
            for (const t of known) q.term(t.term, { usePipeline: false });
          })
          .slice(0, CANDIDATES)
      : [];
    const lunrScore = new Map(results.map((r) => [r.ref, r.score]));
    const fieldsByEntry = new Map<string, Map<string, Set<string>>>();
    for (const r of results) {
      const perTerm = new Map<string, Set<string>>();
      for (const [term, fields] of Object.entries(r.matchData.metadata)) perTerm.set(term, new Set(Object.keys(fields)));
      fieldsByEntry.set(r.ref, perTerm);
    }
    const context = this.authorityContext(text);
    const own = this.options.authority;
    const implied = context.local && context.named.size === 0 && own ? [stem(own, this.acronyms)] : [];
    const phraseCover = this.phraseCoverage(terms, text, implied);
    const candidates = new Set([...lunrScore.keys(), ...phraseCover.keys()]);
    const idfs = terms.map((t) => this.idf(t));
    const totalIdf = idfs.reduce((a, b) => a + b, 0);

    const scored: { entry: KnowledgeEntry; confidence: number; score: number }[] = [];
    for (const id of candidates) {
      const entry = this.byId.get(id);
      if (!entry) continue;
      const matched = fieldsByEntry.get(id);
      const covered = phraseCover.get(id) ?? new Set<number>();
      let weighted = 0;
      let phraseIdf = 0;
      terms.forEach((t, i) => {
        if (covered.has(i)) phraseIdf += idfs[i];
        let w = covered.has(i) ? 1 : 0;
        const asAcronym = this.meantAsAcronym(t.term, text);
        for (const field of matched?.get(t.term) ?? []) {
          const fields = this.scoring.fields;
          const weight = field === 'names' && !asAcronym ? fields.body : (fields[field as IndexField] ?? 0);
          w = Math.max(w, weight);
        }
        if (t.corrected) w *= this.scoring.corrected;
        weighted += w * idfs[i];
      });
      const titleTerms = this.titleTerms.get(id) ?? [];
      const termSet = new Set(terms.map((t) => t.term));
      const focus = titleTerms.length ? titleTerms.filter((t) => termSet.has(t)).length / titleTerms.length : 0;
      const weights = this.scoring;
      let confidence = weights.coverage * (weighted / totalIdf) + weights.phrase * (phraseIdf / totalIdf) + weights.focus * focus;
      confidence = this.adjustForAuthority(confidence, entry, context);
      scored.push({ entry, confidence: Math.min(1, Math.max(0, confidence)), score: lunrScore.get(id) ?? 0 });
    }
    scored.sort((a, b) => b.confidence - a.confidence || b.score - a.score || a.entry.id.localeCompare(b.entry.id));
    return scored.map(({ entry, confidence }) => ({ entry, confidence: Math.round(confidence * 1000) / 1000 }));
  }

  /**
   * For each entry, which query terms one of its names covers: a name counts when every one of
   * its words is in the question, in any order ("safeguarding area of the common core" contains
   * "safeguarding common core"). `implied` terms (the council behind "our") complete names but
   * are not question words themselves.
   */
  private phraseCoverage(terms: QueryTerm[], question: string, implied: string[]): Map<string, Set<number>> {
    const position = new Map(terms.map((t, i) => [t.term, i]));
    const present = new Set([...position.keys(), ...implied]);
    const out = new Map<string, Set<number>>();
    for (const term of position.keys()) {
      for (const name of this.namesByTerm.get(term) ?? []) {
        if (!name.terms.every((t) => present.has(t))) continue;
        // Numbered names ("common core area 6") only count in their own order, so "6 areas" is not area 6.
        if (name.terms.some((t) => /\d/.test(t)) && !this.containsInOrder(terms, name.terms)) continue;
        if (name.terms.length === 1 && !this.meantAsAcronym(name.terms[0], question)) continue;
        const set = out.get(name.id) ?? new Set<number>();
        for (const t of name.terms) {
          const i = position.get(t);
          if (i !== undefined) set.add(i);
        }
        out.set(name.id, set);
      }
    }
    return out;
  }

  private containsInOrder(terms: QueryTerm[], name: string[]): boolean {
    const joined = ` ${terms.map((t) => t.term).join(' ')} `;
    return joined.includes(` ${name.join(' ')} `);
  }

  private authorityContext(text: string): { named: Set<Council>; local: boolean } {
    const list = words(text);
    const named = new Set(COUNCILS.filter((c) => list.includes(c)));
    return { named, local: list.some((w) => LOCAL_WORDS.has(w)) };
  }

  /**
   * Puts the right council first: one the question names, else the configured council when the
   * question speaks of "our" strategy, else a light preference for the configured council.
   */
  private adjustForAuthority(confidence: number, entry: KnowledgeEntry, context: { named: Set<Council>; local: boolean }): number {
    if (entry.authority === 'national') return confidence;
    const council = entry.authority;
    if (context.named.size > 0) return context.named.has(council) ? confidence + 0.1 : confidence * 0.5;
    const own = this.options.authority;
    if (!own) return confidence;
    if (context.local) return council === own ? confidence + 0.1 : confidence * 0.6;
    return council === own ? confidence + 0.02 : confidence;
  }
}
