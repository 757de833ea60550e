import lunr from 'lunr';
import { editDistance } from './editDistance';
import { NearTerms } from './nearTerms';
import { isFiller, keyWords, stem } from './normalise';

/** One meaningful term of a question, as the index knows it. */
export interface QueryTerm {
  term: string;
  /** True when the word was a typo, repaired to the nearest index term. */
  corrected: boolean;
  /** False for a word the knowledge base has never seen. */
  known: boolean;
  /** True when the term came from splitting a word run together or joining two typed apart. */
  rejoined?: boolean;
  /** For a typo copied into an entry's alternate questions ("famly"), the known word it stands for, whose rarity it takes. */
  standsFor?: string;
}

/** The parts of a joined word ("safeguardingtraining") are at least this long. */
const MIN_PART = 3;
/** A joined word is split into at most this many parts ("teamaroundthechild"). */
const MAX_PARTS = 4;
/** Acronyms up to this long are matched to a typo only by a swap of two letters. */
const MAX_STRICT_ACRONYM = 5;
/** A known joined word is also read as its parts when each part is in at least this many times as many entries. */
const COMMONER_PARTS = 3;

/**
 * Reads a question into index terms the way staff type it: stems its words, splits words run
 * together ("multiagency"), joins words typed apart ("safe guarding") and repairs typos against the
 * index vocabulary.
 */
export class QueryReader {
  /** Length of the longest index term: a longer word (less the edit distance) cannot be a typo of any. */
  private readonly longestTerm: number;
  private readonly nearTerms: NearTerms;

  constructor(
    index: lunr.Index,
    private readonly df: ReadonlyMap<string, number>,
    private readonly acronyms: ReadonlySet<string>,
    /** Pairs of neighbouring terms ("key worker") the content uses, so they are not joined into one. */
    private readonly contentPairs: ReadonlySet<string>,
    /** Terms found only in entries' alternate questions, which copy staff's typos ("workr"). */
    private readonly questionOnly: ReadonlySet<string> = new Set(),
    /** Every word the content writes (unstemmed); a word it never writes whose stem it knows ("leed") may be a typo. */
    private readonly written?: ReadonlySet<string>,
  ) {
    this.longestTerm = Math.max(0, ...[...df.keys()].map((t) => t.length));
    this.nearTerms = new NearTerms(index);
  }

  read(text: string): QueryTerm[] {
    const seen = new Set<string>();
    const out: QueryTerm[] = [];
    const add = (term: QueryTerm) => {
      if (seen.has(term.term)) return;
      seen.add(term.term);
      out.push(term);
    };
    const list = keyWords(text);
    for (let i = 0; i < list.length; i++) {
      const joined = i + 1 < list.length ? this.joinedPair(list[i], list[i + 1]) : undefined;
      if (joined) {
        add({ term: joined, corrected: false, known: true, rejoined: true });
        i++;
        continue;
      }
      const word = list[i];
      const stemmed = stem(word, this.acronyms);
      if (this.df.has(stemmed)) {
        const meant = this.meantInContext(word, stemmed, list[i - 1], list[i + 1]);
        if (meant) {
          add({ term: meant, corrected: true, known: true });
          continue;
        }
        // A word only the alternate questions use may be a typo they copied: it also stands for the word it is near,
        // and weighs as that word does, since being rare says only that one entry copied the typo.
        const near = this.questionOnly.has(stemmed) ? this.nearest(word, stemmed, stemmed) : undefined;
        const typo = near !== undefined && !this.questionOnly.has(near);
        add({ term: stemmed, corrected: false, known: true, ...(typo ? { standsFor: near } : {}) });
        if (typo) add({ term: near, corrected: true, known: true });
        // A joined word a few entries use ("multiagency") also stands for its parts, which the rest use.
        const parts = this.acronyms.has(word) ? undefined : this.split(word);
        if (parts && parts.every((p) => (this.df.get(p) ?? 0) >= COMMONER_PARTS * (this.df.get(stemmed) ?? 0))) {
          parts.forEach((term) => add({ term, corrected: false, known: true, rejoined: true }));
        }
        continue;
      }
      // A near spelling of a long acronym beats fragments ("cafcas" is Cafcass, not CAF and "ca").
      const acronym = this.nearLongAcronym(word, stemmed);
      if (acronym) {
        add({ term: acronym, corrected: true, known: true });
        continue;
      }
      const parts = this.split(word);
      if (parts) {
        parts.forEach((term) => add({ term, corrected: false, known: true, rejoined: true }));
        continue;
      }
      const runs = lettersAndDigits(word);
      if (runs) {
        runs.forEach((run) => {
          const term = stem(run, this.acronyms);
          add(this.df.has(term) ? { term, corrected: false, known: true, rejoined: true } : { ...this.correct(run, term), rejoined: true });
        });
        continue;
      }
      add(this.correct(word, stemmed));
    }
    return out;
  }

  /**
   * A word the content never writes but whose stem it knows, typed for a near one ("leed professional",
   * where "leed" is Leeds stemmed): read as the near term when that term and a neighbouring word form
   * a pair the content uses and the word as typed forms none, and the near term is in more entries.
   */
  private meantInContext(word: string, stemmed: string, before?: string, after?: string): string | undefined {
    if (!this.written || this.written.has(word) || this.acronyms.has(word) || (before === undefined && after === undefined)) return undefined;
    const neighbours = [before, after].map((w) => (w === undefined || isFiller(w) ? undefined : stem(w, this.acronyms)));
    const pairs = (term: string) => [neighbours[0] && `${neighbours[0]} ${term}`, neighbours[1] && `${term} ${neighbours[1]}`].filter((p): p is string => !!p);
    const own = pairs(stemmed);
    if (own.length === 0 || own.some((p) => this.contentPairs.has(p))) return undefined;
    if (stemmed.length < 4 || /\d/.test(stemmed)) return undefined;
    const count = this.df.get(stemmed) ?? 0;
    const near = this.nearTerms
      .near(stemmed, 1)
      .filter((t) => t !== stemmed && !this.acronyms.has(t) && (this.df.get(t) ?? 0) > count && pairs(t).some((p) => this.contentPairs.has(p)))
      .sort((a, b) => editDistance(stemmed, a) - editDistance(stemmed, b) || (this.df.get(b) ?? 0) - (this.df.get(a) ?? 0) || a.localeCompare(b));
    return near[0];
  }

  /** The index term two neighbouring words make when typed apart ("safe guarding"), unless the content uses them as a pair. */
  private joinedPair(first: string, second: string): string | undefined {
    const term = stem(first + second, this.acronyms);
    if (!this.df.has(term)) return undefined;
    const pair = `${stem(first, this.acronyms)} ${stem(second, this.acronyms)}`;
    return this.contentPairs.has(pair) ? undefined : term;
  }

  /** Splits a word run together from known words ("multiagency" → multi, agenc), fewest parts first; undefined when it cannot. */
  private split(word: string): string[] | undefined {
    if (/\d/.test(word) || word.length < 2 * MIN_PART) return undefined;
    for (let parts = 2; parts <= MAX_PARTS; parts++) {
      const found = this.splitInto(word, parts);
      if (found) return found.filter((w) => !isFiller(w)).map((w) => stem(w, this.acronyms));
    }
    return undefined;
  }

  /** The best way to cut a word into exactly `parts` known words: longest shortest part first. */
  private splitInto(word: string, parts: number): string[] | undefined {
    if (parts === 1) return this.isKnownWord(word) ? [word] : undefined;
    let best: string[] | undefined;
    for (let cut = MIN_PART; cut <= word.length - MIN_PART * (parts - 1); cut++) {
      const head = word.slice(0, cut);
      if (!this.isKnownWord(head)) continue;
      const rest = this.splitInto(word.slice(cut), parts - 1);
      if (!rest) continue;
      const candidate = [head, ...rest];
      if (!best || Math.min(...candidate.map((w) => w.length)) > Math.min(...best.map((w) => w.length))) best = candidate;
    }
    return best;
  }

  /** True for a word the index holds (or a framing word, which a joined question may include: "whatisacaf"). */
  private isKnownWord(word: string): boolean {
    return this.df.has(stem(word, this.acronyms)) || (isFiller(word) && word.length >= MIN_PART);
  }

  /** The long acronym (more than five letters) an unknown word is a near spelling of, if any. */
  private nearLongAcronym(word: string, stemmed: string): string | undefined {
    if (word.length <= MAX_STRICT_ACRONYM) return undefined;
    const best = this.nearest(word, stemmed);
    return best !== undefined && this.acronyms.has(best) && best.length > MAX_STRICT_ACRONYM ? best : undefined;
  }

  /** Finds the nearest index term to a misspelt word, trying both the word and its stem. */
  private correct(word: string, stemmed: string): QueryTerm {
    const unknown = { term: stemmed, corrected: false, known: false };
    const best = this.nearest(word, stemmed);
    return best ? { term: best, corrected: true, known: true } : unknown;
  }

  /**
   * The nearest index term to a word (other than `except`): fewest edits, then the same first
   * letter (typos seldom change it: "leed" is "lead" before "need"), then the commonest.
   */
  private nearest(word: string, stemmed: string, except?: string): string | undefined {
    if (/\d/.test(word)) return undefined;
    const tries = [...new Set([stemmed, word])]
      .map((form) => ({ form, distance: form.length >= 9 ? 2 : form.length >= 4 ? 1 : 0 }))
      // lunr's fuzzy automaton grows explosively with the word's length (a 500-letter "word" took
      // half a minute and 2.5 GB), so words no index term could be near are not tried at all.
      .filter((t) => t.distance > 0 && t.form.length - t.distance <= this.longestTerm);
    const candidates = tries.flatMap(({ form, distance }) =>
      this.nearTerms
        .near(form, distance)
        .filter((candidate) => candidate !== except && this.mayBeTypoOf(form, candidate))
        .map((candidate) => ({ candidate, d: editDistance(form, candidate), first: candidate[0] === form[0] ? 0 : 1, df: this.df.get(candidate) ?? 0 })),
    );
    candidates.sort((a, b) => a.d - b.d || a.first - b.first || b.df - a.df || a.candidate.localeCompare(b.candidate));
    return candidates[0]?.candidate;
  }

  /**
   * An unknown short acronym is more often another acronym than a typo ("EYFS" is not "EYPS",
   * "golf" is not "GLF"), so a word is read as a known acronym of up to five letters only with two
   * neighbouring letters swapped ("CAMSH"); longer ones ("Cafcass") take any near spelling.
   */
  private mayBeTypoOf(form: string, candidate: string): boolean {
    return !this.acronyms.has(candidate) || candidate.length > MAX_STRICT_ACRONYM || isSwap(form, candidate);
  }
}

/** Ordinal endings, which belong to their number ("21st") rather than being a word of their own. */
const ORDINAL_ENDINGS = new Set(['st', 'nd', 'rd', 'th']);

/**
 * An unknown word that runs letters and a number together ("nvq3", "wt2018", "2020strategy") as its two
 * runs, since staff drop the space the content keeps ("NVQ 3", "Working Together 2018"); known ones
 * ("KS2", "s47") never get here.
 */
function lettersAndDigits(word: string): [string, string] | undefined {
  const runs = /^([a-z]{2,})(\d+)$/.exec(word) ?? /^(\d+)([a-z]{2,})$/.exec(word);
  if (!runs || ORDINAL_ENDINGS.has(runs[2])) return undefined;
  return [runs[1], runs[2]];
}

/** True when two words differ only by one swap of neighbouring letters. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].map((c, i) => (c === b[i] ? -1 : i)).filter((i) => i >= 0);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}
