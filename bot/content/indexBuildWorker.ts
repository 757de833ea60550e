import { parentPort, workerData } from 'node:worker_threads';
import { buildIndex } from '../../knowledge/indexBuilder';
import { KnowledgeEntry } from '../../knowledge/entry';

// Runs in a worker thread: indexes the entries it is given and sends back the serialised lunr index.
parentPort?.postMessage(buildIndex(workerData as KnowledgeEntry[]).toJSON());
