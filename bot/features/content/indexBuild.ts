import path from 'node:path';
import { Worker } from 'node:worker_threads';
import lunr from 'lunr';
import type { Logger } from 'pino';
import { KnowledgeEntry } from '../../../knowledge/entry';
import { KnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import type { BuildReply, BuildRequest, BuildReuse, IdentifiedReply } from './indexBuildWorker';

/** A knowledge base built for a set of entries, with how long loading it took on the caller's thread (ms). */
export interface BuiltKnowledge {
  kb: KnowledgeBase;
  mainThreadMs: number;
  /** When (ms since the epoch) the worker started and finished building and this thread received the result, for the phase breakdown. */
  phases?: { workerStartAtMs: number; workerSentAtMs: number; receivedAtMs: number };
  /** How much of the build the worker remembered from earlier builds (texts and profile examples), and how much it worked out afresh. */
  reuse?: BuildReuse;
}

/** Builds a knowledge base (index, profiles and search tables) for a set of entries, as `npm run build:kb` does for the files. */
export interface KnowledgeBuilder {
  build(entries: KnowledgeEntry[], contentHash: string): Promise<BuiltKnowledge>;
  /**
   * Gets ready for the first publish ahead of time, in the background: starts the worker, reads
   * these (the live) entries there once and runs the build's code over them, so the first
   * publish's build is not a cold one. A build asked for meanwhile never waits for it: the warm-up
   * stops and the build reuses what it read. `contentHash` names the content, so warming the same
   * content again (as a warm-up from the built file already is) joins that warm-up.
   */
  warm?(entries: KnowledgeEntry[], contentHash: string): void;
  stop(): Promise<void>;
}

/** What a replica does when its index worker stops mid-build: says so (the build is tried again in a new worker). */
export function logWorkerLost(logger: Logger): (err: unknown) => void {
  return (err) => logger.warn({ err }, 'knowledge content: the index worker stopped; building again in a new one');
}

/** The content could not be built (the worker's own error, with its message): building it again will fail the same way. */
export class KnowledgeBuildError extends Error {}

/** A successful build's reply, stamped with when it arrived (ms since the epoch, as `sentAt`). */
type Received = Extract<BuildReply, { index: object }> & { receivedAt: number };

/** What the worker answers a request with, once it has arrived. */
type Answer = Received | Extract<BuildReply, { warmedUp: true }>;

/** A request the worker has not answered yet. */
interface Pending {
  resolve: (answer: Answer) => void;
  reject: (err: Error) => void;
}

/** The worker script beside this file: TypeScript under ts-node (tests, scripts), JavaScript from dist/. */
function workerFile(): { file: string; execArgv: string[] } {
  const typescript = __filename.endsWith('.ts');
  return { file: path.join(__dirname, `indexBuildWorker.${typescript ? 'ts' : 'js'}`), execArgv: typescript ? ['-r', 'ts-node/register/transpile-only'] : [] };
}

/**
 * Builds knowledge bases in one long-lived worker thread — the lunr index, the entries' profiles and the search's tables,
 * the slow parts — so a rebuild of thousands of entries does not hold up chat on this replica; this
 * thread only loads the result. One build at a time; the worker's start-up is paid once. A worker
 * that dies is replaced and the build tried once more; a build the worker reports as failed is not
 * retried here (the caller keeps its old knowledge base).
 */
export class OffThreadIndexer implements KnowledgeBuilder {
  private worker?: Worker;
  /** Builds only: each waits for the one before, never for a warm-up. */
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private nextId = 1;
  /** The current worker's unanswered requests, by id. */
  private pending = new Map<number, Pending>();
  /** The last warm-up: how much of it the worker's memos already held, whether a build took over before it finished, and over how many entries it ran the build's code (for tests and the benchmark). */
  warmedUp?: Promise<(BuildReuse & { gaveWay: boolean; builtCodeOver: number }) | undefined>;

  constructor(private readonly onWorkerLost: (err: unknown) => void = () => undefined) {}

  build(entries: KnowledgeEntry[], contentHash: string): Promise<BuiltKnowledge> {
    const next = this.queue.then(() => this.buildNow(entries, contentHash));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async buildNow(entries: KnowledgeEntry[], contentHash: string): Promise<BuiltKnowledge> {
    let answer: Answer;
    try {
      answer = await this.ask({ entries, contentHash });
    } catch (err) {
      if (err instanceof KnowledgeBuildError) throw err;
      if (this.stopped) throw err;
      this.onWorkerLost(err);
      await this.endWorker();
      answer = await this.ask({ entries, contentHash });
    }
    if (!('index' in answer)) throw new Error('the index worker answered a build as a warm-up');
    const reply = answer;
    const loading = performance.now();
    const kb: KnowledgeBase = { entries, index: lunr.Index.load(reply.index), contentHash, profiles: reply.profiles, tables: reply.tables };
    // The reply's delivery (copying it into this thread) counts too: from when the worker sent it to when it was read here.
    return {
      kb,
      mainThreadMs: Math.max(0, reply.receivedAt - reply.sentAt) + (performance.now() - loading),
      phases: { workerStartAtMs: reply.startedAt, workerSentAtMs: reply.sentAt, receivedAtMs: reply.receivedAt },
      reuse: reply.reuse,
    };
  }

  /** Sent at once, beside any build (the worker lets a build take over); a warm-up that fails is forgotten (the first publish then builds cold, as before). */
  warm(entries: KnowledgeEntry[], contentHash: string): void {
    this.warmUp({ entries, contentHash, warmUp: true });
  }

  /**
   * As `warm`, with the entries of a built knowledge base file, which the worker reads itself: so
   * a process can start its worker warming before it has loaded anything else (a missing or
   * damaged file warms nothing).
   */
  warmFromBuiltFile(file: string): void {
    this.warmUp({ entries: [], contentHash: '', warmUp: true, builtFile: file });
  }

  private warmUp(request: Omit<BuildRequest, 'id'>): void {
    if (this.stopped) return;
    const warming = this.ask(request);
    this.warmedUp = warming.then((answer) =>
      'warmedUp' in answer && answer.reuse ? { ...answer.reuse, gaveWay: answer.gaveWay === true, builtCodeOver: answer.builtCodeOver ?? 0 } : undefined,
    );
    this.warmedUp.catch(() => undefined);
  }

  private startedWorker(): Worker {
    if (!this.worker) {
      const { file, execArgv } = workerFile();
      const worker = new Worker(file, { execArgv });
      const pending = new Map<number, Pending>();
      // An idle worker must not keep the process alive.
      worker.unref();
      worker.on('message', (reply: IdentifiedReply) => {
        const waiting = pending.get(reply.id);
        pending.delete(reply.id);
        if (!waiting) return;
        if (reply.ok && 'warmedUp' in reply) waiting.resolve(reply);
        else if (reply.ok) waiting.resolve({ ...reply, receivedAt: performance.timeOrigin + performance.now() });
        else waiting.reject(new KnowledgeBuildError(`the knowledge base could not be built: ${reply.error}`));
      });
      // A worker that fails fails every request it has not answered (a build tries once more in a new worker); an idle one is just dropped.
      const failAll = (err: Error) => {
        for (const waiting of pending.values()) waiting.reject(err);
        pending.clear();
      };
      worker.on('error', failAll);
      worker.once('exit', (code) => {
        failAll(new Error(`the index worker exited with ${code} before answering`));
        if (this.worker === worker) this.worker = undefined;
      });
      this.worker = worker;
      this.pending = pending;
    }
    return this.worker;
  }

  private ask(request: Omit<BuildRequest, 'id'>): Promise<Answer> {
    if (this.stopped) return Promise.reject(new Error('the index worker has been stopped'));
    const worker = this.startedWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } satisfies BuildRequest);
    });
  }

  /** Ends the worker for good (the services' close): a build in progress fails rather than starting another. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.endWorker();
  }

  private async endWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}
