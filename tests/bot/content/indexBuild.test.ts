import { expect } from 'chai';
import { OffThreadIndexer } from '../../../bot/content/indexBuild';
import { loadContent } from '../../../knowledge/contentLoader';
import { buildIndex } from '../../../knowledge/indexBuilder';

describe('building the knowledge index in a worker thread', function () {
  this.timeout(120000);
  const entries = loadContent().entries.slice(0, 40);
  const failures: unknown[] = [];
  const indexer = new OffThreadIndexer((err) => failures.push(err));
  after(() => indexer.stop());
  afterEach(() => expect(failures, 'the worker built it, not the fallback').to.deep.equal([]));

  it('gives the same index as building it here: same matches and scores for the same queries', async () => {
    const here = buildIndex(entries);
    const there = await indexer.build(entries);
    for (const query of ['caf', 'lead professional', 'safeguarding training', 'common core']) {
      const a = here.search(query).map((r) => [r.ref, r.score.toFixed(6)]);
      const b = there.search(query).map((r) => [r.ref, r.score.toFixed(6)]);
      expect(b, query).to.deep.equal(a);
    }
  });

  it('leaves this thread free while it builds: other work runs before the index is ready', async () => {
    let ranMeanwhile = false;
    const building = indexer.build(entries.slice(1));
    setImmediate(() => (ranMeanwhile = true));
    await building;
    expect(ranMeanwhile, 'an index built on this thread would be ready before the event loop turned').to.equal(true);
  });

  it('builds one index after another in the same worker, each from the entries it was given', async () => {
    const [small, large] = await Promise.all([indexer.build(entries.slice(0, 5)), indexer.build(entries)]);
    const refsOf = (index: typeof small) => new Set((index.toJSON() as { fieldVectors: [string, unknown][] }).fieldVectors.map(([ref]) => ref.slice(ref.indexOf('/') + 1)));
    expect([...refsOf(small)].sort()).to.deep.equal(entries.slice(0, 5).map((e) => e.id).sort());
    expect(refsOf(large).size).to.equal(entries.length);
  });
});
