import path from 'node:path';
import { buildKnowledgeBase, DEFAULT_KB_FILE, saveKnowledgeBase } from '../knowledgeBaseFile';

/** `npm run build:kb`: builds the search index from the content and saves it for start-up. */
function main(): number {
  const started = Date.now();
  try {
    const kb = buildKnowledgeBase();
    saveKnowledgeBase(kb);
    console.log(`Indexed ${kb.entries.length} entries into ${path.relative(process.cwd(), DEFAULT_KB_FILE)} in ${Date.now() - started} ms`);
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  }
}

process.exitCode = main();
