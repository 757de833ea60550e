import { Logger } from 'pino';
import { stamp, Clock } from '../../platform/store/timestamps';
import { AppInstaller } from './appInstaller';
import { AttributeMapping } from './attributeMapping';
import { DirectoryStore } from './directoryStore';
import { GraphClient } from './graphClient';
import { enabledUsers, groupName, groupUsers } from './graphDirectory';

export interface DirectorySyncDependencies {
  store: DirectoryStore;
  /** Reads the mapping file afresh, so the comms team's edits apply at the next sync. */
  mapping: () => AttributeMapping;
  /** Absent when Graph is not configured: then a sync only maps imported people again. */
  graph?: GraphClient;
  /** Absent when no catalogue app id is set: people without the app are then reported, not installed. */
  installer?: AppInstaller;
  /** Entra groups read at every sync (besides those already read once). */
  groups: string[];
  /** Object ids of people the bot can already reach (a personal chat, or a roster it can open one from). */
  reachable: () => Promise<Set<string>>;
  now: Clock;
  logger: Logger;
  /** Installs under way at once; each waits for its turn under the shared rate limit anyway. */
  installConcurrency?: number;
}

/**
 * Reads the directory from Microsoft Graph (every enabled user, and the transitive members of the
 * chosen groups), maps everyone's attributes to targeting, and installs the personal app for
 * people who cannot be reached yet. One sync runs at a time; its progress is stored as it goes.
 */
export class DirectorySyncJob {
  private running?: { syncId: string; done: Promise<void> };

  constructor(private readonly deps: DirectorySyncDependencies) {}

  /** Starts a sync (or joins the one under way) and returns its id at once; `finished` waits for it. */
  async start(trigger: string, groups: string[] = []): Promise<string> {
    if (this.running) return this.running.syncId;
    const syncId = await this.deps.store.startSync(trigger);
    const done = this.run(syncId, groups)
      .catch(async (err: unknown) => {
        this.deps.logger.error({ err, syncId }, 'the directory sync failed');
        await this.deps.store.finishSync(syncId, (err as Error).message).catch(() => undefined);
      })
      .finally(() => (this.running = undefined));
    this.running = { syncId, done };
    return syncId;
  }

  /**
   * Installs the app now for some people (an audience's "needs the app"), as a run with progress
   * like a sync; joins the run under way if there is one. Returns its id at once.
   */
  async startInstalls(aadObjectIds: string[]): Promise<string> {
    if (this.running) return this.running.syncId;
    if (!this.deps.installer) throw new Error('proactive installation is off: set GRAPH_TEAMS_APP_ID (and the GRAPH_ settings)');
    const syncId = await this.deps.store.startSync('install');
    const done = this.installAll(syncId, aadObjectIds)
      .then(() => this.deps.store.finishSync(syncId))
      .catch(async (err: unknown) => {
        this.deps.logger.error({ err, syncId }, 'installing the app failed');
        await this.deps.store.finishSync(syncId, (err as Error).message).catch(() => undefined);
      })
      .finally(() => (this.running = undefined));
    this.running = { syncId, done };
    return syncId;
  }

  /** The id of the run under way, if any. */
  get underWay(): string | undefined {
    return this.running?.syncId;
  }

  /** Waits for the sync under way, if any. */
  async finished(): Promise<void> {
    await this.running?.done;
  }

  private async run(syncId: string, requested: string[]): Promise<void> {
    const { store, graph } = this.deps;
    const mapping = this.deps.mapping();
    const startedAt = stamp(this.deps.now());
    let users = 0;
    if (graph) {
      await store.updateSync(syncId, { phase: 'users' });
      for await (const page of enabledUsers(graph)) {
        await store.upsertPeople(page, mapping);
        users += page.length;
        await store.updateSync(syncId, { users });
      }
      // Someone not listed any more was disabled or deleted: they leave every audience.
      await store.disableUnseen('graph', startedAt);
      const known = (await store.groups()).map((g) => g.groupId);
      const groups = [...new Set([...this.deps.groups, ...requested, ...known])];
      await store.updateSync(syncId, { phase: 'groups' });
      let read = 0;
      for (const groupId of groups) {
        await this.readGroup(groupId, mapping);
        await store.updateSync(syncId, { groups: ++read });
      }
    }
    await store.updateSync(syncId, { phase: 'mapping' });
    await store.remap(mapping);
    if (graph && this.deps.installer) await this.installMissing(syncId);
    await store.finishSync(syncId);
  }

  /** Reads one group's users; a group that cannot be read keeps its last members and records why. */
  private async readGroup(groupId: string, mapping: AttributeMapping): Promise<void> {
    const members: string[] = [];
    let name: string | undefined;
    try {
      // The name is read first, so comms staff pick the group by name in the audience picker.
      name = await groupName(this.deps.graph!, groupId).catch(() => undefined);
      for await (const page of groupUsers(this.deps.graph!, groupId)) {
        // Members are also directory people (a guest in a group is not in the enabled-users list otherwise).
        await this.deps.store.upsertPeople(page, mapping);
        members.push(...page.map((p) => p.aadObjectId!));
      }
    } catch (err) {
      this.deps.logger.warn({ err, groupId }, 'could not read an Entra group');
      await this.deps.store.replaceGroup(groupId, [], (err as Error).message);
      return;
    }
    await this.deps.store.replaceGroup(groupId, members, undefined, name);
  }

  /** Installs the app for enabled directory people who have no chat and no roster entry yet. */
  private async installMissing(syncId: string): Promise<void> {
    const { store } = this.deps;
    await store.updateSync(syncId, { phase: 'installing' });
    const reachable = await this.deps.reachable();
    const installs = await store.installs();
    const todo = (await store.enabledPeople())
      .filter((p) => p.source === 'graph' && p.aadObjectId && !reachable.has(p.aadObjectId) && installs.get(p.aadObjectId)?.status !== 'installed')
      .map((p) => p.aadObjectId!);
    await this.installAll(syncId, todo);
  }

  /** Installs for each person, a few at a time, recording progress as it goes. */
  private async installAll(syncId: string, todo: string[]): Promise<void> {
    const { store } = this.deps;
    await store.updateSync(syncId, { phase: 'installing' });
    let installed = 0;
    let problems = 0;
    let next = 0;
    const lane = async () => {
      while (next < todo.length) {
        const aad = todo[next++];
        const outcome = await this.deps.installer!.install(aad).catch((err: unknown) => ({ status: 'failed' as const, problem: (err as Error).message }));
        if (outcome.status === 'installed') installed++;
        else problems++;
        if ((installed + problems) % 50 === 0 || installed + problems === todo.length) await store.updateSync(syncId, { installed, installProblems: problems });
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.deps.installConcurrency ?? 4, todo.length) }, lane));
    await store.updateSync(syncId, { installed, installProblems: problems });
  }
}
