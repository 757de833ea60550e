import { AlternateQuestions, SavedAlternateQuestions } from './alternateQuestions';
import { KnowledgeEntry } from './entry';
import { NameRecord, SearchTables } from './searchTables';

/** Bumped whenever the saved tables' layout or what goes into them changes, so older tables are rebuilt rather than misread. */
export const SEARCH_TABLES_LAYOUT = 2;

/**
 * The search's derived tables as saved with a built knowledge base, for the entries (by id, in
 * order) and content they were built from. Numbers are typed arrays, so they load without parsing
 * and cross to another thread without copying.
 */
export interface SavedSearchTables {
  layout: number;
  contentHash: string;
  ids: string[];
  dfTerms: string[];
  dfCounts: Int32Array;
  acronyms: string[];
  wordlikeAcronyms: [string, string][];
  /** Every distinct name record (its entry position and terms), and each term's list of records as positions in it, flattened. */
  names: { entries: Int32Array; terms: string[][]; byTerm: string[]; starts: Int32Array; records: Int32Array };
  /** By entry position. */
  titleTerms: string[][];
  /** By entry position. */
  acronymsOf: string[][];
  exactNames: [string, string[]][];
  contentPairs: string[];
  questionOnly: string[];
  writtenWords: string[];
  alternates: SavedAlternateQuestions;
}

/** The tables in their saved form, tagged with the entries and content they were built from. */
export function saveSearchTables(tables: SearchTables, entries: readonly KnowledgeEntry[], contentHash: string): SavedSearchTables {
  const ids = entries.map((e) => e.id);
  const position = new Map(ids.map((id, i) => [id, i]));
  const records = [...new Set([...tables.namesByTerm.values()].flat())];
  const recordAt = new Map(records.map((r, i) => [r, i]));
  const lists = [...tables.namesByTerm.values()];
  const starts = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (starts[i + 1] = starts[i] + list.length));
  return {
    layout: SEARCH_TABLES_LAYOUT,
    contentHash,
    ids,
    dfTerms: [...tables.df.keys()],
    dfCounts: Int32Array.from(tables.df.values()),
    acronyms: [...tables.acronyms],
    wordlikeAcronyms: [...tables.wordlikeAcronyms],
    names: {
      entries: Int32Array.from(records, (r) => position.get(r.id) ?? -1),
      terms: records.map((r) => r.terms),
      byTerm: [...tables.namesByTerm.keys()],
      starts,
      records: Int32Array.from(lists.flat(), (r) => recordAt.get(r)!),
    },
    titleTerms: ids.map((id) => tables.titleTerms.get(id) ?? []),
    acronymsOf: ids.map((id) => [...(tables.acronymsOf.get(id) ?? [])]),
    exactNames: [...tables.exactNames].map(([key, set]) => [key, [...set]]),
    contentPairs: [...tables.contentPairs],
    questionOnly: [...tables.questionOnly],
    writtenWords: [...tables.writtenWords],
    alternates: tables.alternates.save(),
  };
}

/**
 * Loads saved tables for these entries and content; undefined when they are of another layout,
 * for other content or other entries, or do not hold together (a damaged or hand-edited file), so
 * the caller builds them afresh instead of answering from wrong tables.
 */
export function restoreSearchTables(saved: SavedSearchTables, entries: readonly KnowledgeEntry[], contentHash: string): SearchTables | undefined {
  try {
    if (saved.layout !== SEARCH_TABLES_LAYOUT || saved.contentHash !== contentHash) return undefined;
    const { ids } = saved;
    if (ids.length !== entries.length || ids.some((id, i) => id !== entries[i].id)) return undefined;
    const known = new Set(ids);
    const consistent =
      saved.dfCounts instanceof Int32Array &&
      saved.dfCounts.length === saved.dfTerms.length &&
      saved.dfCounts.every((n) => n > 0 && n <= ids.length) &&
      saved.names.entries instanceof Int32Array &&
      saved.names.entries.length === saved.names.terms.length &&
      saved.names.entries.every((at) => at >= 0 && at < ids.length) &&
      saved.names.starts instanceof Int32Array &&
      saved.names.records instanceof Int32Array &&
      saved.names.starts.length === saved.names.byTerm.length + 1 &&
      saved.names.starts[0] === 0 &&
      saved.names.starts[saved.names.byTerm.length] === saved.names.records.length &&
      saved.names.starts.every((start, i) => i === 0 || start >= saved.names.starts[i - 1]) &&
      saved.names.records.every((at) => at >= 0 && at < saved.names.terms.length) &&
      saved.titleTerms.length === ids.length &&
      saved.acronymsOf.length === ids.length &&
      Array.isArray(saved.writtenWords) &&
      saved.writtenWords.length > 0 &&
      saved.exactNames.every(([, list]) => list.every((id) => known.has(id))) &&
      saved.alternates.ids.every((id) => known.has(id));
    const alternates = consistent ? AlternateQuestions.load(saved.alternates) : undefined;
    if (!alternates) return undefined;
    const records: NameRecord[] = saved.names.terms.map((terms, i) => ({ id: ids[saved.names.entries[i]], terms }));
    const { byTerm, starts } = saved.names;
    const namesByTerm = new Map<string, NameRecord[]>(
      byTerm.map((term, i) => [term, Array.from(saved.names.records.subarray(starts[i], starts[i + 1]), (at) => records[at])]),
    );
    const df = new Map<string, number>();
    saved.dfTerms.forEach((term, i) => df.set(term, saved.dfCounts[i]));
    return {
      df,
      acronyms: new Set(saved.acronyms),
      wordlikeAcronyms: new Map(saved.wordlikeAcronyms),
      namesByTerm,
      titleTerms: new Map(ids.map((id, i) => [id, saved.titleTerms[i]])),
      acronymsOf: new Map(ids.map((id, i) => [id, new Set(saved.acronymsOf[i])])),
      exactNames: new Map(saved.exactNames.map(([key, list]) => [key, new Set(list)])),
      contentPairs: new Set(saved.contentPairs),
      questionOnly: new Set(saved.questionOnly),
      writtenWords: new Set(saved.writtenWords),
      alternates,
    };
  } catch {
    // A field of the wrong type (a damaged file) throws while being read: the tables are built afresh instead.
    return undefined;
  }
}
