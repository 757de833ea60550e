import lunr from 'lunr';
import { AlternateQuestions } from './alternateQuestions';
import { KnowledgeEntry } from './entry';
import { documentFrequencies, termsOnlyIn } from './lunrInternals';
import { acronymWords, isStopWord, keyTerms, stem, words } from './normalise';

/** One name of an entry (its title, an acronym or an alias) as its distinct key terms. */
export interface NameRecord {
  id: string;
  terms: string[];
}

/**
 * The tables the search derives from the content and its index before it can answer: built once
 * per knowledge base (by `npm run build:kb` and the index worker) and saved with it, so the thread
 * that answers only loads them.
 */
export interface SearchTables {
  /** Every index term with the number of entries that hold it. */
  df: Map<string, number>;
  acronyms: Set<string>;
  /** Acronyms that are also everyday words ("BEST", "GONE"): they count only when typed in capitals. */
  wordlikeAcronyms: Map<string, string>;
  /** Every name of every entry as its set of terms, found through any of its terms. */
  namesByTerm: Map<string, NameRecord[]>;
  titleTerms: Map<string, string[]>;
  /** Each entry's own acronyms, as index terms. */
  acronymsOf: Map<string, Set<string>>;
  /** Each entry name (title, acronym, alias) as its key terms, with the entries that carry it. */
  exactNames: Map<string, Set<string>>;
  /** Neighbouring term pairs in the content ("key worker"), so two words the content keeps apart are not joined. */
  contentPairs: Set<string>;
  /** Terms found only in entries' alternate questions. */
  questionOnly: Set<string>;
  /** Every word the content writes, unstemmed: a word in it is never read as another ("leeds" stays Leeds). */
  writtenWords: Set<string>;
  alternates: AlternateQuestions;
}

/** How rare a known term is across `n` entries (rarer says more); the search weighs question words by the same measure. */
export function knownTermIdf(n: number, df: ReadonlyMap<string, number>, term: string): number {
  return Math.log(1 + n / Math.max(1, df.get(term) ?? 0));
}

/** Builds every table from the entries and their lunr index (the slow part of making a search). */
export function buildSearchTables(entries: readonly KnowledgeEntry[], index: lunr.Index): SearchTables {
  const df = documentFrequencies(index);
  const acronyms = acronymWords(entries);
  const names: NameTables = { acronyms, namesByTerm: new Map(), exactNames: new Map() };
  const titleTerms = new Map<string, string[]>();
  const acronymsOf = new Map<string, Set<string>>();
  const namesOf = new Map<string, string[][]>();
  for (const entry of entries) {
    const bareTitle = entry.title.replace(/\([^)]*\)/g, ' ');
    const list = [entry.title, bareTitle, ...entry.acronyms, ...entry.aliases];
    for (const name of list) addPhrase(names, name, entry.id);
    for (const name of list) addExactName(names, name, entry.id);
    namesOf.set(
      entry.id,
      list.map((n) => keyTerms(n, acronyms)).filter((t) => t.length > 0),
    );
    titleTerms.set(entry.id, keyTerms(bareTitle, acronyms));
    acronymsOf.set(entry.id, new Set(entry.acronyms.flatMap((a) => keyTerms(a, acronyms))));
  }
  return {
    df,
    acronyms,
    wordlikeAcronyms: wordlikeAcronyms(entries),
    namesByTerm: names.namesByTerm,
    titleTerms,
    acronymsOf,
    exactNames: names.exactNames,
    ...contentWords(entries, acronyms),
    questionOnly: termsOnlyIn(index, 'questions'),
    alternates: new AlternateQuestions(entries, acronyms, (t) => knownTermIdf(entries.length, df, t), namesOf),
  };
}

/** The tables every entry's names are added to. */
type NameTables = Pick<SearchTables, 'acronyms' | 'namesByTerm' | 'exactNames'>;

function addExactName(tables: NameTables, name: string, id: string): void {
  const key = keyTerms(name, tables.acronyms).join(' ');
  if (key.length === 0) return;
  const ids = tables.exactNames.get(key) ?? new Set<string>();
  ids.add(id);
  tables.exactNames.set(key, ids);
}

function addPhrase(tables: NameTables, name: string, id: string): void {
  const terms = [...new Set(keyTerms(name, tables.acronyms))];
  if (terms.length === 0) return;
  const record = { id, terms };
  for (const term of terms) {
    const list = tables.namesByTerm.get(term) ?? [];
    if (!list.some((n) => n.id === id && n.terms.join(' ') === terms.join(' '))) list.push(record);
    tables.namesByTerm.set(term, list);
  }
}

function wordlikeAcronyms(entries: readonly KnowledgeEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  const lowerCaseWords = new Set<string>();
  for (const e of entries) for (const w of `${e.summary} ${e.body}`.split(/[^A-Za-z]+/)) if (w && w === w.toLowerCase()) lowerCaseWords.add(w);
  for (const entry of entries) {
    for (const acronym of entry.acronyms) {
      const lower = acronym.toLowerCase();
      if (lower !== acronym && /^[a-z]+$/.test(lower) && lowerCaseWords.has(lower)) out.set(lower, acronym);
    }
  }
  return out;
}

/** Neighbouring term pairs in the content, and every word it writes, read in one pass over its text. */
function contentWords(entries: readonly KnowledgeEntry[], acronyms: ReadonlySet<string>): { contentPairs: Set<string>; writtenWords: Set<string> } {
  const pairs = new Set<string>();
  const written = new Set<string>();
  // Stemming is the slow part and the content repeats its words, so each word is stemmed once.
  const stems = new Map<string, string>();
  const stemOf = (w: string) => stems.get(w) ?? stems.set(w, stem(w, acronyms)).get(w)!;
  for (const entry of entries) {
    const texts = [entry.title, ...entry.aliases, ...entry.questions, ...entry.tags, entry.summary, entry.body];
    for (const text of texts) {
      const list = words(text);
      for (const w of list) written.add(w);
      const terms = list.filter((w) => !isStopWord(w)).map(stemOf);
      for (let i = 1; i < terms.length; i++) pairs.add(`${terms[i - 1]} ${terms[i]}`);
    }
  }
  return { contentPairs: pairs, writtenWords: written };
}
