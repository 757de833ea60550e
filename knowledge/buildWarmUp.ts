import { KnowledgeEntry } from './entry';
import { EntryProfiles, ExampleCounter } from './entryProfiles';
import { buildIndex, indexedFields } from './indexBuilder';
import { acronymWords, indexTerms, keyTerms } from './normalise';
import { saveSearchTables } from './savedSearchTables';
import { buildSearchTables } from './searchTables';

/** Entries per step when the warm-up runs the build's own code: a build that arrives meanwhile waits for one such slice at most. */
export const BUILD_CODE_SLICE = 20;

/**
 * The part of building a knowledge base that the index worker's memos keep between builds (each
 * text normalised, each word stemmed, each profile example counted), one entry per step, so a
 * warm-up can stop between two entries when a real build arrives and that build reuses what the
 * warm-up got through. Nothing is built: the steps only fill the memos (switched on by the caller).
 */
export function* warmUpSteps(entries: readonly KnowledgeEntry[]): Generator<string, void, undefined> {
  const acronyms = acronymWords(entries);
  const counter = new ExampleCounter(acronyms);
  for (const entry of entries) {
    // The index's fields, as the lunr build reads them.
    indexedFields(entry, acronyms);
    // The profiles' examples.
    counter.of(entry);
    // The search tables' names, titles, questions and words, read one text at a time.
    const texts = [
      entry.title,
      entry.title.replace(/\([^)]*\)/g, ' '),
      ...entry.acronyms,
      ...entry.aliases,
      ...entry.questions,
      ...entry.tags,
      entry.summary,
      entry.body,
    ];
    for (const text of texts) {
      keyTerms(text, acronyms);
      indexTerms(text, acronyms);
    }
    yield entry.id;
  }
}

/**
 * The rest of a build (the lunr index, the entries' profiles and the search's tables, each in its
 * saved form) run over the entries a small slice per step, so that code has been compiled and
 * optimised before the first real build, which then runs as fast as later ones. Meant to follow
 * `warmUpSteps`, whose memos make each slice cheap; what the slices build is thrown away.
 * Yields how many entries each step built.
 */
export function* buildCodeSteps(entries: readonly KnowledgeEntry[], sliceSize = BUILD_CODE_SLICE): Generator<number, void, undefined> {
  // The whole content's acronyms, so the profiles' counts are the ones a real build remembers (they are keyed by them).
  const acronyms = acronymWords(entries);
  for (let at = 0; at < entries.length; at += sliceSize) {
    const slice = entries.slice(at, at + sliceSize);
    const index = buildIndex(slice);
    new EntryProfiles(slice, acronyms).save('warm-up');
    saveSearchTables(buildSearchTables(slice, index), slice, 'warm-up');
    index.toJSON();
    yield slice.length;
  }
}
