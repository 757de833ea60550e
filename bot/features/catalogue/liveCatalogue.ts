import type { Logger } from 'pino';
import { TrainingCatalogue } from '../../../knowledge/training/catalogue';
import { PeriodicTask, startPeriodicTask } from '../../platform/store/periodicTask';
import { TrainingFinder } from '../training/trainingFinder';
import { catalogueOf, CatalogueStore, itemsOf, SHIPPED_YAML } from './catalogueItems';

/**
 * The training catalogue staff are answered from, kept in step with the database: the shipped YAML
 * seeds it (edited courses and sessions keep their edits), a publish on this replica swaps the new
 * catalogue into the training finder at once and tells the other replicas (PostgreSQL NOTIFY, as
 * the knowledge content does), which reload at once; the poll stays as the safety net.
 */
export class LiveCatalogue {
  private seenRevision = -1;
  private poller?: PeriodicTask<void>;
  /** The shipped courses' order, which the "all courses" list keeps. */
  private order: string[] = [];

  constructor(
    private readonly store: CatalogueStore,
    readonly finder: TrainingFinder,
    private readonly logger: Logger,
    /** Tells the other replicas at once that the catalogue changed; without it they notice at their next poll. */
    private readonly announce?: () => Promise<void>,
  ) {}

  async start(shipped: TrainingCatalogue, pollMs: number): Promise<void> {
    this.order = shipped.courses.map((c) => c.id);
    const synced = await this.store.loadLive(itemsOf(shipped), SHIPPED_YAML, { onlyIfUnedited: true });
    if (synced.added + synced.updated > 0)
      this.logger.info({ added: synced.added, updated: synced.updated }, 'training catalogue: loaded the shipped YAML into the database');
    if (synced.kept.length)
      this.logger.info({ items: synced.kept.slice(0, 20), count: synced.kept.length }, "training catalogue: kept editors' changes over changed shipped YAML");
    await this.reload();
    this.poller = startPeriodicTask({ name: 'training catalogue poll', intervalMs: pollMs, logger: this.logger, work: () => this.refresh() });
  }

  stop(): void {
    this.poller?.stop();
  }

  /** Reloads when the catalogue revision moved: the poll calls it, and a publish or import on this replica does straight away. */
  async refresh(): Promise<void> {
    if ((await this.store.revision()) !== this.seenRevision) await this.reload();
  }

  /** After a publish or import on this replica: answers from the new catalogue here, then tells the others without waiting. */
  async published(): Promise<void> {
    await this.refresh();
    this.announce?.().catch((err: unknown) =>
      this.logger.warn({ err }, 'training catalogue: could not tell the other replicas; they will notice at their next poll'),
    );
  }

  /** Another replica announced a catalogue change: reload now rather than at the next poll. */
  refreshFromSignal(): void {
    this.refresh().catch((err: unknown) => this.logger.error({ err }, 'training catalogue: could not reload after a change signal; the poll will try again'));
  }

  /** The catalogue as it is live now. */
  get catalogue(): TrainingCatalogue {
    return this.finder.index.catalogue;
  }

  private async reload(): Promise<void> {
    const revision = await this.store.revision();
    this.finder.replace(catalogueOf(await this.store.liveRecords(), this.order));
    this.seenRevision = revision;
  }
}
