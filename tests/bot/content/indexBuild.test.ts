import { expect } from 'chai';
import { buildIndexOffThread } from '../../../bot/content/indexBuild';
import { loadContent } from '../../../knowledge/contentLoader';
import { buildIndex } from '../../../knowledge/indexBuilder';

describe('building the knowledge index in a worker thread', function () {
  this.timeout(120000);
  const entries = loadContent().entries.slice(0, 40);

  it('gives the same index as building it here: same matches and scores for the same queries', async () => {
    const here = buildIndex(entries);
    const there = await buildIndexOffThread(entries, (err) => {
      throw err;
    });
    for (const query of ['caf', 'lead professional', 'safeguarding training', 'common core']) {
      const a = here.search(query).map((r) => [r.ref, r.score.toFixed(6)]);
      const b = there.search(query).map((r) => [r.ref, r.score.toFixed(6)]);
      expect(b, query).to.deep.equal(a);
    }
  });

  it('leaves this thread free while it builds: other work runs before the index is ready', async () => {
    let ranMeanwhile = false;
    const building = buildIndexOffThread(entries, (err) => {
      throw err;
    });
    setImmediate(() => (ranMeanwhile = true));
    await building;
    expect(ranMeanwhile, 'an index built on this thread would be ready before the event loop turned').to.equal(true);
  });
});
