import { Council, COUNCILS, KnowledgeEntry } from './entry';
import { editDistance } from './editDistance';
import { IndexField } from './indexBuilder';
import { KnowledgeBase } from './knowledgeBaseFile';
import { documentFrequencies, termsNear } from './lunrInternals';
import { acronymWords, keyTerms, words } from './normalise';

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

export const DEFAULT_THRESHOLDS: Thresholds = { answer: 0.62, suggest: 0.42, margin: 0.06 };

/** Questions are read up to this many characters; the rest is ignored (and the user told). */
export const MAX_QUESTION_CHARS = 1000;

export interface KnowledgeSearchOptions {
  /** The council whose own entries rank first ("our priorities"). */
  authority?: Council;
  thresholds?: Thresholds;
}

/** How strongly a match in each field ties a query word to an entry. */
const FIELD_WEIGHT: Record<IndexField, number> = { title: 1, names: 1, tags: 0.7, summary: 0.5, body: 0.3 };
/** A word found only after correcting a typo counts for a little less. */
const CORRECTED_WEIGHT = 0.85;
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
  private readonly phrases = new Map<string, Set<string>>();
  private readonly titleTerms = new Map<string, string[]>();
  private readonly df: Map<string, number>;
  private readonly thresholds: Thresholds;
  private readonly acronyms: Set<string>;
  /** Acronyms that are also everyday words ("BEST", "GONE"): they count only when typed in capitals. */
  private readonly wordlikeAcronyms = new Map<string, string>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly options: KnowledgeSearchOptions = {},
  ) {
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    this.byId = new Map(kb.entries.map((e) => [e.id, e]));
    this.df = documentFrequencies(kb.index);
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
    const prose = this.kb.entries.map((e) => `${e.summary} ${e.body}`).join(' ');
    for (const entry of this.kb.entries) {
      for (const acronym of entry.acronyms) {
        const lower = acronym.toLowerCase();
        if (lower !== acronym && /^[a-z]+$/.test(lower) && new RegExp(`\\b${lower}\\b`).test(prose)) this.wordlikeAcronyms.set(lower, acronym);
      }
    }
  }

  /** False for an everyday word that is also an acronym, unless the question wrote it in capitals. */
  private meantAsAcronym(term: string, question: string): boolean {
    const acronym = this.wordlikeAcronyms.get(term);
    return acronym === undefined || new RegExp(`\\b${acronym}\\b`).test(question);
  }

  private addPhrase(name: string, id: string): void {
    const key = keyTerms(name, this.acronyms).join(' ');
    if (!key) return;
    const owners = this.phrases.get(key) ?? new Set<string>();
    owners.add(id);
    this.phrases.set(key, owners);
  }

  /** Stems the question's meaningful words and repairs typos against the index vocabulary. */
  private queryTerms(text: string): QueryTerm[] {
    const seen = new Set<string>();
    const out: QueryTerm[] = [];
    for (const raw of keyTerms(text, this.acronyms)) {
      const term = this.df.has(raw) ? { term: raw, corrected: false, known: true } : this.correct(raw);
      if (seen.has(term.term)) continue;
      seen.add(term.term);
      out.push(term);
    }
    return out;
  }

  private correct(term: string): QueryTerm {
    const distance = term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0;
    if (distance === 0 || /\d/.test(term)) return { term, corrected: false, known: false };
    const near = termsNear(this.kb.index, term, distance);
    if (near.length === 0) return { term, corrected: false, known: false };
    const best = near
      .map((candidate) => ({ candidate, d: editDistance(term, candidate), df: this.df.get(candidate) ?? 0 }))
      .sort((a, b) => a.d - b.d || b.df - a.df || a.candidate.localeCompare(b.candidate))[0];
    return { term: best.candidate, corrected: true, known: true };
  }

  private idf(term: QueryTerm): number {
    const n = this.kb.entries.length;
    return Math.log(1 + n / Math.max(1, term.known ? (this.df.get(term.term) ?? 0) : 1));
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
    const phraseCover = this.phraseCoverage(terms, text);
    const candidates = new Set([...lunrScore.keys(), ...phraseCover.keys()]);
    const context = this.authorityContext(text);
    const idfs = terms.map((t) => this.idf(t));
    const totalIdf = idfs.reduce((a, b) => a + b, 0);

    const scored: { entry: KnowledgeEntry; confidence: number; score: number }[] = [];
    for (const id of candidates) {
      const entry = this.byId.get(id);
      if (!entry) continue;
      const matched = fieldsByEntry.get(id);
      const covered = phraseCover.get(id) ?? new Set<number>();
      let weighted = 0;
      terms.forEach((t, i) => {
        let w = covered.has(i) ? 1 : 0;
        const asAcronym = this.meantAsAcronym(t.term, text);
        for (const field of matched?.get(t.term) ?? []) {
          const weight = field === 'names' && !asAcronym ? FIELD_WEIGHT.body : (FIELD_WEIGHT[field as IndexField] ?? 0);
          w = Math.max(w, weight);
        }
        if (t.corrected) w *= CORRECTED_WEIGHT;
        weighted += w * idfs[i];
      });
      const coverage = weighted / totalIdf;
      const phraseShare = covered.size / terms.length;
      const titleTerms = this.titleTerms.get(id) ?? [];
      const termSet = new Set(terms.map((t) => t.term));
      const focus = titleTerms.length ? titleTerms.filter((t) => termSet.has(t)).length / titleTerms.length : 0;
      let confidence = 0.8 * coverage + 0.15 * phraseShare + 0.05 * focus;
      confidence = this.adjustForAuthority(confidence, entry, context);
      scored.push({ entry, confidence: Math.min(1, Math.max(0, confidence)), score: lunrScore.get(id) ?? 0 });
    }
    scored.sort((a, b) => b.confidence - a.confidence || b.score - a.score || a.entry.id.localeCompare(b.entry.id));
    return scored.map(({ entry, confidence }) => ({ entry, confidence: Math.round(confidence * 1000) / 1000 }));
  }

  /** For each entry, which query terms one of its names covers as a whole phrase. */
  private phraseCoverage(terms: QueryTerm[], question: string): Map<string, Set<number>> {
    const out = new Map<string, Set<number>>();
    for (let length = terms.length; length >= 1; length--) {
      for (let start = 0; start + length <= terms.length; start++) {
        const key = terms
          .slice(start, start + length)
          .map((t) => t.term)
          .join(' ');
        if (length === 1 && !this.meantAsAcronym(key, question)) continue;
        for (const id of this.phrases.get(key) ?? []) {
          const set = out.get(id) ?? new Set<number>();
          for (let i = start; i < start + length; i++) set.add(i);
          out.set(id, set);
        }
      }
    }
    return out;
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
