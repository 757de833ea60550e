import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import {
  AnswerModel,
  CANDIDATE_FEATURES,
  CandidateFeatures,
  decide,
  loadAnswerModel,
  QUERY_FEATURES,
  QueryFeatures,
  rankCandidates,
  rankProbabilities,
} from '../../knowledge/answerModel';

const features = (values: Partial<CandidateFeatures>): { features: CandidateFeatures } => ({
  features: { ...Object.fromEntries(CANDIDATE_FEATURES.map((k) => [k, 0])), ...values } as CandidateFeatures,
});
const query = (values: Partial<QueryFeatures> = {}): QueryFeatures =>
  ({ ...Object.fromEntries(QUERY_FEATURES.map((k) => [k, 0])), ...values }) as QueryFeatures;

describe('answer model', () => {
  const shipped = loadAnswerModel();

  it('ships a model trained on the features the search computes, with thresholds between 0 and 1', () => {
    expect(shipped.candidateFeatures).to.deep.equal([...CANDIDATE_FEATURES]);
    expect(shipped.thresholds.answer).to.be.within(0, 1);
    expect(shipped.thresholds.suggest).to.be.within(0, 1);
    expect(shipped.training).to.have.property('crossValidated');
  });

  it('refuses a model trained on other features, saying how to retrain it', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'model-')), 'model.json');
    fs.writeFileSync(file, JSON.stringify({ ...shipped, candidateFeatures: ['lexical', 'something-else'] }));
    expect(() => loadAnswerModel(file)).to.throw(/npm run train:qa/);
    fs.writeFileSync(file, JSON.stringify({ ...shipped, thresholds: { answer: 2, suggest: 0.5 } }));
    expect(() => loadAnswerModel(file)).to.throw(/not a valid answer model/);
  });

  it('gives the candidates and "none" probabilities that sum to 1, best-scoring highest', () => {
    const { probabilities, none } = rankProbabilities(
      shipped.ranker,
      [CANDIDATE_FEATURES.map(() => 1), CANDIDATE_FEATURES.map(() => 0.2)],
      QUERY_FEATURES.map(() => 0),
    );
    expect(probabilities[0] + probabilities[1] + none).to.be.closeTo(1, 1e-9);
    expect(probabilities[0]).to.be.greaterThan(probabilities[1]);
  });

  // A model whose ranker reads only the lexical score and whose decision reads only the log-odds.
  const toy: AnswerModel = {
    ...shipped,
    ranker: { candidate: CANDIDATE_FEATURES.map((k) => (k === 'lexical' ? 10 : 0)), none: QUERY_FEATURES.map(() => 0), noneBias: 5 },
    decision: { weights: shipped.decisionFeatures.map((k) => (k === 'probability' ? 1 : 0)), bias: 0 },
    thresholds: { answer: 0.9, suggest: 0.5 },
  };

  it('answers when one candidate clearly accounts for the question', () => {
    const verdict = decide(toy, [features({ lexical: 1 }), features({ lexical: 0.2 })], query());
    expect(verdict.decision).to.equal('answer');
    expect(verdict.order[0]).to.equal(0);
  });

  it('offers up to three choices when several fit about as well', () => {
    const verdict = decide(toy, [features({ lexical: 0.8 }), features({ lexical: 0.8 }), features({ lexical: 0.79 }), features({ lexical: 0.78 })], query());
    expect(verdict.decision).to.equal('suggest');
    expect(verdict.suggestions).to.have.length(3);
  });

  it('does not know when nothing fits, or when there are no candidates', () => {
    expect(decide(toy, [features({ lexical: 0.1 })], query()).decision).to.equal('unknown');
    expect(decide(toy, [], query()).decision).to.equal('unknown');
  });

  describe('what the decision reads about the best candidate', () => {
    // A ranker led by the profile closeness, so the lexical and profile rankers can disagree.
    const ranker: AnswerModel['ranker'] = {
      candidate: CANDIDATE_FEATURES.map((k) => (k === 'profileWords' ? 10 : 0)),
      none: QUERY_FEATURES.map(() => 0),
      noneBias: -5,
    };

    it('says whether the lexical and profile rankers agree with the model on it', () => {
      const agreeing = rankCandidates(ranker, [features({ lexical: 0.9, profileWords: 0.9 }), features({ lexical: 0.2, profileWords: 0.1 })], query());
      expect(agreeing.features.lexicalAgrees).to.equal(1);
      expect(agreeing.features.profileAgrees).to.equal(1);
      const split = rankCandidates(
        ranker,
        [features({ lexical: 0.9, profileWords: 0.1 }), features({ lexical: 0.2, profileWords: 0.9, profileChars: 0.1 })],
        query(),
      );
      expect(split.order[0]).to.equal(1);
      expect(split.features.lexicalAgrees).to.equal(0);
      expect(split.features.profileAgrees).to.equal(1);
    });

    it('says whether lunr\u2019s own ranking and the nearest alternate question agree with the model on it', () => {
      const agreeing = rankCandidates(
        ranker,
        [features({ profileWords: 0.9, lunrRel: 1, questionSim: 0.6 }), features({ lunrRel: 0.4, questionSim: 0.2 })],
        query(),
      );
      expect(agreeing.features.lunrAgrees).to.equal(1);
      expect(agreeing.features.questionSimAgrees).to.equal(1);
      const split = rankCandidates(
        ranker,
        [features({ profileWords: 0.9, lunrRel: 0.5, questionSim: 0.2 }), features({ lunrRel: 1, questionSim: 0.7 })],
        query(),
      );
      expect(split.order[0]).to.equal(0);
      expect(split.features.lunrAgrees).to.equal(0);
      expect(split.features.questionSimAgrees).to.equal(0);
      // lunr found nothing at all: it cannot agree.
      expect(rankCandidates(ranker, [features({ profileWords: 0.9 })], query()).features.lunrAgrees).to.equal(0);
    });

    it('measures its name, focus and question-similarity lead over the runner-up, and the top three\u2019s share', () => {
      const { features: f } = rankCandidates(
        ranker,
        [
          features({ profileWords: 0.9, nameShare: 0.8, focus: 0.5, questionSim: 0.3 }),
          features({ profileWords: 0.1, nameShare: 0.2, focus: 0.7, questionSim: 0.1 }),
        ],
        query({ termCount: 1.5, rejoinedShare: 0.25 }),
      );
      expect(f.nameShare).to.equal(0.8);
      expect(f.nameShareMargin).to.be.closeTo(0.6, 1e-9);
      expect(f.focusMargin).to.be.closeTo(-0.2, 1e-9);
      expect(f.questionSimMargin).to.be.closeTo(0.2, 1e-9);
      expect(f.termCount).to.equal(1.5);
      expect(f.rejoinedShare).to.equal(0.25);
      // Two candidates and a "none" scored at -5: the two hold nearly all the probability.
      expect(f.topThree).to.be.greaterThan(4);
    });
  });
});
