import { expect } from 'chai';
import { releaseBatch, shuffled, WaitingAnswer } from '../../../../bot/features/surveys/releaseBatch';
import { segmentsToGeneralise } from '../../../../bot/features/surveys/segmentGeneralisation';

const answer = (sector: string | undefined, locality: string | undefined, n: number): WaitingAnswer => ({
  sector,
  locality,
  answers: { workload: n },
  comment: `c${n}`,
});
const sizes = (counts: ReturnType<typeof releaseBatch>['counts'], dimension: string) =>
  Object.fromEntries(counts.filter((c) => c.dimension === dimension && c.questionId === '').map((c) => [c.segment, c.responses]));

describe('segmentsToGeneralise', () => {
  it('folds every value rarer than the threshold, then the next smallest until "not stated" is empty or big enough', () => {
    expect([
      ...segmentsToGeneralise(
        [
          { key: 'a', responses: 6 },
          { key: 'b', responses: 5 },
        ],
        5,
      ),
    ]).to.deep.equal([]);
    expect(
      [
        ...segmentsToGeneralise(
          [
            { key: 'a', responses: 6 },
            { key: 'b', responses: 2 },
          ],
          5,
        ),
      ].sort(),
    ).to.deep.equal(['a', 'b']);
    expect(
      [
        ...segmentsToGeneralise(
          [
            { key: 'a', responses: 9 },
            { key: 'b', responses: 5 },
            { key: 'c', responses: 2 },
          ],
          5,
        ),
      ].sort(),
    ).to.deep.equal(['b', 'c']);
    expect([
      ...segmentsToGeneralise(
        [
          { key: 'a', responses: 7 },
          { key: '', responses: 1 },
        ],
        5,
      ),
    ]).to.deep.equal(['a']);
    expect([
      ...segmentsToGeneralise(
        [
          { key: 'a', responses: 7 },
          { key: '', responses: 5 },
          { key: 'b', responses: 1 },
        ],
        5,
      ),
    ]).to.deep.equal(['b']);
  });
});

describe('releaseBatch', () => {
  it('stores no segment in the rows, and tallies each segment by none or at least the threshold', () => {
    const waiting = [
      ...Array.from({ length: 6 }, (_, i) => answer('health', 'Melton', i)),
      answer('youth', 'Melton', 6),
      answer('education', 'Blaby', 7),
      answer(undefined, 'Blaby', 8),
    ];
    const batch = releaseBatch(waiting, 5);
    expect(batch.rows).to.have.length(9);
    expect(Object.keys(batch.rows[0]).sort()).to.deep.equal(['answers', 'comment', 'id']);
    expect(sizes(batch.counts, 'all')).to.deep.equal({ '': 9 });
    // Youth, education and "not stated" make three, under five, so health is folded too; Blaby's two take Melton with them.
    expect(sizes(batch.counts, 'sector')).to.deep.equal({ '': 9 });
    expect(sizes(batch.counts, 'locality')).to.deep.equal({ '': 9 });
  });

  it('keeps segment values that reach the threshold in the batch', () => {
    const waiting = [
      ...Array.from({ length: 5 }, (_, i) => answer('health', 'Melton', i)),
      ...Array.from({ length: 5 }, (_, i) => answer('education', 'Blaby', i + 5)),
    ];
    const batch = releaseBatch(waiting, 5);
    expect(sizes(batch.counts, 'sector')).to.deep.equal({ education: 5, health: 5 });
    expect(sizes(batch.counts, 'locality')).to.deep.equal({ blaby: 5, melton: 5 });
    expect(batch.rows.map((r) => r.comment).sort()).to.deep.equal(waiting.map((w) => w.comment).sort());
  });

  it('shuffles with every order possible: Fisher–Yates driven by the random source', () => {
    expect(shuffled([1, 2, 3, 4], () => 0)).to.deep.equal([2, 3, 4, 1]);
    expect(shuffled([1, 2, 3, 4], (max) => max - 1)).to.deep.equal([1, 2, 3, 4]);
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) seen.add(shuffled([1, 2, 3]).join(''));
    expect(seen.size).to.equal(6);
  });
});
