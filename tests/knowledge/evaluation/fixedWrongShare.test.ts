import { expect } from 'chai';
import { buildIndex } from '../../../knowledge/indexBuilder';
import { KnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import { fixtureKnowledgeBase } from '../../helpers/fixtureKnowledge';
import { topOneAtWrongShare } from './fixedWrongShare';
import { isAcceptable, Prediction, trainAnswerModel } from './trainAnswerModel';

/** The fixture corpus with a question for each entry. */
function fixture(): KnowledgeBase {
  const base = fixtureKnowledgeBase();
  const entries = base.entries.map((e) => ({ ...e, questions: [`who looks after the ${e.title.toLowerCase()}`] }));
  return { entries, index: buildIndex(entries), contentHash: base.contentHash };
}

describe('top-1 at a fixed share of wrong answers', function () {
  this.timeout(120000);
  const kb = fixture();
  const questions = [
    ...kb.entries.flatMap((e) => [
      { q: `what is ${e.title.toLowerCase()}`, expect: e.id },
      { q: `${e.title.toLowerCase()} please`, expect: e.id },
    ]),
    { q: 'how do i book annual leave', expect: null },
    { q: 'where can i park', expect: null },
  ];
  const { predictions } = trainAnswerModel({ kb, questions, files: ['fixture'] });
  const rightlyRanked = predictions.filter((p) => p.ranking && isAcceptable(p.example, p.ranking.order[0]));
  const outOfScope = predictions.filter((p) => !p.example.inScope && p.ranking);
  const inScope = predictions.filter((p) => p.example.inScope).length;

  /** The same predictions with chances set by hand: the rightly ranked ones at 0.95, one out-of-scope one at 0.97, the rest at 0.1. */
  const staged = (): Prediction[] => predictions.map((p) => ({ ...p, chance: rightlyRanked.includes(p) ? 0.95 : p === outOfScope[0] ? 0.97 : 0.1 }));

  it('answers nothing while the one wrong answer would break the cap, and everything right once it fits', () => {
    expect(rightlyRanked.length).to.be.at.least(4);
    expect(outOfScope.length).to.be.at.least(1);
    const share = 1 / (rightlyRanked.length + 1);
    const [tight, loose] = topOneAtWrongShare(staged(), 0.5, [share - 0.01, share + 0.01]);
    expect(tight).to.include({ answer: 0.99, top1: 0, wrongAnswerShare: 0 });
    expect(loose.answer).to.equal(0.95);
    expect(loose.top1).to.be.closeTo(rightlyRanked.length / inScope, 0.001);
    expect(loose.wrongAnswerShare).to.be.closeTo(share, 0.001);
  });
});
