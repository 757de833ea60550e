import crypto from 'node:crypto';
import type { Logger } from 'pino';
import { Council, KnowledgeEntry } from '../../knowledge/entry';
import { buildIndex } from '../../knowledge/indexBuilder';
import { KnowledgeBase } from '../../knowledge/knowledgeBaseFile';
import { KnowledgeSearch } from '../../knowledge/knowledgeSearch';
import { PeriodicTask, startPeriodicTask } from '../store/periodicTask';
import { ContentEntries, SHIPPED_FILES } from './contentEntries';
import { OffThreadIndexer } from './indexBuild';

/** A fingerprint of a set of entries, so an unchanged set is never indexed twice. */
export function entriesHash(entries: readonly KnowledgeEntry[]): string {
  return crypto.createHash('sha256').update(JSON.stringify([...entries].sort((a, b) => (a.id < b.id ? -1 : 1)))).digest('hex');
}

/** Indexes entries into a knowledge base in memory (what `npm run build:kb` does for files). */
export function knowledgeBaseOf(entries: KnowledgeEntry[]): KnowledgeBase {
  return { entries, index: buildIndex(entries), contentHash: entriesHash(entries) };
}

/** Yields to the event loop, so a rebuild never starts inside the request that asked for it. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The knowledge base staff are answered from, kept in step with the database: a publish on this
 * replica rebuilds the index after the request and swaps it in; other replicas notice the content
 * revision change on their next poll and do the same. Until a new index is ready, questions are
 * answered from the old one, so nobody waits on a rebuild.
 */
export class LiveKnowledge {
  /** Stable for the life of the process: the answerer and the message extension hold it, and it always reads the current index. */
  readonly search: KnowledgeSearch;
  private current: KnowledgeSearch;
  private currentHash: string;
  private seenRevision = -1;
  private poller?: PeriodicTask<void>;
  private rebuilding?: Promise<void>;
  private rebuildAgain = false;
  private draft?: { hash: string; search: KnowledgeSearch };
  /** Builds each new lunr index in a worker thread, so chat is not held up for that part of a rebuild. */
  private readonly indexer: OffThreadIndexer;
  /** When the index last changed (ms) and how long its build took, for the benchmark and health checks. */
  lastSwap?: { atMs: number; buildMs: number; entries: number; revision: number };

  constructor(
    initial: KnowledgeBase,
    private readonly options: {
      content: ContentEntries;
      authority?: Council;
      logger: Logger;
      /** Tells the other replicas at once that content was published (PostgreSQL NOTIFY); without it they notice at their next poll. */
      announce?: () => Promise<void>;
    },
  ) {
    this.indexer = new OffThreadIndexer((err) => options.logger.warn({ err }, 'knowledge content: index worker failed; building on the main thread'));
    this.current = new KnowledgeSearch(initial, { authority: options.authority });
    this.currentHash = entriesHash(initial.entries);
    const holder = this;
    // A view that forwards every call to whichever index is current.
    this.search = new Proxy(this.current, {
      get(_target, prop) {
        const target = holder.current;
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /**
   * Brings the database up to date with the shipped files (new entries added, entries no content
   * owner has edited updated; edited ones kept), then answers from the database's live entries.
   */
  async start(shipped: readonly KnowledgeEntry[], pollMs: number): Promise<void> {
    const synced = await this.options.content.loadLive(shipped, SHIPPED_FILES, { onlyIfUnedited: true });
    if (synced.added + synced.updated > 0) this.options.logger.info({ added: synced.added, updated: synced.updated }, 'knowledge content: loaded the shipped files into the database');
    if (synced.kept.length) this.options.logger.info({ entries: synced.kept.slice(0, 20), count: synced.kept.length }, 'knowledge content: kept content owners\' edits over changed shipped files');
    await this.refreshNow();
    this.poller = startPeriodicTask({ name: 'knowledge content poll', intervalMs: pollMs, logger: this.options.logger, work: () => this.refresh() });
  }

  stop(): void {
    this.poller?.stop();
    void this.indexer.stop();
  }

  /** The database's content revision this replica answers from. */
  get revision(): number {
    return this.seenRevision;
  }

  /** Rebuilds when the content revision moved; the poll calls it, and a publish on this replica does straight away. */
  async refresh(): Promise<void> {
    const revision = await this.options.content.revision();
    if (revision === this.seenRevision) return;
    await this.rebuild();
  }

  /** After a publish on this replica: tells the others and starts a rebuild after the current request, without waiting for either. */
  refreshSoon(): void {
    this.options.announce?.().catch((err: unknown) => this.options.logger.warn({ err }, 'knowledge content: could not tell the other replicas; they will notice at their next poll'));
    this.refreshFromSignal();
  }

  /** Another replica announced a publish: rebuild in the background if the revision moved. */
  refreshFromSignal(): void {
    void nextTurn()
      .then(() => this.refresh())
      .catch((err: unknown) => this.options.logger.error({ err }, 'knowledge content: rebuilding the index failed; still answering from the previous one'));
  }

  private async refreshNow(): Promise<void> {
    await this.rebuild();
  }

  /** One rebuild at a time; a change noticed during one is picked up by another straight after. */
  private rebuild(): Promise<void> {
    if (this.rebuilding) {
      this.rebuildAgain = true;
      return this.rebuilding;
    }
    this.rebuilding = (async () => {
      do {
        this.rebuildAgain = false;
        const revision = await this.options.content.revision();
        const entries = await this.options.content.liveEntries();
        const hash = entriesHash(entries);
        if (hash !== this.currentHash) {
          const started = process.hrtime.bigint();
          // The lunr index is built in a worker thread; the search's own tables are built here.
          const index = await this.indexer.build(entries);
          await nextTurn();
          const next = new KnowledgeSearch({ entries, index, contentHash: hash }, { authority: this.options.authority });
          const buildMs = Number(process.hrtime.bigint() - started) / 1e6;
          this.current = next;
          this.currentHash = hash;
          this.lastSwap = { atMs: Date.now(), buildMs, entries: entries.length, revision };
          this.options.logger.info({ entries: entries.length, revision, buildMs: Math.round(buildMs) }, 'knowledge content: new index live');
        }
        this.seenRevision = revision;
      } while (this.rebuildAgain);
    })().finally(() => (this.rebuilding = undefined));
    return this.rebuilding;
  }

  /** A search over the live entries with every draft applied, for the test pane (cached until a draft changes). */
  async draftSearch(): Promise<KnowledgeSearch> {
    const entries = await this.options.content.draftEntries();
    const hash = entriesHash(entries);
    if (this.draft?.hash !== hash) this.draft = { hash, search: new KnowledgeSearch(knowledgeBaseOf(entries), { authority: this.options.authority }) };
    return this.draft.search;
  }
}
