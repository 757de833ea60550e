import { expect } from 'chai';
import { buildForTransfer } from '../../bot/features/content/indexBuildWorker';
import { BUILD_CODE_SLICE, buildCodeSteps, warmUpSteps } from '../../knowledge/buildWarmUp';
import { loadContent } from '../../knowledge/contentLoader';
import { forgetNormalisation, rememberNormalisation } from '../../knowledge/normalisationMemo';
import { forgetProfileCounts, rememberProfileCounts } from '../../knowledge/profileCountsMemo';

const entries = loadContent().entries.slice(0, 40);

/** Switches on both memos a build uses, with how many texts they have worked out afresh and a way to start the next build. */
function freshMemos(): { computed: () => number; nextBuild: () => void } {
  const memo = rememberNormalisation();
  const counts = rememberProfileCounts();
  const nextBuild = () => {
    memo.nextBuild();
    counts.nextBuild();
  };
  nextBuild();
  return { computed: () => memo.computed + counts.computed, nextBuild };
}

describe('warming up the index worker one entry at a time', () => {
  afterEach(() => {
    forgetNormalisation();
    forgetProfileCounts();
  });

  it('takes one step per entry, in order, so it can stop between any two', () => {
    expect([...warmUpSteps(entries)]).to.deep.equal(entries.map((e) => e.id));
  });

  it('leaves nothing for the next build of the same entries to work out afresh', () => {
    const { computed, nextBuild } = freshMemos();
    for (const step of warmUpSteps(entries)) void step;
    expect(computed(), 'the warm-up read the entries').to.be.greaterThan(100);
    const before = computed();
    nextBuild();
    expect(buildForTransfer({ entries, contentHash: 'h' }).ok).to.equal(true);
    expect(computed() - before).to.equal(0);
  });

  it("then runs the build's own code over every entry, a small slice per step, and leaves the memos as a real build would", () => {
    const { computed, nextBuild } = freshMemos();
    for (const step of warmUpSteps(entries)) void step;
    const slices = [...buildCodeSteps(entries)];
    expect(slices.reduce((sum, n) => sum + n, 0)).to.equal(entries.length);
    expect(Math.max(...slices)).to.be.at.most(BUILD_CODE_SLICE);
    expect(slices.length).to.be.greaterThan(1);
    const before = computed();
    nextBuild();
    expect(buildForTransfer({ entries, contentHash: 'h' }).ok).to.equal(true);
    expect(computed() - before, 'the next build works nothing out afresh').to.equal(0);
  });
});
