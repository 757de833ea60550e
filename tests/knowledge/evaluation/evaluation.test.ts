import { expect } from 'chai';
import { buildKnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import {
  EvaluationFigures,
  EvaluationReport,
  evaluate,
  evaluateHeldBack,
  GLOSSARY_QUESTIONS_FILE,
  loadEvaluationQuestions,
  TRAINING_QUESTIONS_FILE,
  TUNING_FILES,
} from './evaluate';

/** The quality bars from the product brief and issue #13. */
const MIN_TOP1 = 0.9;
const MAX_OUT_OF_SCOPE_ANSWERED = 0.03;
const MAX_WRONG_ANSWER_SHARE = 0.02;
/** The held-back split must be big enough for its figures to mean something. */
const MIN_HELDBACK_QUESTIONS = 180;

function meetsTheBars(name: string, report: () => EvaluationReport): void {
  it(`answers at least ${MIN_TOP1 * 100}% of in-scope ${name} with the right entry`, () => {
    const { accuracy, misses } = report();
    const detail = misses.filter((m) => m.expected !== null).map((m) => `  ${m.q} → expected ${m.expected}, got ${m.got}`);
    expect(accuracy, `accuracy ${(accuracy * 100).toFixed(1)}%; misses:\n${detail.join('\n')}`).to.be.at.least(MIN_TOP1);
  });

  it(`answers no more than ${MAX_OUT_OF_SCOPE_ANSWERED * 100}% of out-of-scope ${name}`, () => {
    const { outOfScopeAnswered, misses } = report();
    const detail = misses.filter((m) => m.expected === null).map((m) => `  ${m.q} → ${m.got}`);
    expect(outOfScopeAnswered, detail.join('\n')).to.be.at.most(MAX_OUT_OF_SCOPE_ANSWERED);
  });

  it(`gets no more than ${MAX_WRONG_ANSWER_SHARE * 100}% of the answers it gives to ${name} wrong`, () => {
    const { wrongAnswerShare, misses } = report();
    const detail = misses.filter((m) => m.got.startsWith('answer') || m.got.startsWith('course')).map((m) => `  ${m.q} → expected ${m.expected ?? 'nothing'}, got ${m.got}`);
    expect(wrongAnswerShare, detail.join('\n')).to.be.at.most(MAX_WRONG_ANSWER_SHARE);
  });
}

describe('evaluation, tuning split (staff questions, through the bot\u2019s answering path)', function () {
  // Hundreds of questions through the whole answering path: slow on a busy machine, and never timed.
  this.timeout(300000);
  const kb = buildKnowledgeBase();
  let all: EvaluationReport;
  let glossary: EvaluationReport;
  let training: EvaluationReport;
  before(() => {
    all = evaluate(kb, loadEvaluationQuestions(TUNING_FILES));
    glossary = evaluate(kb, loadEvaluationQuestions([GLOSSARY_QUESTIONS_FILE]));
    training = evaluate(kb, loadEvaluationQuestions([TRAINING_QUESTIONS_FILE]));
  });

  it('holds at least 450 questions, out-of-scope ones included', () => {
    expect(all.inScope + all.outOfScope).to.be.at.least(450);
    expect(all.outOfScope).to.be.at.least(50);
  });

  it('holds at least 40 training questions, out-of-scope ones included', () => {
    expect(training.inScope).to.be.at.least(40);
    expect(training.outOfScope).to.be.at.least(5);
  });

  meetsTheBars('tuning questions', () => all);
  meetsTheBars('glossary questions', () => glossary);
  meetsTheBars('training questions', () => training);
});

// The held-back split prints its figures only: never a question, a miss or an entry it was matched to.
describe('evaluation, held-back split (figures only)', function () {
  this.timeout(300000);
  let figures: EvaluationFigures;
  before(() => {
    figures = evaluateHeldBack(buildKnowledgeBase());
  });
  const shown = () => JSON.stringify(figures);

  it(`holds at least ${MIN_HELDBACK_QUESTIONS} questions`, () => {
    expect(figures.inScope + figures.outOfScope, shown()).to.be.at.least(MIN_HELDBACK_QUESTIONS);
    expect(figures.outOfScope, shown()).to.be.at.least(1);
  });

  it(`answers at least ${MIN_TOP1 * 100}% of in-scope held-back questions with the right entry`, () => {
    expect(figures.accuracy, shown()).to.be.at.least(MIN_TOP1);
  });

  it(`answers no more than ${MAX_OUT_OF_SCOPE_ANSWERED * 100}% of out-of-scope held-back questions`, () => {
    expect(figures.outOfScopeAnswered, shown()).to.be.at.most(MAX_OUT_OF_SCOPE_ANSWERED);
  });

  it(`gets no more than ${MAX_WRONG_ANSWER_SHARE * 100}% of the answers it gives to held-back questions wrong`, () => {
    expect(figures.wrongAnswerShare, shown()).to.be.at.most(MAX_WRONG_ANSWER_SHARE);
  });
});
