import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { BuiltKnowledge, KnowledgeBuildError, OffThreadIndexer } from '../../../../bot/features/content/indexBuild';
import { entriesHash, knowledgeBaseOf } from '../../../../bot/features/content/liveKnowledge';
import { loadContent } from '../../../../knowledge/contentLoader';
import { KnowledgeEntry } from '../../../../knowledge/entry';
import { KnowledgeSearch } from '../../../../knowledge/knowledgeSearch';
import { saveKnowledgeBase } from '../../../../knowledge/knowledgeBaseFile';

/** A warmed build must be byte for byte what a cold one builds: profiles, search tables and index. */
function expectSameBuild(built: BuiltKnowledge, cold: BuiltKnowledge): void {
  expect(built.kb.profiles).to.deep.equal(cold.kb.profiles);
  expect(built.kb.tables).to.deep.equal(cold.kb.tables);
  expect(built.kb.index.toJSON()).to.deep.equal(cold.kb.index.toJSON());
}

describe('building the knowledge base in a worker thread', function () {
  this.timeout(120000);
  const entries = loadContent().entries.slice(0, 40);
  const lost: unknown[] = [];
  const indexer = new OffThreadIndexer((err) => lost.push(err));
  after(() => indexer.stop());
  afterEach(() => expect(lost, 'the worker stayed up').to.deep.equal([]));

  it('gives the same answers as building it here: same index scores and same search outcomes', async () => {
    const here = knowledgeBaseOf(entries);
    const { kb: there } = await indexer.build(entries, here.contentHash);
    expect(new KnowledgeSearch(there).tablesLoaded, "the worker's search tables are loaded, not rebuilt here").to.equal(true);
    for (const query of ['caf', 'lead professional', 'safeguarding training', 'common core']) {
      const a = here.index.search(query).map((r) => [r.ref, r.score.toFixed(6)]);
      const b = there.index.search(query).map((r) => [r.ref, r.score.toFixed(6)]);
      expect(b, query).to.deep.equal(a);
      expect(new KnowledgeSearch(there).search(`what is ${query}`), query).to.deep.equal(new KnowledgeSearch(here).search(`what is ${query}`));
    }
  });

  it("builds the entries' profiles there too, tagged with the content they are for, so this thread only loads them", async () => {
    const hash = entriesHash(entries);
    const { kb } = await indexer.build(entries, hash);
    expect(kb.contentHash).to.equal(hash);
    expect(kb.profiles?.contentHash).to.equal(hash);
    expect(kb.profiles?.ids).to.deep.equal(entries.map((e) => e.id));
  });

  it('leaves this thread free while it builds: other work runs before the knowledge base is ready', async () => {
    let ranMeanwhile = false;
    const building = indexer.build(entries.slice(1), 'h');
    setImmediate(() => (ranMeanwhile = true));
    await building;
    expect(ranMeanwhile, 'a knowledge base built on this thread would be ready before the event loop turned').to.equal(true);
  });

  it('builds one knowledge base after another in the same worker, each from the entries it was given', async () => {
    const [small, large] = await Promise.all([indexer.build(entries.slice(0, 5), 'small'), indexer.build(entries, 'large')]);
    const refsOf = (kb: typeof small.kb) =>
      new Set((kb.index.toJSON() as { fieldVectors: [string, unknown][] }).fieldVectors.map(([ref]) => ref.slice(ref.indexOf('/') + 1)));
    expect([...refsOf(small.kb)].sort()).to.deep.equal(
      entries
        .slice(0, 5)
        .map((e) => e.id)
        .sort(),
    );
    expect(refsOf(large.kb).size).to.equal(entries.length);
    expect(large.kb.profiles?.contentHash).to.equal('large');
  });

  it('reports content it cannot build with the reason, and the same worker builds the next content', async () => {
    const broken = [...entries.slice(0, 3), { ...entries[3], aliases: null } as unknown as KnowledgeEntry];
    let failure: unknown;
    await indexer.build(broken, 'broken').catch((err: unknown) => (failure = err));
    expect(failure).to.be.instanceOf(KnowledgeBuildError);
    expect((failure as Error).message).to.match(/could not be built: .*aliases/);
    const { kb } = await indexer.build(entries.slice(0, 3), 'fine');
    expect(kb.entries).to.have.length(3);
  });

  it('warms up in the background with the live entries, so the first build after start-up reuses their texts and profile counts', async () => {
    const cold = new OffThreadIndexer((err) => lost.push(err));
    const warmed = new OffThreadIndexer((err) => lost.push(err));
    const published = entries.map((e, i) => (i === 4 ? { ...e, summary: 'Quokka marmalade rota.' } : e));
    try {
      warmed.warm(entries, 'live');
      const warmUp = await warmed.warmedUp;
      expect(warmUp?.computed, 'the warm-up built the entries').to.be.greaterThan(100);
      const first = await warmed.build(published, 'first publish');
      const unwarmed = await cold.build(published, 'first publish');
      expect(first.reuse!.computed, 'only the edited summary is worked out afresh').to.be.below(10);
      expect(unwarmed.reuse!.computed, 'without a warm-up the first build is a cold one').to.be.greaterThan(100);
      expectSameBuild(first, unwarmed);
    } finally {
      await cold.stop();
      await warmed.stop();
    }
  });

  it('warms up from the built knowledge base file before it is given any entries, running the build over all of them, so the first build after start reuses', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-warm-file-'));
    const file = path.join(dir, 'kb.json');
    const built = knowledgeBaseOf(entries);
    saveKnowledgeBase(built, file);
    const early = new OffThreadIndexer((err) => lost.push(err));
    const cold = new OffThreadIndexer((err) => lost.push(err));
    const published = entries.map((e, i) => (i === 4 ? { ...e, summary: 'Quokka marmalade rota.' } : e));
    try {
      early.warmFromBuiltFile(file);
      const warmUp = await early.warmedUp;
      expect(warmUp?.computed, 'the worker read the entries from the file').to.be.greaterThan(100);
      expect(warmUp?.builtCodeOver, "the build's code ran over every entry").to.equal(entries.length);
      early.warm(entries, built.contentHash);
      const again = await early.warmedUp;
      expect([again?.computed, again?.builtCodeOver], 'warming the same content again reads and builds nothing').to.deep.equal([0, 0]);
      const first = await early.build(published, 'first publish');
      expect(first.reuse!.computed, 'only the edited summary is worked out afresh').to.be.below(10);
      const unwarmed = await cold.build(published, 'first publish');
      expectSameBuild(first, unwarmed);
    } finally {
      await early.stop();
      await cold.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warms nothing from a missing or damaged built file, and still builds', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-warm-file-'));
    const damaged = path.join(dir, 'kb.json');
    saveKnowledgeBase(knowledgeBaseOf(entries.slice(0, 3)), damaged);
    fs.appendFileSync(damaged, ' ');
    const indexer = new OffThreadIndexer((err) => lost.push(err));
    try {
      for (const file of [path.join(dir, 'missing.json'), damaged]) {
        indexer.warmFromBuiltFile(file);
        const warmUp = await indexer.warmedUp;
        expect([warmUp?.computed, warmUp?.builtCodeOver], file).to.deep.equal([0, 0]);
      }
      expect((await indexer.build(entries.slice(0, 3), 'after')).kb.entries).to.have.length(3);
    } finally {
      await indexer.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a build asked for during the warm-up takes over at once: it answers before the warm-up ends, and builds what a cold build does', async () => {
    const warming = new OffThreadIndexer((err) => lost.push(err));
    const cold = new OffThreadIndexer((err) => lost.push(err));
    const published = entries.map((e, i) => (i === 4 ? { ...e, summary: 'Quokka marmalade rota.' } : e));
    const settled: string[] = [];
    try {
      warming.warm(entries, 'live');
      const warmUp = warming.warmedUp!.then((reuse) => (settled.push('warm-up'), reuse));
      const first = warming.build(published, 'first publish').then((built) => (settled.push('build'), built));
      const [reuse, built] = await Promise.all([warmUp, first]);
      expect(settled, 'the build did not queue behind the warm-up').to.deep.equal(['build', 'warm-up']);
      expect(reuse?.gaveWay, 'the warm-up stopped when the build arrived').to.equal(true);
      const unwarmed = await cold.build(published, 'first publish');
      expectSameBuild(built, unwarmed);
    } finally {
      await warming.stop();
      await cold.stop();
    }
  });

  it('builds asked for during a warm-up answer one at a time, in the order asked, each with its own entries', async () => {
    const warming = new OffThreadIndexer((err) => lost.push(err));
    const settled: string[] = [];
    try {
      warming.warm(entries, 'live');
      const older = warming.build(entries.slice(0, 10), 'older').then((built) => (settled.push('older'), built));
      const newer = warming.build(entries.slice(0, 12), 'newer').then((built) => (settled.push('newer'), built));
      const [a, b] = await Promise.all([older, newer, warming.warmedUp]);
      expect(settled).to.deep.equal(['older', 'newer']);
      expect([a.kb.profiles?.contentHash, a.kb.profiles?.ids.length]).to.deep.equal(['older', 10]);
      expect([b.kb.profiles?.contentHash, b.kb.profiles?.ids.length]).to.deep.equal(['newer', 12]);
      expect(b.phases!.workerStartAtMs, 'the newer build started after the older one was sent').to.be.at.least(a.phases!.workerSentAtMs);
    } finally {
      await warming.stop();
    }
  });

  it('once stopped, refuses to build rather than starting another worker', async () => {
    const stopped = new OffThreadIndexer((err) => lost.push(err));
    await stopped.build(entries.slice(0, 2), 'a');
    await stopped.stop();
    let failure: unknown;
    await stopped.build(entries.slice(0, 2), 'b').catch((err: unknown) => (failure = err));
    expect((failure as Error | undefined)?.message).to.match(/stopped/);
  });
});
