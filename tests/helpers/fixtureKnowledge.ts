import path from 'node:path';
import { buildKnowledgeBase, KnowledgeBase } from '../../knowledge/knowledgeBaseFile';

/** The tiny fixture corpus the search tests run on. */
export const FIXTURE_CONTENT_DIR = path.join(__dirname, '..', 'knowledge', 'fixtures', 'content');

/** Builds the fixture knowledge base in memory. */
export function fixtureKnowledgeBase(): KnowledgeBase {
  return buildKnowledgeBase(FIXTURE_CONTENT_DIR);
}
