import { KnowledgeEntry } from './entry';
import { ExampleCounter } from './entryProfiles';
import { indexedFields } from './indexBuilder';
import { acronymWords, indexTerms, keyTerms } from './normalise';

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
