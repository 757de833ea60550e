import { expect } from 'chai';
import { loadAnswerModel } from '../../../knowledge/answerModel';
import { buildIndex } from '../../../knowledge/indexBuilder';
import { buildKnowledgeBase, KnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import { fixtureKnowledgeBase } from '../../helpers/fixtureKnowledge';
import { EvaluationQuestion, FIRST_HELDBACK_FILE, HELDBACK_SETS, TUNING_FILES } from './evaluate';
import path from 'node:path';
import { answerModelText, entryQuestionExamples, examplesOf, isAcceptable, trainAnswerModel, trainingInputsHash, tuningInput } from './trainAnswerModel';

/** The fixture corpus with alternate questions, each carrying a word found nowhere else. */
function withQuestions(): KnowledgeBase {
  const base = fixtureKnowledgeBase();
  const questions: Record<string, string[]> = {
    'alpha-plan': ['who keeps the zebrafinch paperwork for a family', 'the plan with the kingfisher review every six weeks'],
    'beta-coordinator': ['the person who pulls the wagtail meetings together', 'who chairs the heron review'],
  };
  const entries = base.entries.map((e) => ({ ...e, questions: questions[e.id] ?? [] }));
  return { entries, index: buildIndex(entries), contentHash: base.contentHash };
}

/** A small tuning set over the fixture corpus: each entry asked by its title and acronym, and a few questions it should decline. */
function fixtureQuestions(kb: KnowledgeBase): EvaluationQuestion[] {
  const asked = kb.entries.flatMap((e) => [
    { q: `what is ${e.title.toLowerCase()}`, expect: e.id },
    { q: `tell me about the ${e.title.replace(/\([^)]*\)/g, '').toLowerCase()}`, expect: e.id },
    ...e.acronyms.map((a) => ({ q: `${a.toLowerCase()} meaning`, expect: e.id })),
  ]);
  const declined = ['how do i book annual leave', 'where can i park', 'what is the weather tomorrow', 'my laptop will not start', 'when is payday'].map(
    (q) => ({ q, expect: null }),
  );
  return [...asked, ...declined];
}

describe('training examples from the entries\u2019 own questions', () => {
  const kb = withQuestions();
  const examples = entryQuestionExamples(kb);

  it('makes one example per alternate question, labelled with its own entry', () => {
    expect(examples.map((e) => `${e.question.expect}: ${e.question.q}`).sort()).to.deep.equal(
      kb.entries.flatMap((e) => e.questions.map((q) => `${e.id}: ${q}`)).sort(),
    );
    expect(examples.every((e) => e.source === 'entry' && e.inScope)).to.equal(true);
  });

  it('asks each question of an index that does not hold it (its one-off word is unknown there)', () => {
    const oneOff = ['zebrafinch', 'kingfisher', 'wagtail', 'heron'];
    for (const example of examples) {
      const own = example.explanation.terms.filter((t) => oneOff.some((w) => t.term.startsWith(w.slice(0, 5))));
      expect(own, example.question.q).to.have.length.greaterThan(0);
      expect(
        own.every((t) => !t.known),
        `${example.question.q} was found in its own index`,
      ).to.equal(true);
    }
  });
});

describe('cross-validation folds', () => {
  const kb = withQuestions();

  it('keeps every paraphrase of one concept in one fold, staff questions and the entry\u2019s own questions alike', () => {
    const staff = examplesOf(kb, [
      { q: 'who writes the alpha plan', expect: 'alpha-plan' },
      { q: 'alpha plan paperwork', expect: 'alpha-plan' },
      { q: 'the plan for a family with a review every few weeks', expect: 'alpha-plan' },
      { q: 'who pulls the meetings together', expect: 'beta-coordinator' },
      { q: 'coordinator of the beta meetings', expect: 'beta-coordinator' },
    ]);
    const own = entryQuestionExamples(kb);
    for (const id of ['alpha-plan', 'beta-coordinator']) {
      const folds = new Set([...staff, ...own].filter((e) => e.question.expect === id).map((e) => e.fold));
      expect([...folds], id).to.have.length(1);
    }
  });
});

describe('the questions training reads', () => {
  it('refuses a held-back set by name, without reading it, and takes the retired one', () => {
    const kb = buildKnowledgeBase();
    const current = path.join(path.dirname(FIRST_HELDBACK_FILE), 'heldback-2026-11.jsonl');
    expect(() => tuningInput(kb, [current])).to.throw(/held-back file must never be used for training: heldback-2026-11\.jsonl/);
    expect(tuningInput(kb, [FIRST_HELDBACK_FILE]).files).to.deep.equal(['tuning-first-heldback.jsonl']);
  });

  it('refuses every held-back set the evaluation reports, the third and fourth (heldback-2026-12.jsonl, heldback-2026-12b.jsonl) among them', () => {
    const kb = buildKnowledgeBase();
    const files = Object.values(HELDBACK_SETS).map((set) => set.questions);
    expect(files.map((f) => path.basename(f))).to.include.members(['heldback-2026-12.jsonl', 'heldback-2026-12b.jsonl']);
    for (const file of files)
      expect(() => tuningInput(kb, [...TUNING_FILES, file]), path.basename(file)).to.throw(
        new RegExp(`must never be used for training: ${path.basename(file).replace(/\./g, '\\.')}`),
      );
  });
});

describe('training the answer model', function () {
  this.timeout(120000);

  it('counts an entry that answers the concept equally well (also) as right, as the evaluation does', () => {
    const kb = fixtureKnowledgeBase();
    const [example] = examplesOf(kb, [{ q: 'alpha support plan', expect: 'missing:something', also: ['alpha-plan'] }]);
    const alpha = example.explanation.candidates.findIndex((c) => c.entry.id === 'alpha-plan');
    const other = example.explanation.candidates.findIndex((c) => c.entry.id !== 'alpha-plan');
    expect(alpha).to.be.at.least(0);
    expect(example.label).to.equal(alpha);
    expect(isAcceptable(example, alpha)).to.equal(true);
    if (other >= 0) expect(isAcceptable(example, other)).to.equal(false);
  });

  it('gives byte-identical model text for the same input, run after run', () => {
    const kb = withQuestions();
    const input = { kb, questions: fixtureQuestions(kb), files: ['fixture'] };
    const first = answerModelText(trainAnswerModel(input).model);
    const second = answerModelText(trainAnswerModel({ ...input, kb: withQuestions() }).model);
    expect(second).to.equal(first);
  });

  it('reports cross-validated figures for the questions not worded as an entry\u2019s own text, leaving a planted verbatim one out', () => {
    const kb = withQuestions();
    const planted = [
      { q: 'Who keeps the zebrafinch paperwork for a family?', expect: 'alpha-plan' },
      { q: 'family coordinator', expect: 'beta-coordinator' },
    ];
    const questions = [...fixtureQuestions(kb), ...planted];
    const { model } = trainAnswerModel({ kb, questions, files: ['fixture'] });
    const figures = model.training.crossValidated as { inScope: number; outOfScope: number; unseenWording: { inScope: number; outOfScope: number } };
    expect(figures.unseenWording).to.include({ inScope: figures.inScope - planted.length, outOfScope: figures.outOfScope });
  });

  it('records what it was trained on, so a stale model can be spotted', () => {
    const kb = withQuestions();
    const questions = fixtureQuestions(kb);
    const { model } = trainAnswerModel({ kb, questions, files: ['fixture'] });
    expect(model.training.inputs).to.equal(trainingInputsHash(kb, questions));
    expect(trainingInputsHash(kb, questions.slice(1))).to.not.equal(model.training.inputs);
  });

  // `npm run train:qa` retrains in about a minute; this checks its inputs in a second.
  it('ships a model trained on the current content and tuning questions (run npm run train:qa after changing either)', () => {
    const { kb, questions } = tuningInput(buildKnowledgeBase());
    expect(loadAnswerModel().training.inputs, 'knowledge/answer-model.json is stale: run npm run train:qa').to.equal(trainingInputsHash(kb, questions));
  });
});
