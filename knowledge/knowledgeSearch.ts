import { AlternateQuestions, WeightedTerm } from './alternateQuestions';
import { AnswerModel, CandidateFeatures, decide, loadAnswerModel, ModelVerdict, QueryFeatures } from './answerModel';
import { Council, COUNCILS, KnowledgeEntry } from './entry';
import { EntryProfiles } from './entryProfiles';
import { IndexField } from './indexBuilder';
import { KnowledgeBase } from './knowledgeBaseFile';
import { fieldsHolding, termScores } from './lunrInternals';
import { keyTerms, stem, words } from './normalise';
import { numbersPlacedAsInName } from './numberedNames';
import { OUT_OF_DOMAIN_CUES } from './outOfDomainCues';
import { QueryReader, QueryTerm } from './queryReader';
import { restoreSearchTables } from './savedSearchTables';
import { buildSearchTables, knownTermIdf, NameRecord } from './searchTables';

/** What the bot does with a question: answer it, offer choices, or say it does not know. */
export type Decision = 'answer' | 'suggest' | 'unknown';

export interface ScoredEntry {
  entry: KnowledgeEntry;
  /** 0–1: how much of the question this entry accounts for (the lexical score). */
  confidence: number;
  /** 0–1: the answer model's chance that this is the entry asked about. */
  probability: number;
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
  /** The answer model's chance that the best candidate is right (0 when nothing matched). */
  answerProbability: number;
}

/** One entry the search considered for a question, with what it measured. */
export interface Candidate {
  entry: KnowledgeEntry;
  confidence: number;
  features: CandidateFeatures;
}

/** Everything the search measured about a question, before the answer model decides (the trainer learns from this). */
export interface Explanation {
  terms: QueryTerm[];
  query: QueryFeatures;
  /** Best lexical score first. */
  candidates: Candidate[];
}

/**
 * How the lexical score is made up: how much of the question an entry accounts for (words weighted
 * by rarity and by the field they match in), how much of it is one of the entry's own names, and
 * how much of the entry's title the question uses.
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
  fields: { title: 1, names: 1, questions: 0.6, tags: 0.8, summary: 0.5, body: 0.35 },
  corrected: 0.85,
  unknownWord: 0.7,
};

/** Questions are read up to this many characters; the rest is ignored (and the user told). */
export const MAX_QUESTION_CHARS = 1000;

export interface KnowledgeSearchOptions {
  /** The council whose own entries rank first ("our priorities"). */
  authority?: Council;
  scoring?: Scoring;
  /** The trained answer model; the shipped knowledge/answer-model.json by default. */
  model?: AnswerModel;
}

/** Entries taken from lunr's ranking, and from the nearest alternate questions, before scoring. */
const LUNR_CANDIDATES = 30;
const QUESTION_CANDIDATES = 10;
/** Entries taken from the closest profiles, so a question in other words than an entry's names still finds it. */
const PROFILE_CANDIDATES = 10;
/** Entries taken from the naive Bayes classifier's likeliest, which learns which words tell entries apart. */
const BAYES_CANDIDATES = 5;
/** A naive Bayes chance is read as its log, cut at this (about 1 in 500 million) and scaled to 0–1. */
const BAYES_LOG_FLOOR = -20;
const bayesFeature = (chance: number) => 1 + Math.max(BAYES_LOG_FLOOR, Math.log(Math.max(chance, Number.MIN_VALUE))) / -BAYES_LOG_FLOOR;
/** A word in more than this share of the entries is too common to find candidates by. */
const COMMON_SHARE = 0.1;
const LOCAL_WORDS = new Set(['our', 'we', 'us', 'local', 'here', 'locally']);

/**
 * Answers questions from the knowledge base: lunr and the entries' alternate questions find
 * candidates, the search measures how well each accounts for the question, and a trained answer
 * model ranks them and decides between an answer, "did you mean", and an honest "I don't know".
 */
export class KnowledgeSearch {
  private readonly byId: Map<string, KnowledgeEntry>;
  /** Every name of every entry as its set of terms, found through any of its terms. */
  private readonly namesByTerm: Map<string, NameRecord[]>;
  private readonly titleTerms: Map<string, string[]>;
  /** Each entry's own acronyms, as index terms. */
  private readonly acronymsOf: Map<string, Set<string>>;
  private readonly df: Map<string, number>;
  private readonly scoring: Scoring;
  private readonly model: AnswerModel;
  private readonly acronyms: Set<string>;
  /** Acronyms that are also everyday words ("BEST", "GONE"): they count only when typed in capitals. */
  private readonly wordlikeAcronyms: Map<string, string>;
  private readonly reader: QueryReader;
  private readonly alternates: AlternateQuestions;
  private readonly profiles: EntryProfiles;
  /** Each entry name (title, acronym, alias) as its key terms, with the entries that carry it. */
  private readonly exactNames: Map<string, Set<string>>;
  /** True when the derived tables were loaded from the built knowledge base rather than built here. */
  readonly tablesLoaded: boolean;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly options: KnowledgeSearchOptions = {},
  ) {
    this.scoring = options.scoring ?? DEFAULT_SCORING;
    this.model = options.model ?? loadAnswerModel();
    this.byId = new Map(kb.entries.map((e) => [e.id, e]));
    // Tables saved with the build are used when they are for this very content; otherwise (none, stale or damaged) they are built here.
    const loaded = kb.tables && restoreSearchTables(kb.tables, kb.entries, kb.contentHash);
    const tables = loaded || buildSearchTables(kb.entries, kb.index);
    this.tablesLoaded = Boolean(loaded);
    this.df = tables.df;
    this.acronyms = tables.acronyms;
    this.wordlikeAcronyms = tables.wordlikeAcronyms;
    this.namesByTerm = tables.namesByTerm;
    this.titleTerms = tables.titleTerms;
    this.acronymsOf = tables.acronymsOf;
    this.exactNames = tables.exactNames;
    this.reader = new QueryReader(kb.index, this.df, this.acronyms, tables.contentPairs, tables.questionOnly, tables.writtenWords);
    this.alternates = tables.alternates;
    // Profiles saved with the build are used when they are for this very content; otherwise they are built here.
    const saved = kb.profiles?.contentHash === kb.contentHash ? kb.profiles : undefined;
    this.profiles = (saved && EntryProfiles.load(saved, kb.entries, this.acronyms)) || new EntryProfiles(kb.entries, this.acronyms);
  }

  /**
   * A question that is nothing but one entry's own name (its title, an acronym or an alias, which
   * content owners give it precisely so it is found) is answered with that entry, whatever the model's
   * confidence; a name two entries share is left to the model.
   */
  private answerByName(question: string, candidates: readonly { entry: KnowledgeEntry }[], verdict: ModelVerdict): ModelVerdict {
    if (verdict.decision === 'answer') return verdict;
    const ids = this.exactNames.get(keyTerms(question, this.acronyms).join(' '));
    if (!ids || ids.size !== 1) return verdict;
    const [id] = ids;
    const named = candidates.findIndex((c) => c.entry.id === id);
    if (named < 0) return verdict;
    return { ...verdict, decision: 'answer', order: [named, ...verdict.order.filter((i) => i !== named)], suggestions: [] };
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
    const nothing: SearchOutcome = { decision: 'unknown', suggestions: [], truncated, topConfidence: 0, answerProbability: 0 };
    const { query, candidates } = this.explain(question);
    if (candidates.length === 0) return nothing;

    const verdict = this.answerByName(question, candidates, decide(this.model, candidates, query));
    const scored = (i: number): ScoredEntry => ({
      entry: candidates[i].entry,
      confidence: round(candidates[i].confidence),
      probability: round(verdict.probabilities[i]),
    });
    const outcome = { truncated, topConfidence: round(candidates[verdict.order[0]].confidence), answerProbability: round(verdict.chance) };
    if (verdict.decision === 'answer') return { decision: 'answer', answer: scored(verdict.order[0]), suggestions: [], ...outcome };
    return { decision: verdict.decision, suggestions: verdict.suggestions.map(scored), ...outcome };
  }

  /** Measures every candidate entry for a question (what the answer model reads), best lexical score first. */
  explain(question: string): Explanation {
    const text = question.slice(0, MAX_QUESTION_CHARS);
    const terms = this.reader.read(text);
    const query = this.queryFeatures(text, terms);
    if (terms.length === 0) return { terms, query, candidates: [] };
    return { terms, query, candidates: this.measure(text, terms) };
  }

  private queryFeatures(text: string, terms: QueryTerm[]): QueryFeatures {
    const idfs = terms.map((t) => this.idf(t));
    const total = idfs.reduce((a, b) => a + b, 0) || 1;
    const share = (pick: (t: QueryTerm) => boolean) => terms.reduce((sum, t, i) => sum + (pick(t) ? idfs[i] : 0), 0) / total;
    const list = words(text);
    return {
      unknownShare: terms.length ? share((t) => !t.known) : 0,
      termCount: Math.log1p(terms.length),
      outOfDomain: list.length ? list.filter((w) => OUT_OF_DOMAIN_CUES.has(w)).length / list.length : 0,
      rejoinedShare: terms.length ? share((t) => t.rejoined === true) : 0,
    };
  }

  /** False for an everyday word that is also an acronym, unless the question wrote it in capitals. */
  private meantAsAcronym(term: string, question: string): boolean {
    const acronym = this.wordlikeAcronyms.get(term);
    return acronym === undefined || new RegExp(`\\b${acronym}\\b`).test(question);
  }

  /** How rare a term is across the entries (rarer says more). */
  private idfOf(term: string, known: boolean): number {
    const n = this.kb.entries.length;
    if (!known) return this.scoring.unknownWord * Math.log(1 + n);
    return knownTermIdf(n, this.df, term);
  }

  private idf(term: QueryTerm): number {
    return this.idfOf(term.standsFor ?? term.term, term.known);
  }

  /** Finds the candidate entries for a question and measures each, best lexical score first. */
  private measure(text: string, terms: QueryTerm[]): Candidate[] {
    // lunr finds candidates by the question's rarer words: a word in most entries ("child") finds
    // nothing new and makes the query many times slower; which fields hold each word is read directly.
    const known = terms.filter((t) => t.known);
    const common = COMMON_SHARE * this.kb.entries.length;
    const telling = known.filter((t) => (this.df.get(t.term) ?? 0) <= common);
    const results = known.length
      ? termScores(
          this.kb.index,
          (telling.length ? telling : known).map((t) => t.term),
        )
      : [];
    const topLunr = results[0]?.score ?? 0;
    const lunrById = new Map(results.map((r) => [r.ref, r]));
    const context = this.authorityContext(text);
    const own = this.options.authority;
    const implied = context.local && context.named.size === 0 && own ? [stem(own, this.acronyms)] : [];
    const phraseCover = this.phraseCoverage(terms, text, implied);
    const idfs = terms.map((t) => this.idf(t));
    const totalIdf = idfs.reduce((a, b) => a + b, 0);
    const similar = this.alternates.similarities(
      terms.map((t, i): WeightedTerm => ({ term: t.term, weight: idfs[i] * (t.corrected ? this.scoring.corrected : 1) })),
    );
    const nearest = [...similar]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, QUESTION_CANDIDATES)
      .map(([id]) => id);
    const { similarities: profiles, chances } = this.profiles.closeness(text);
    const closeness = new Map([...profiles].map(([id, p]) => [id, (p.words + p.chars) / 2]));
    const closest = [...closeness]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, PROFILE_CANDIDATES)
      .map(([id]) => id);
    const topCloseness = Math.max(0, ...closeness.values());
    const likeliest = chances.likeliest(BAYES_CANDIDATES);
    const ids = new Set([...results.slice(0, LUNR_CANDIDATES).map((r) => r.ref), ...phraseCover.keys(), ...nearest, ...closest, ...likeliest]);
    const termSet = new Set(terms.map((t) => t.term));
    const { fields, corrected } = this.scoring;
    // Whether each word was meant as an acronym depends on the question only, so it is read once, not once per candidate.
    const meantAsAcronyms = terms.map((t) => this.meantAsAcronym(t.term, text));

    const candidates: Candidate[] = [];
    for (const id of ids) {
      const entry = this.byId.get(id);
      if (!entry) continue;
      const covered = phraseCover.get(id) ?? new Set<number>();
      let weighted = 0;
      let phraseIdf = 0;
      const shares = { name: 0, acronym: 0, text: 0, questions: 0 };
      const ownAcronyms = this.acronymsOf.get(id);
      terms.forEach((t, i) => {
        const asAcronym = meantAsAcronyms[i];
        const found = t.known ? fieldsHolding(this.kb.index, t.term, id) : [];
        const factor = t.corrected ? corrected : 1;
        if (covered.has(i)) phraseIdf += idfs[i];
        let w = covered.has(i) ? 1 : 0;
        for (const field of found) {
          // An everyday word that is also an acronym ("best") counts in a name only when typed as the acronym.
          const weight = field === 'names' && !asAcronym ? fields.body : (fields[field as IndexField] ?? 0);
          w = Math.max(w, weight);
        }
        weighted += w * factor * idfs[i];
        if (found.includes('title') || (found.includes('names') && asAcronym)) shares.name += factor * idfs[i];
        if (found.some((f) => f === 'tags' || f === 'summary' || f === 'body') || (found.includes('names') && !asAcronym)) shares.text += factor * idfs[i];
        if (found.includes('questions')) shares.questions += factor * idfs[i];
        if (asAcronym && ownAcronyms?.has(t.term)) shares.acronym += factor * idfs[i];
      });
      // How much of the title the question uses, by rarity: leaving out "tool" says more than leaving out "framework".
      const titleTerms = this.titleTerms.get(id) ?? [];
      const titleIdf = titleTerms.reduce((sum, t) => sum + this.idfOf(t, true), 0);
      const focus = titleIdf > 0 ? titleTerms.filter((t) => termSet.has(t)).reduce((sum, t) => sum + this.idfOf(t, true), 0) / titleIdf : 0;
      const raw = this.scoring.coverage * (weighted / totalIdf) + this.scoring.phrase * (phraseIdf / totalIdf) + this.scoring.focus * focus;
      const adjusted = this.adjustForAuthority(raw, entry, context);
      const confidence = clamp(adjusted);
      const lunrScore = lunrById.get(id)?.score ?? 0;
      candidates.push({
        entry,
        confidence,
        features: {
          lexical: confidence,
          nameShare: shares.name / totalIdf,
          acronymShare: shares.acronym / totalIdf,
          phraseShare: phraseIdf / totalIdf,
          textShare: shares.text / totalIdf,
          questionShare: shares.questions / totalIdf,
          questionSim: similar.get(id) ?? 0,
          focus,
          lunrRel: topLunr > 0 ? lunrScore / topLunr : 0,
          authority: clamp(adjusted) - clamp(raw),
          profileWords: profiles.get(id)?.words ?? 0,
          profileChars: profiles.get(id)?.chars ?? 0,
          profileRel: topCloseness > 0 ? (closeness.get(id) ?? 0) / topCloseness : 0,
          bayes: bayesFeature(chances.of(id)),
        },
      });
    }
    return candidates.sort((a, b) => b.confidence - a.confidence || a.entry.id.localeCompare(b.entry.id));
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
    const termList = terms.map((t) => t.term);
    const out = new Map<string, Set<number>>();
    for (const term of position.keys()) {
      for (const name of this.namesByTerm.get(term) ?? []) {
        if (!name.terms.every((t) => present.has(t))) continue;
        // Numbered names ("common core area 6") count only where the question numbers the same thing, so "6 areas" is not area 6.
        if (!numbersPlacedAsInName(termList, name.terms, question)) continue;
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

const clamp = (n: number): number => Math.min(1, Math.max(0, n));
const round = (n: number): number => Math.round(n * 1000) / 1000;
