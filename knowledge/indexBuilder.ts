import lunr from 'lunr';
import { KnowledgeEntry } from './entry';
import { acronymWords, indexTerms } from './normalise';

/**
 * Field boosts: a word in a name says far more about an entry than the same word in its body; the
 * ways staff ask for an entry (its questions) sit between its tags and its names.
 */
export const FIELD_BOOSTS = { title: 10, names: 8, questions: 4, tags: 3, summary: 2, body: 1 } as const;
export type IndexField = keyof typeof FIELD_BOOSTS;

/** The text of each indexed field for one entry, already reduced to index terms. */
export function indexedFields(entry: KnowledgeEntry, acronyms: ReadonlySet<string>): Record<IndexField, string> {
  const terms = (text: string) => indexTerms(text, acronyms).join(' ');
  return {
    title: terms(entry.title),
    names: terms([...entry.acronyms, ...entry.aliases].join(' . ')),
    questions: terms(entry.questions.join(' . ')),
    tags: terms(entry.tags.join(' . ')),
    summary: terms(entry.summary),
    body: terms(entry.body),
  };
}

/**
 * Builds the lunr index over every entry, keyed by entry id. Text is normalised and stemmed here,
 * by the same functions the search uses on questions, so lunr's own pipelines are left empty.
 */
export function buildIndex(entries: KnowledgeEntry[]): lunr.Index {
  const acronyms = acronymWords(entries);
  return lunr(function build() {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    for (const [field, boost] of Object.entries(FIELD_BOOSTS)) this.field(field, { boost });
    for (const entry of entries) this.add({ id: entry.id, ...indexedFields(entry, acronyms) });
  });
}
