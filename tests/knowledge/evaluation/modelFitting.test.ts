import { expect } from 'chai';
import { BinaryExample, chooseL2, fitLogistic, fitRanker, foldOf, RankExample } from './modelFitting';

describe('model fitting', () => {
  it('fits a logistic regression that separates a separable set', () => {
    const examples: BinaryExample[] = [0, 0.1, 0.2, 0.3, 0.7, 0.8, 0.9, 1].map((x) => ({ x: [x], y: x > 0.5 ? 1 : 0 }));
    const model = fitLogistic(examples, { l2: 0.001 });
    const p = (x: number) => 1 / (1 + Math.exp(-(model.bias + model.weights[0] * x)));
    expect(p(0.05)).to.be.below(0.2);
    expect(p(0.95)).to.be.above(0.8);
  });

  it('fits a ranker that learns which feature marks the right candidate, and when none is right', () => {
    // The right candidate has feature 0 high; questions whose candidates all have it low have no right one.
    const examples: RankExample[] = [];
    for (let i = 0; i < 20; i++) {
      examples.push({
        candidates: [
          [0.1, 0.9],
          [0.9, 0.1],
          [0.2, 0.5],
        ],
        query: [0],
        label: 1,
      });
      examples.push({
        candidates: [
          [0.1, 0.8],
          [0.2, 0.9],
        ],
        query: [1],
        label: -1,
      });
    }
    const ranker = fitRanker(examples, { l2: 0.001 });
    expect(ranker.candidate[0]).to.be.greaterThan(ranker.candidate[1]);
    expect(ranker.none[0]).to.be.greaterThan(0);
  });

  it('chooses the L2 penalty whose held-out likelihood is best', () => {
    const examples = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => ({ i }));
    // A made-up fit whose likelihood is best at 0.01.
    const l2 = chooseL2(
      examples,
      (e) => e.i % 5,
      5,
      (_train, penalty) => () => (penalty === 0.01 ? 0.9 : 0.5),
    );
    expect(l2).to.equal(0.01);
  });

  it('puts a question in the same fold every time', () => {
    expect(foldOf('whats a caf', 5)).to.equal(foldOf('whats a caf', 5));
    expect(new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((q) => foldOf(q, 5))).size).to.be.greaterThan(1);
  });
});
