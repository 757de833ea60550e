import { expect } from 'chai';
import { buildKnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import { EvaluationReport, evaluate, GLOSSARY_QUESTIONS_FILE, loadEvaluationQuestions, TRAINING_QUESTIONS_FILE } from './evaluate';

/** The quality bars from the product brief: 90% right first, at most 5% of out-of-scope answered. */
const MIN_ACCURACY = 0.9;
const MAX_OUT_OF_SCOPE_ANSWERED = 0.05;

function meetsTheBars(name: string, report: () => EvaluationReport): void {
  it(`answers at least ${MIN_ACCURACY * 100}% of in-scope ${name} with the right entry`, () => {
    const { accuracy, misses } = report();
    const detail = misses.filter((m) => m.expected !== null).map((m) => `  ${m.q} → expected ${m.expected}, got ${m.got}`);
    expect(accuracy, `accuracy ${(accuracy * 100).toFixed(1)}%; misses:\n${detail.join('\n')}`).to.be.at.least(MIN_ACCURACY);
  });

  it(`answers no more than ${MAX_OUT_OF_SCOPE_ANSWERED * 100}% of out-of-scope ${name}`, () => {
    const { outOfScopeAnswered, misses } = report();
    const detail = misses.filter((m) => m.expected === null).map((m) => `  ${m.q} → ${m.got}`);
    expect(outOfScopeAnswered, detail.join('\n')).to.be.at.most(MAX_OUT_OF_SCOPE_ANSWERED);
  });
}

describe('evaluation set (staff questions, through the bot\u2019s answering path)', () => {
  const kb = buildKnowledgeBase();
  const questions = loadEvaluationQuestions();
  const glossaryQuestions = loadEvaluationQuestions([GLOSSARY_QUESTIONS_FILE]);
  const trainingQuestions = loadEvaluationQuestions([TRAINING_QUESTIONS_FILE]);
  let all: EvaluationReport;
  let glossary: EvaluationReport;
  let training: EvaluationReport;
  before(() => {
    all = evaluate(kb, questions);
    glossary = evaluate(kb, glossaryQuestions);
    training = evaluate(kb, trainingQuestions);
  });

  it('holds at least 150 questions, out-of-scope ones included', () => {
    expect(questions.length).to.be.at.least(150);
    expect(all.outOfScope).to.be.at.least(20);
  });

  it('holds at least 40 training questions, out-of-scope ones included', () => {
    expect(training.inScope).to.be.at.least(40);
    expect(training.outOfScope).to.be.at.least(5);
  });

  meetsTheBars('questions', () => all);
  meetsTheBars('glossary questions', () => glossary);
  meetsTheBars('training questions', () => training);
});
