import { Writable } from 'node:stream';
import { expect } from 'chai';
import { DateTime } from 'luxon';
import pino from 'pino';
import { ContentEntries, SHIPPED_FILES } from '../../../../bot/features/content/contentEntries';
import { BuiltKnowledge, KnowledgeBuilder, OffThreadIndexer } from '../../../../bot/features/content/indexBuild';
import { LiveKnowledge, RETRY_FAILED_BUILD_MS } from '../../../../bot/features/content/liveKnowledge';
import { KnowledgeEntry } from '../../../../knowledge/entry';
import { fixtureKnowledgeBase } from '../../../helpers/fixtureKnowledge';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';
import { silentLogger } from '../../../helpers/testServices';

const clock = () => DateTime.fromISO('2026-11-23T10:00:00Z');

/** Waits for a change to show; generous, since it only bounds a wait on a loaded machine and times nothing. */
function waitFor(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (condition()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out waiting'));
      else setTimeout(tick, 20);
    };
    tick();
  });
}

/** A logger that keeps its lines, to read what a failed rebuild reported. */
function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

/**
 * The real worker-thread builder, with two controls a test needs: hold builds until released (to
 * publish while one is running) and make the next build fail (as a worker out of memory would).
 */
class ControlledBuilder implements KnowledgeBuilder {
  readonly real = new OffThreadIndexer();
  builds = 0;
  /** The entries of each warm-up asked for. */
  readonly warmUps: KnowledgeEntry[][] = [];
  failNext?: Error;
  private gate?: { opened: Promise<void>; open: () => void };

  hold(): void {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.gate = { opened, open };
  }

  release(): void {
    this.gate?.open();
    this.gate = undefined;
  }

  async build(entries: KnowledgeEntry[], contentHash: string): Promise<BuiltKnowledge> {
    this.builds++;
    await this.gate?.opened;
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
    return this.real.build(entries, contentHash);
  }

  warm(entries: KnowledgeEntry[]): void {
    this.warmUps.push(entries);
  }

  stop(): Promise<void> {
    return this.real.stop();
  }
}

/** The real worker-thread builder, counting its builds. */
class CountingIndexer extends OffThreadIndexer {
  builds = 0;

  override build(entries: KnowledgeEntry[], contentHash: string): Promise<BuiltKnowledge> {
    this.builds++;
    return super.build(entries, contentHash);
  }
}

/** Saves and publishes a new alias for one entry (two different editors, as the review asks). */
async function publishAlias(content: ContentEntries, id: string, alias: string): Promise<void> {
  const record = (await content.get(id))!;
  const saved = await content.saveDraft({ ...record.live!, aliases: [...record.live!.aliases, alias] }, 'editor-one', record.revision);
  expect(saved.ok, 'draft saved').to.equal(true);
  expect((await content.publish(id, 'editor-two', { secondPerson: true })).ok, 'published').to.equal(true);
}

forEachEngine((engine) => {
  describe(`live knowledge rebuilds (${engine})`, () => {
    let database: TestDatabase;
    let content: ContentEntries;
    const kb = fixtureKnowledgeBase();
    const answers = (live: LiveKnowledge, question: string) => live.search.search(question).answer?.entry.id;

    beforeEach(async () => {
      database = await openTestDatabase(engine);
      content = new ContentEntries(database.opened.db, clock);
    });
    afterEach(() => database.cleanup());

    it('a publish made while a rebuild runs goes live after it, and many such publishes make one more rebuild, not many', async () => {
      const builder = new ControlledBuilder();
      // A poll too slow to help: only the rebuild's own "go round again" can pick up the second publish.
      const live = new LiveKnowledge(kb, { content, logger: silentLogger, builder });
      try {
        await live.start(kb.entries, 3_600_000);
        const before = builder.builds;
        builder.hold();
        await publishAlias(content, 'alpha-plan', 'zebra crossing plan');
        live.refreshSoon();
        await waitFor(() => builder.builds === before + 1);
        await publishAlias(content, 'beta-coordinator', 'yak shaving coordinator');
        for (let i = 0; i < 3; i++) live.refreshFromSignal();
        await new Promise((resolve) => setTimeout(resolve, 50));
        builder.release();
        await waitFor(() => answers(live, 'yak shaving coordinator') === 'beta-coordinator');
        expect(answers(live, 'zebra crossing plan')).to.equal('alpha-plan');
        expect(live.revision).to.equal(await content.revision());
        expect(builder.builds - before, 'the held build and one more').to.equal(2);
      } finally {
        live.stop();
      }
    });

    it('warms the index worker with the entries it answers from in the background, once, as start-up begins', async () => {
      const builder = new ControlledBuilder();
      const live = new LiveKnowledge(kb, { content, logger: silentLogger, builder });
      try {
        await live.start(kb.entries, 3_600_000);
        expect(builder.builds, 'start-up answered from the built file').to.equal(0);
        expect(builder.warmUps.map((list) => list.map((e) => e.id).sort())).to.deep.equal([kb.entries.map((e) => e.id).sort()]);
        await publishAlias(content, 'alpha-plan', 'zebra crossing plan');
        await live.refresh();
        expect(builder.warmUps, 'a publish builds; it does not warm up again').to.have.length(1);
      } finally {
        live.stop();
      }
    });

    it('a publish during the start-up warm-up goes live with one build (no second build after the warm-up)', async () => {
      const builder = new CountingIndexer();
      const live = new LiveKnowledge(kb, { content, logger: silentLogger, builder });
      try {
        await live.start(kb.entries, 3_600_000);
        expect(builder.warmedUp, 'start-up asked for a warm-up').to.not.equal(undefined);
        await publishAlias(content, 'alpha-plan', 'zebra crossing plan');
        live.refreshSoon();
        await waitFor(() => answers(live, 'zebra crossing plan') === 'alpha-plan');
        expect(builder.builds).to.equal(1);
        expect(live.revision).to.equal(await content.revision());
        await builder.warmedUp;
      } finally {
        live.stop();
      }
    });

    it('publishes in quick succession during the warm-up go live in order: no older index is ever swapped in after a newer one', async () => {
      const builder = new CountingIndexer();
      const { logger, lines } = recordingLogger();
      const live = new LiveKnowledge(kb, { content, logger, builder });
      try {
        await live.start(kb.entries, 3_600_000);
        const aliases = ['zebra crossing plan', 'yak shaving coordinator', 'quokka rota plan'];
        const ids = ['alpha-plan', 'beta-coordinator', 'alpha-plan'];
        for (let i = 0; i < aliases.length; i++) {
          await publishAlias(content, ids[i], aliases[i]);
          live.refreshSoon();
        }
        const last = await content.revision();
        await waitFor(() => live.revision === last && aliases.every((alias, i) => answers(live, alias) === ids[i]));
        const swapped = lines.filter((l) => l.msg === 'knowledge content: new index live').map((l) => l.revision as number);
        expect(swapped.length, 'at least one swap').to.be.greaterThan(0);
        expect(swapped, 'each swap newer than the last').to.deep.equal([...new Set(swapped)].sort((a, b) => a - b));
        expect(builder.builds, 'one build per swap, at most one per publish').to.equal(swapped.length).and.to.be.at.most(aliases.length);
      } finally {
        live.stop();
      }
    });

    it('a build that fails leaves the old index answering, logs why, and is tried again later or at the next publish', async () => {
      const builder = new ControlledBuilder();
      const { logger, lines } = recordingLogger();
      let now = 1_000_000;
      const live = new LiveKnowledge(kb, { content, logger, builder, nowMs: () => now });
      try {
        await live.start(kb.entries, 3_600_000);
        const answeredBefore = answers(live, 'alpha plan');
        const revisionBefore = live.revision;
        builder.failNext = new Error('index worker ran out of memory');
        const before = builder.builds;
        await publishAlias(content, 'alpha-plan', 'zebra crossing plan');
        await live.refresh();
        expect(builder.builds).to.equal(before + 1);
        const failure = lines.find((l) => /could not be built/.test(String(l.msg)));
        expect(failure, 'the failure is logged').to.not.equal(undefined);
        expect(JSON.stringify(failure!.err)).to.include('index worker ran out of memory');
        expect(failure!.revision).to.equal(await content.revision());
        expect(failure!.answeringFromRevision).to.equal(revisionBefore);
        // Still answering, from the old index.
        expect(answers(live, 'zebra crossing plan')).to.not.equal('alpha-plan');
        expect(answers(live, 'alpha plan')).to.equal(answeredBefore);
        expect(live.revision).to.equal(revisionBefore);
        // The poll does not rebuild the same failed revision every time it runs...
        await live.refresh();
        expect(builder.builds).to.equal(before + 1);
        // ...but does once the retry interval has passed.
        now += RETRY_FAILED_BUILD_MS;
        await live.refresh();
        expect(builder.builds).to.equal(before + 2);
        expect(answers(live, 'zebra crossing plan')).to.equal('alpha-plan');
        expect(live.revision).to.equal(await content.revision());
      } finally {
        live.stop();
      }
    });

    it('a publish after a failed build is built at once, without waiting for the retry interval', async () => {
      const builder = new ControlledBuilder();
      const live = new LiveKnowledge(kb, { content, logger: silentLogger, builder, nowMs: () => 0 });
      try {
        await live.start(kb.entries, 3_600_000);
        builder.failNext = new Error('index worker ran out of memory');
        await publishAlias(content, 'alpha-plan', 'zebra crossing plan');
        await live.refresh();
        expect(answers(live, 'zebra crossing plan')).to.not.equal('alpha-plan');
        await publishAlias(content, 'beta-coordinator', 'yak shaving coordinator');
        live.refreshFromSignal();
        await waitFor(() => answers(live, 'yak shaving coordinator') === 'beta-coordinator');
        expect(answers(live, 'zebra crossing plan')).to.equal('alpha-plan');
      } finally {
        live.stop();
      }
    });

    it("the test pane's draft search is built off this thread and sees a saved draft", async () => {
      const builder = new ControlledBuilder();
      const live = new LiveKnowledge(kb, { content, logger: silentLogger, builder });
      try {
        await live.start(kb.entries, 3_600_000);
        const record = (await content.get('alpha-plan'))!;
        expect(
          (await content.saveDraft({ ...record.live!, aliases: [...record.live!.aliases, 'zebra crossing plan'] }, 'editor-one', record.revision)).ok,
        ).to.equal(true);
        const before = builder.builds;
        const draft = await live.draftSearch();
        expect(draft.search('zebra crossing plan').answer?.entry.id).to.equal('alpha-plan');
        expect(answers(live, 'zebra crossing plan')).to.not.equal('alpha-plan');
        expect(await live.draftSearch(), 'cached until a draft changes').to.equal(draft);
        expect(builder.builds).to.equal(before + 1);
      } finally {
        live.stop();
      }
    });
  });

  describe(`live knowledge on two replicas (${engine})`, () => {
    let database: TestDatabase;
    let replicaA: LiveKnowledge;
    let replicaB: LiveKnowledge;
    let content: ContentEntries;
    const kb = fixtureKnowledgeBase();

    before(async () => {
      database = await openTestDatabase(engine);
      content = new ContentEntries(database.opened.db, clock);
      replicaA = new LiveKnowledge(kb, { content, logger: silentLogger });
      replicaB = new LiveKnowledge(kb, { content: new ContentEntries(database.opened.db, clock), logger: silentLogger });
      await replicaA.start(kb.entries, 50);
      await replicaB.start(kb.entries, 50);
    });
    after(async () => {
      replicaA.stop();
      replicaB.stop();
      await database.cleanup();
    });

    it('seeds a fresh database from the shipped entries once, however many replicas start', async () => {
      const records = await content.list();
      expect(records.map((r) => r.id)).to.deep.equal(kb.entries.map((e) => e.id));
      expect(records.every((r) => r.liveVersion === 1 && !r.draft)).to.equal(true);
      expect((await content.versions('alpha-plan')).map((v) => v.author)).to.deep.equal([SHIPPED_FILES]);
    });

    it('a publish on one replica answers on the other within its poll, with no restart', async () => {
      const alpha = kb.entries.find((e) => e.id === 'alpha-plan')!;
      const record = (await content.get('alpha-plan'))!;
      const edited: KnowledgeEntry = { ...alpha, aliases: [...alpha.aliases, 'zebra crossing plan'] };
      const saved = await content.saveDraft(edited, 'editor-one', record.revision);
      expect(saved.ok).to.equal(true);
      expect(replicaB.search.search('zebra crossing plan').answer?.entry.id).to.not.equal('alpha-plan');
      const published = await content.publish('alpha-plan', 'editor-two', { secondPerson: true });
      expect(published.ok).to.equal(true);
      replicaA.refreshSoon();
      await waitFor(() => replicaB.search.search('zebra crossing plan').answer?.entry.id === 'alpha-plan');
      await waitFor(() => replicaA.search.search('zebra crossing plan').answer?.entry.id === 'alpha-plan');
      expect(replicaB.revision).to.equal(await content.revision());
    });

    it('refuses a stale edit and a self-approval, never overwriting silently', async () => {
      const record = (await content.get('beta-coordinator'))!;
      const beta = record.live!;
      expect((await content.saveDraft({ ...beta, owner: 'First Editor' }, 'editor-one', record.revision)).ok).to.equal(true);
      const stale = await content.saveDraft({ ...beta, owner: 'Second Editor' }, 'editor-two', record.revision);
      expect(stale).to.deep.include({ ok: false, kind: 'conflict', by: 'editor-one' });
      expect((await content.get('beta-coordinator'))!.draft!.owner).to.equal('First Editor');
      const self = await content.publish('beta-coordinator', 'EDITOR-ONE', { secondPerson: true });
      expect(self).to.deep.include({ ok: false, kind: 'same-person' });
      expect((await content.get('beta-coordinator'))!.live!.owner).to.equal(beta.owner);
    });

    it("a later start keeps content owners' edits but takes shipped changes to unedited entries", async () => {
      const gamma = kb.entries.find((e) => e.id === 'gamma-council')!;
      const alpha = kb.entries.find((e) => e.id === 'alpha-plan')!;
      const shipped = kb.entries.map((e) =>
        e.id === 'gamma-council' ? { ...gamma, owner: 'New Shipped Owner' } : e.id === 'alpha-plan' ? { ...alpha, owner: 'Shipped Owner Change' } : e,
      );
      const result = await content.loadLive(shipped, SHIPPED_FILES, { onlyIfUnedited: true });
      expect(result).to.deep.equal({ added: 0, updated: 1, kept: ['alpha-plan'] });
      expect((await content.get('gamma-council'))!.live!.owner).to.equal('New Shipped Owner');
      expect((await content.get('alpha-plan'))!.live!.aliases).to.include('zebra crossing plan');
    });
  });
});
