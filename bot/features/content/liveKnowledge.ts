import crypto from 'node:crypto';
import type { Logger } from 'pino';
import { Council, KnowledgeEntry } from '../../../knowledge/entry';
import { buildIndex } from '../../../knowledge/indexBuilder';
import { KnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import { KnowledgeSearch } from '../../../knowledge/knowledgeSearch';
import { liveView } from '../../platform/liveView';
import { PeriodicTask, startPeriodicTask } from '../../platform/store/periodicTask';
import { ContentEntries, SHIPPED_FILES } from './contentEntries';
import { BuiltKnowledge, KnowledgeBuilder, logWorkerLost, OffThreadIndexer } from './indexBuild';

/** A fingerprint of a set of entries, so an unchanged set is never indexed twice. */
export function entriesHash(entries: readonly KnowledgeEntry[]): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([...entries].sort((a, b) => (a.id < b.id ? -1 : 1))))
    .digest('hex');
}

/** Indexes entries into a knowledge base in memory, on this thread (what `npm run build:kb` does for files). */
export function knowledgeBaseOf(entries: KnowledgeEntry[]): KnowledgeBase {
  return { entries, index: buildIndex(entries), contentHash: entriesHash(entries) };
}

/** How long a revision whose build failed is left before it is tried again (a new publish is tried at once). */
export const RETRY_FAILED_BUILD_MS = 60_000;

/** Yields to the event loop, so a rebuild never starts inside the request that asked for it. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Milliseconds since a `process.hrtime.bigint()` reading. */
const msSince = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;

/** One index swap: when, how long the whole build took, and how much of it ran on this (the chat) thread. */
export interface IndexSwap {
  atMs: number;
  buildMs: number;
  mainThreadMs: number;
  entries: number;
  revision: number;
  /** When (ms since the epoch) each phase began, to show where publish-to-live time goes: the last signal (a publish here or another replica's), reading the content, the worker's build, its result arriving. */
  phases: { signalAtMs?: number; readAtMs: number; workerStartAtMs?: number; workerSentAtMs?: number; receivedAtMs?: number };
}

/**
 * The knowledge base staff are answered from, kept in step with the database: a publish on this
 * replica rebuilds the index after the request and swaps it in; other replicas are told (or notice
 * the content revision change on their next poll) and do the same. The slow part of a build runs
 * in a worker thread; until a new index is ready, questions are answered from the old one, so
 * nobody waits on a rebuild, and a build that fails leaves the old one serving.
 */
export class LiveKnowledge {
  /** Stable for the life of the process: the answerer and the message extension hold it, and it always reads the current index. */
  readonly search: KnowledgeSearch;
  private current: KnowledgeSearch;
  private currentHash: string;
  private currentEntries: KnowledgeEntry[];
  /** The content hash the initial knowledge base was built for (the built file's), naming what the worker warms up with. */
  private readonly initialContentHash: string;
  private seenRevision = -1;
  private poller?: PeriodicTask<void>;
  private rebuilding?: Promise<void>;
  /** Set by every request for a rebuild; the running one goes round again while it is set, so no publish is missed. */
  private rebuildAsked = false;
  /** The last revision whose build failed, so the poll does not rebuild it every second. */
  private failed?: { revision: number; retryAtMs: number };
  private draft?: { hash: string; search: Promise<KnowledgeSearch> };
  /** When the last publish signal arrived, for the swap's phase breakdown. */
  private signalAtMs?: number;
  private readonly builder: KnowledgeBuilder;
  private readonly nowMs: () => number;
  /** The last index swap, for the benchmark and health checks. */
  lastSwap?: IndexSwap;

  constructor(
    initial: KnowledgeBase,
    private readonly options: {
      content: ContentEntries;
      authority?: Council;
      logger: Logger;
      /** Tells the other replicas at once that content was published (PostgreSQL NOTIFY); without it they notice at their next poll. */
      announce?: () => Promise<void>;
      /** Builds new knowledge bases; by default in a worker thread. */
      builder?: KnowledgeBuilder;
      /** The clock for retrying a failed build (ms). */
      nowMs?: () => number;
    },
  ) {
    this.builder = options.builder ?? new OffThreadIndexer(logWorkerLost(options.logger));
    this.nowMs = options.nowMs ?? Date.now;
    this.current = new KnowledgeSearch(initial, { authority: options.authority });
    this.currentHash = entriesHash(initial.entries);
    this.currentEntries = initial.entries;
    this.initialContentHash = initial.contentHash;
    // Holders of the search keep answering from whichever index is current.
    this.search = liveView(() => this.current);
  }

  /**
   * Brings the database up to date with the shipped files (new entries added, entries no content
   * owner has edited updated; edited ones kept), then answers from the database's live entries.
   */
  async start(shipped: readonly KnowledgeEntry[], pollMs: number): Promise<void> {
    // The worker starts and reads the entries answered from while the database is brought up to date, so a publish soon after start-up finds it warm (a build takes over from it).
    this.builder.warm?.(this.currentEntries, this.initialContentHash);
    const synced = await this.options.content.loadLive(shipped, SHIPPED_FILES, { onlyIfUnedited: true });
    if (synced.added + synced.updated > 0)
      this.options.logger.info({ added: synced.added, updated: synced.updated }, 'knowledge content: loaded the shipped files into the database');
    if (synced.kept.length)
      this.options.logger.info(
        { entries: synced.kept.slice(0, 20), count: synced.kept.length },
        "knowledge content: kept content owners' edits over changed shipped files",
      );
    await this.rebuild();
    this.poller = startPeriodicTask({ name: 'knowledge content poll', intervalMs: pollMs, logger: this.options.logger, work: () => this.refresh() });
  }

  stop(): void {
    this.poller?.stop();
    void this.builder.stop();
  }

  /** The database's content revision this replica answers from. */
  get revision(): number {
    return this.seenRevision;
  }

  /** Rebuilds when the content revision moved; the poll calls it, and a publish on this replica does straight away. */
  async refresh(): Promise<void> {
    const revision = await this.options.content.revision();
    if (revision === this.seenRevision) return;
    if (revision === this.failed?.revision && this.nowMs() < this.failed.retryAtMs) return;
    await this.rebuild();
  }

  /** As `refresh`, but tries a revision whose build failed again at once (a signal means new content was published). */
  private async refreshNow(): Promise<void> {
    if ((await this.options.content.revision()) !== this.seenRevision) await this.rebuild();
  }

  /** After a publish on this replica: tells the others and starts a rebuild after the current request, without waiting for either. */
  refreshSoon(): void {
    this.options
      .announce?.()
      .catch((err: unknown) => this.options.logger.warn({ err }, 'knowledge content: could not tell the other replicas; they will notice at their next poll'));
    this.refreshFromSignal();
  }

  /** Another replica announced a publish: rebuild in the background, even over a recently failed build (this is new content). */
  refreshFromSignal(): void {
    this.signalAtMs = this.nowMs();
    void nextTurn()
      .then(() => this.refreshNow())
      .catch((err: unknown) =>
        this.options.logger.error({ err }, 'knowledge content: could not read the content to rebuild the index; still answering from the previous one'),
      );
  }

  /**
   * One rebuild at a time. A request while one runs marks it to go round again afterwards, reading
   * the content afresh, so a publish made during a rebuild always goes live; several such requests
   * make one more rebuild, not several.
   */
  private rebuild(): Promise<void> {
    this.rebuildAsked = true;
    this.rebuilding ??= this.rebuildWhileAsked();
    return this.rebuilding;
  }

  private async rebuildWhileAsked(): Promise<void> {
    let failure: unknown;
    try {
      while (this.rebuildAsked) {
        this.rebuildAsked = false;
        failure = undefined;
        try {
          await this.rebuildOnce();
        } catch (err) {
          failure = err;
        }
      }
    } finally {
      // Cleared in the same turn as the last check, so a request can never join a rebuild that has already read its content.
      this.rebuilding = undefined;
    }
    if (failure) throw failure;
  }

  private async rebuildOnce(): Promise<void> {
    const readAtMs = this.nowMs();
    // The revision is read before the entries, so a publish in between is seen as a newer revision and rebuilt again.
    const revision = await this.options.content.revision();
    const entries = await this.options.content.liveEntries();
    const hash = entriesHash(entries);
    if (hash !== this.currentHash) {
      const started = process.hrtime.bigint();
      let next: KnowledgeSearch;
      let mainThreadMs: number;
      let phases: BuiltKnowledge['phases'];
      let reuse: BuiltKnowledge['reuse'];
      try {
        const built = await this.builder.build(entries, hash);
        await nextTurn();
        const onThisThread = process.hrtime.bigint();
        next = new KnowledgeSearch(built.kb, { authority: this.options.authority });
        mainThreadMs = built.mainThreadMs + msSince(onThisThread);
        phases = built.phases;
        reuse = built.reuse;
      } catch (err) {
        // Handled here: the old index keeps serving, the reason is logged once, and the poll tries this revision again later.
        this.failed = { revision, retryAtMs: this.nowMs() + RETRY_FAILED_BUILD_MS };
        this.options.logger.error(
          { err, revision, entries: entries.length, answeringFromRevision: this.seenRevision },
          'knowledge content: the new index could not be built; still answering from the previous one',
        );
        return;
      }
      this.current = next;
      this.currentHash = hash;
      this.currentEntries = entries;
      this.lastSwap = {
        atMs: this.nowMs(),
        buildMs: msSince(started),
        mainThreadMs,
        entries: entries.length,
        revision,
        phases: { signalAtMs: this.signalAtMs, readAtMs, ...phases },
      };
      this.options.logger.info(
        {
          entries: entries.length,
          revision,
          buildMs: Math.round(this.lastSwap.buildMs),
          mainThreadMs: Math.round(mainThreadMs),
          liveAtMs: this.lastSwap.atMs,
          reuse,
          ...this.lastSwap.phases,
        },
        'knowledge content: new index live',
      );
    }
    this.failed = undefined;
    this.seenRevision = revision;
  }

  /** A search over the live entries with every draft applied, for the test pane (built off this thread, cached until a draft changes). */
  async draftSearch(): Promise<KnowledgeSearch> {
    const entries = await this.options.content.draftEntries();
    const hash = entriesHash(entries);
    if (this.draft?.hash !== hash) {
      const search = this.builder.build(entries, hash).then(({ kb }) => new KnowledgeSearch(kb, { authority: this.options.authority }));
      this.draft = { hash, search };
      // A failed draft build is forgotten, so the next request tries again.
      search.catch(() => {
        if (this.draft?.search === search) this.draft = undefined;
      });
    }
    return this.draft.search;
  }
}
