import { KnowledgeEntry } from '../../knowledge/entry';

/** A current national glossary entry with placeholder text, for search tests that care only about its names and questions. */
export function testEntry(fields: Pick<KnowledgeEntry, 'id' | 'title'> & Partial<KnowledgeEntry>): KnowledgeEntry {
  return {
    kind: 'glossary',
    acronyms: [],
    aliases: [],
    questions: [],
    tags: ['test'],
    summary: 'Zanzibar quokka.',
    body: 'Zanzibar quokka.',
    source: 'test',
    authority: 'national',
    owner: 'test',
    reviewBy: '2030-01-01',
    status: 'current',
    related: [],
    ...fields,
  };
}
