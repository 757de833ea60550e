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
 * Builds lunr indexes in one long-lived worker thread, so a rebuild of thousands of entries does not
 * hold up chat on this replica (and the worker's start-up is paid once), one build at a time. If the
 * worker fails, that build is done here and the next one starts a new worker.
 */
export class OffThreadIndexer {
  private worker?: Worker;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly onFallback: (err: unknown) => void = () => undefined) {}

  build(entries: KnowledgeEntry[]): Promise<lunr.Index> {
    const next = this.queue.then(() => this.buildNow(entries));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async buildNow(entries: KnowledgeEntry[]): Promise<lunr.Index> {
    try {
      return lunr.Index.load(await this.ask(entries));
    } catch (err) {
      this.onFallback(err);
      await this.stop();
      return buildIndex(entries);
    }
  }

  private ask(entries: KnowledgeEntry[]): Promise<object> {
    if (!this.worker) {
      const { file, execArgv } = workerFile();
      this.worker = new Worker(file, { execArgv });
      // An idle worker must not keep the process alive.
      this.worker.unref();
    }
    const worker = this.worker;
    return new Promise<object>((resolve, reject) => {
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (json: object) => {
        done();
        resolve(json);
      };
      const onError = (err: Error) => {
        done();
        reject(err);
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`the index worker exited with ${code} before answering`));
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage(entries);
    });
  }

  /** Ends the worker (the services' close). */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}
