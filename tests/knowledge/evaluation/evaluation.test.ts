import { expect } from 'chai';
import { buildKnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import { evaluate, loadEvaluationQuestions } from './evaluate';

/** The quality bars from the product brief: 90% right first, at most 5% of out-of-scope answered. */
const MIN_ACCURACY = 0.9;
const MAX_OUT_OF_SCOPE_ANSWERED = 0.05;

describe('evaluation set (staff questions)', () => {
  const questions = loadEvaluationQuestions();
  const report = evaluate(buildKnowledgeBase(), questions);

  it('holds at least 150 questions, out-of-scope ones included', () => {
    expect(questions.length).to.be.at.least(150);
    expect(report.outOfScope).to.be.at.least(20);
  });

  it(`answers at least ${MIN_ACCURACY * 100}% of in-scope questions with the right entry`, () => {
    const detail = report.misses.filter((m) => m.expected !== null).map((m) => `  ${m.q} → expected ${m.expected}, got ${m.got}`);
    expect(report.accuracy, `accuracy ${(report.accuracy * 100).toFixed(1)}%; misses:\n${detail.join('\n')}`).to.be.at.least(MIN_ACCURACY);
  });

  it(`answers no more than ${MAX_OUT_OF_SCOPE_ANSWERED * 100}% of out-of-scope questions`, () => {
    const detail = report.misses.filter((m) => m.expected === null).map((m) => `  ${m.q} → ${m.got}`);
    expect(report.outOfScopeAnswered, detail.join('\n')).to.be.at.most(MAX_OUT_OF_SCOPE_ANSWERED);
  });
});
