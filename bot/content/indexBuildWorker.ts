import { parentPort } from 'node:worker_threads';
import { buildIndex } from '../../knowledge/indexBuilder';
import { KnowledgeEntry } from '../../knowledge/entry';

// Runs in a worker thread: for each set of entries it is sent, answers with their serialised lunr index.
parentPort?.on('message', (entries: KnowledgeEntry[]) => parentPort?.postMessage(buildIndex(entries).toJSON()));
