import path from 'node:path';
import { Worker } from 'node:worker_threads';
import lunr from 'lunr';
import { KnowledgeEntry } from '../../knowledge/entry';
import { buildIndex } from '../../knowledge/indexBuilder';

/** The worker script beside this file: TypeScript under ts-node (tests, scripts), JavaScript from dist/. */
function workerFile(): { file: string; execArgv: string[] } {
  const typescript = __filename.endsWith('.ts');
  return { file: path.join(__dirname, `indexBuildWorker.${typescript ? 'ts' : 'js'}`), execArgv: typescript ? ['-r', 'ts-node/register/transpile-only'] : [] };
}

/**
 * Builds the lunr index of `entries` in a worker thread, so a rebuild of thousands of entries does
 * not hold up chat on this replica, and loads it here. If the worker cannot run, builds it here.
 */
export async function buildIndexOffThread(entries: KnowledgeEntry[], onFallback: (err: unknown) => void = () => undefined): Promise<lunr.Index> {
  const { file, execArgv } = workerFile();
  try {
    const json = await new Promise<object>((resolve, reject) => {
      const worker = new Worker(file, { workerData: entries, execArgv });
      worker.once('message', (message: object) => {
        resolve(message);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the index worker exited with ${code} before answering`)));
    });
    return lunr.Index.load(json);
  } catch (err) {
    onFallback(err);
    return buildIndex(entries);
  }
}
