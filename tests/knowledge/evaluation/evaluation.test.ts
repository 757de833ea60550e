import path from 'node:path';
import { expect } from 'chai';
import { buildKnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import {
  EvaluationFigures,
  EvaluationReport,
  evaluate,
  evaluateHeldBack,
  GLOSSARY_QUESTIONS_FILE,
  HELDBACK_SETS,
  HeldBackSplit,
  loadConceptIds,
  loadEvaluationQuestions,
  TRAINING_QUESTIONS_FILE,
  TUNING_FILES,
} from './evaluate';

/**
 * Issue #13 asks for top-1 ≥ 0.90 with at most 2% of answers wrong; the engine does not reach that yet
 * (measured 2026-11-30 with the model npm run train:qa writes, after the 300 independent questions of
 * tuning-dev-2026-11.jsonl joined the split: tuning answered right 0.735, right entry shown first
 * 0.877, wrong 3.4% of answers), so #13's 0.90 bar is NOT met and #13 stays open; these tests hold
 * the floor reached, less a small margin, to catch regressions, until it closes. The harder new
 * questions lowered the split's figures, so the shown-first and wrong floors were loosened with it.
 * With the decision's agreement, coverage and lead features (2026-12-01) the tuning split measured
 * answered right 0.749, shown first 0.878, out of scope answered 1.6%, wrong 3.3%: the top-1 floor rose with it.
 * On 2026-12-01 flagged knowledge questions began to be scored by the answer that follows the
 * safeguarding contacts (11 of the 30 flagged in-scope questions get one, all right): 0.746, 0.888, 3.4%.
 * With lunr and alternate-question agreement in the decision (2026-12-01): 0.769, 0.893, out of scope 1.1%, wrong 2.9%;
 * on the tuning questions not worded as an entry's own text (tuningUnseenWording): 0.656, 0.838, 1.1%, 5.1%.
 * With the naive Bayes classifier among the ranker's and the decision's features (2026-12-01): 0.789, 0.908,
 * 1.6%, 3.4%; unseen wording 0.687, 0.862, 1.6%, 5.8%: the top-1 floor rose with it.
 * With nine entries for everyday words (workforce planning, children's services, referral, NRPF, MAPPA and
 * others) and the model retrained (2026-12-01, evening): 0.787, 0.908, 1.6%, 3.3%; unseen wording 0.683,
 * 0.861, 1.6%, 5.6%. The floors stay.
 */
const MIN_TOP1 = 0.75;
/** The right entry as the answer or as the first "did you mean" (one click away). */
const MIN_FIRST_SHOWN = 0.86;
const MAX_OUT_OF_SCOPE_ANSWERED = 0.03;
/**
 * Issue #13's bar is 2%; the tuning split is at 3.4% (3.0% before the new questions): many wrong answers come through the
 * training-course path (a typo read as a course, a course question given the glossary entry on its
 * subject), the rest name a broader or narrower entry than the label, or an entry for a question
 * labelled out of scope.
 */
const MAX_WRONG_ANSWER_SHARE = 0.04;
/**
 * The held-back split is the second set (heldback-2026-11.jsonl), first measured on 2026-11-30 when it
 * was wired in, before anything was chosen on it: answered right 0.669, shown first 0.823, out of
 * scope answered 2.1%, wrong 2.9% of answers. That is below issue #13's bars (0.90, 2%) and below the
 * retired first set's figures. Measured again after the ten-question entries, seven gap entries and
 * the retrained model (2026-11-30, 23:10): 0.689, 0.846, 2.1%, 2.2%. These floors are that measurement
 * less a small margin, a guard against regressions and not the bar, which stays unmet.
 */
const MIN_HELDBACK_TOP1 = 0.67;
const MIN_HELDBACK_FIRST_SHOWN = 0.83;
const MAX_HELDBACK_WRONG_ANSWER_SHARE = 0.03;
/**
 * The third held-back set (heldback-2026-12.jsonl, h-heldback3, 2026-12-01), written by a writer who had
 * seen none of the other sets and wired in before any figure was taken on it. First measured on
 * 2026-12-01 (npm run qa:figures, once, with the shipped model): answered right 0.704, shown first 0.858,
 * out of scope answered 2.2% (1 of 46), wrong 2.3% of 173 answers. Below issue #13's bars (0.90, 2%), which
 * stay unmet; these floors are that measurement less about 0.04 (and plus about a point for wrong answers),
 * a guard against regressions and not the bar.
 */
const MIN_HELDBACK_2026_12_TOP1 = 0.66;
const MIN_HELDBACK_2026_12_FIRST_SHOWN = 0.82;
const MAX_HELDBACK_2026_12_WRONG_ANSWER_SHARE = 0.033;
/**
 * The fourth held-back set (heldback-2026-12b.jsonl, helper-67, 2026-12-01), written fresh because every
 * model since 2026-11-30 had been measured on the other two, and wired in before any figure was taken on it.
 * First measured on 2026-12-01 with the shipped model (7624a77): answered right 0.748, shown first 0.884,
 * out of scope answered 0% (0 of 50), wrong 0% of 187 answers. Below issue #13's top-1 bar (0.90), which
 * stays unmet; these floors are that measurement less about 0.04, and issue #13's 2% for wrong answers, a
 * guard against regressions and not the bar. After the nine everyday-word entries of that evening (chosen on
 * the tuning split and the product's needs, then gated once): 0.732, 0.876, 0 of 50, 1 wrong of 184 answers.
 */
const MIN_HELDBACK_2026_12B_TOP1 = 0.7;
const MIN_HELDBACK_2026_12B_FIRST_SHOWN = 0.84;
const MAX_HELDBACK_2026_12B_WRONG_ANSWER_SHARE = 0.02;
/** The held-back split must be big enough for its figures to mean something. */
const MIN_HELDBACK_QUESTIONS = 180;

function meetsTheBars(name: string, report: () => EvaluationReport): void {
  it(`answers at least ${MIN_TOP1 * 100}% of in-scope ${name} with the right entry`, () => {
    const { accuracy, misses } = report();
    const detail = misses.filter((m) => m.expected !== null).map((m) => `  ${m.q} → expected ${m.expected}, got ${m.got}`);
    expect(accuracy, `accuracy ${(accuracy * 100).toFixed(1)}%; misses:\n${detail.join('\n')}`).to.be.at.least(MIN_TOP1);
  });

  it(`shows the right entry first (answer or first suggestion) for at least ${MIN_FIRST_SHOWN * 100}% of in-scope ${name}`, () => {
    expect(report().firstShown).to.be.at.least(MIN_FIRST_SHOWN);
  });

  it(`answers no more than ${MAX_OUT_OF_SCOPE_ANSWERED * 100}% of out-of-scope ${name}`, () => {
    const { outOfScopeAnswered, misses } = report();
    const detail = misses.filter((m) => m.expected === null).map((m) => `  ${m.q} → ${m.got}`);
    expect(outOfScopeAnswered, detail.join('\n')).to.be.at.most(MAX_OUT_OF_SCOPE_ANSWERED);
  });

  it(`gets no more than ${MAX_WRONG_ANSWER_SHARE * 100}% of the answers it gives to ${name} wrong`, () => {
    const { wrongAnswerShare, misses } = report();
    const detail = misses
      .filter((m) => m.got.startsWith('answer') || m.got.startsWith('course'))
      .map((m) => `  ${m.q} → expected ${m.expected ?? 'nothing'}, got ${m.got}`);
    expect(wrongAnswerShare, detail.join('\n')).to.be.at.most(MAX_WRONG_ANSWER_SHARE);
  });
}

describe('evaluation of messages the safeguarding detector flags', function () {
  this.timeout(120000);
  const kb = buildKnowledgeBase();

  it('scores the answer that follows the contacts, and a flagged message with nothing after them as a miss', () => {
    const report = evaluate(kb, [
      { q: 'the basic skills and knowledge everyone who works with kids is meant to have', expect: 'common-core' },
      { q: 'keyworker for families with disabled kids - what do they do', expect: 'lead-professional' },
      { q: 'mum keeps leaving the twins home alone till gone midnight', expect: 'neglect' },
    ]);
    expect(report).to.include({ inScope: 3, answered: 2 });
    expect(report.accuracy).to.equal(1 / 3);
    expect(report.wrongAnswerShare, 'a wrong answer after the contacts is still wrong').to.equal(1 / 2);
    expect(report.misses.map((m) => m.got)).to.deep.equal(['answer key-worker (after the safeguarding contacts)', 'urgent']);
  });
});

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

/** The regression floors of one held-back split (never the bar, which is issue #13's). */
interface HeldBackFloors {
  minTop1: number;
  minFirstShown: number;
  maxWrongAnswerShare: number;
}

const HELDBACK_FLOORS: Record<HeldBackSplit, HeldBackFloors> = {
  heldBack: { minTop1: MIN_HELDBACK_TOP1, minFirstShown: MIN_HELDBACK_FIRST_SHOWN, maxWrongAnswerShare: MAX_HELDBACK_WRONG_ANSWER_SHARE },
  heldBack2026_12: {
    minTop1: MIN_HELDBACK_2026_12_TOP1,
    minFirstShown: MIN_HELDBACK_2026_12_FIRST_SHOWN,
    maxWrongAnswerShare: MAX_HELDBACK_2026_12_WRONG_ANSWER_SHARE,
  },
  heldBack2026_12b: {
    minTop1: MIN_HELDBACK_2026_12B_TOP1,
    minFirstShown: MIN_HELDBACK_2026_12B_FIRST_SHOWN,
    maxWrongAnswerShare: MAX_HELDBACK_2026_12B_WRONG_ANSWER_SHARE,
  },
};

/** A share as a percentage for a test's name, without floating-point noise (0.033 → "3.3%"). */
const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;

// A held-back split prints its figures only: never a question, a miss or an entry it was matched to.
function holdsTheHeldBackFloors(split: HeldBackSplit, floors: HeldBackFloors): void {
  const set = HELDBACK_SETS[split];
  describe(`evaluation, held-back split ${split} (figures only)`, function () {
    this.timeout(300000);
    let figures: EvaluationFigures;
    before(() => {
      figures = evaluateHeldBack(buildKnowledgeBase(), set);
    });
    const shown = () => JSON.stringify(figures);

    it(`holds at least ${MIN_HELDBACK_QUESTIONS} questions`, () => {
      expect(figures.inScope + figures.outOfScope, shown()).to.be.at.least(MIN_HELDBACK_QUESTIONS);
      expect(figures.outOfScope, shown()).to.be.at.least(1);
    });

    it(`answers at least ${percent(floors.minTop1)} of in-scope held-back questions with the right entry`, () => {
      expect(figures.accuracy, shown()).to.be.at.least(floors.minTop1);
    });

    it(`shows the right entry first (answer or first suggestion) for at least ${percent(floors.minFirstShown)} of in-scope held-back questions`, () => {
      expect(figures.firstShown, shown()).to.be.at.least(floors.minFirstShown);
    });

    it(`answers no more than ${MAX_OUT_OF_SCOPE_ANSWERED * 100}% of out-of-scope held-back questions`, () => {
      expect(figures.outOfScopeAnswered, shown()).to.be.at.most(MAX_OUT_OF_SCOPE_ANSWERED);
    });

    it(`gets no more than ${percent(floors.maxWrongAnswerShare)} of the answers it gives to held-back questions wrong`, () => {
      expect(figures.wrongAnswerShare, shown()).to.be.at.most(floors.maxWrongAnswerShare);
    });
  });
}

for (const split of Object.keys(HELDBACK_SETS) as HeldBackSplit[]) holdsTheHeldBackFloors(split, HELDBACK_FLOORS[split]);

describe('held-back sets', () => {
  for (const [split, file] of [
    ['heldBack2026_12', 'heldback-2026-12.jsonl'],
    ['heldBack2026_12b', 'heldback-2026-12b.jsonl'],
  ] as const) {
    it(`include ${file}, every concept in its own map, with at least ${MIN_HELDBACK_QUESTIONS} questions`, () => {
      const set = HELDBACK_SETS[split];
      expect(path.basename(set.questions)).to.equal(file);
      // Loading throws when a concept is missing from the set's map; only counts are looked at here.
      const questions = loadEvaluationQuestions([set.questions], loadConceptIds(set.conceptIds));
      expect(questions.length).to.be.at.least(MIN_HELDBACK_QUESTIONS);
      expect(questions.filter((q) => q.expect === null).length).to.be.at.least(1);
    });
  }
});
