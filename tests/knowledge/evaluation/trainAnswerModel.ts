import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  AnswerModel,
  answerProbability,
  CANDIDATE_FEATURES,
  candidateVector,
  DECISION_FEATURES,
  decideOn,
  decisionVector,
  DEFAULT_ANSWER_MODEL_FILE,
  QUERY_FEATURES,
  queryVector,
  rankCandidates,
  Ranking,
  rankProbabilities,
} from '../../../knowledge/answerModel';
import { Council } from '../../../knowledge/entry';
import { EntryProfiles } from '../../../knowledge/entryProfiles';
import { buildIndex } from '../../../knowledge/indexBuilder';
import { acronymWords } from '../../../knowledge/normalise';
import { buildKnowledgeBase, KnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import { Explanation, KnowledgeSearch } from '../../../knowledge/knowledgeSearch';
import { entryWordingOf } from './entryWording';
import { EvaluationQuestion, isHeldBackFile, loadEvaluationQuestions, TUNING_FILES } from './evaluate';
import { BinaryExample, chooseL2, DEFAULT_FIT, fitLogistic, fitRanker, FitOptions, foldOf, RankExample } from './modelFitting';

/**
 * What each outcome costs when the thresholds are chosen, read off the issue's own bars: at most
 * 1% of questions answered wrongly against at most 10% not answered right first, so a confident
 * wrong answer costs as much as ten questions not answered. A "did you mean" holding the right
 * entry is still not the right entry first, but the person finds it with one click; one without it
 * is as bad as "I don't know". For an out-of-scope question, "I don't know" is right and a "did
 * you mean" a small annoyance.
 */
const COST = { wrongAnswer: 10, refusal: 1, rightSuggestion: 0.8, wrongSuggestion: 1, outOfScopeSuggestion: 0.3 };
const FOLDS = 5;

/** A glossary question as the trainer sees it. */
export interface Example {
  question: EvaluationQuestion;
  explanation: Explanation;
  /** Position of the expected entry among the candidates; -1 when out of scope, missing or not found. */
  label: number;
  inScope: boolean;
  fold: number;
  /** `tuning`: a staff question from the tuning split; `entry`: one of an entry's own `questions:`, asked with it held out of the index. */
  source: 'tuning' | 'entry';
  /** True for a tuning question worded, word for word, as its entry's own text, so it finds itself in the index. */
  entryWording: boolean;
}

/** A model with no weights, so the search can measure candidates before any model exists. */
export function blankModel(): AnswerModel {
  return {
    candidateFeatures: [...CANDIDATE_FEATURES],
    queryFeatures: [...QUERY_FEATURES],
    decisionFeatures: [...DECISION_FEATURES],
    ranker: { candidate: CANDIDATE_FEATURES.map(() => 0), none: QUERY_FEATURES.map(() => 0), noneBias: 0 },
    decision: { weights: DECISION_FEATURES.map(() => 0), bias: 0 },
    thresholds: { answer: 1, suggest: 1 },
    training: {},
  };
}

/** Questions the knowledge search answers (course questions belong to the training catalogue). */
const isGlossaryQuestion = (q: EvaluationQuestion) => q.expect === null || !(q.expect === 'courses' || q.expect.startsWith('course:'));

/**
 * A question's cross-validation fold, grouped by what it asks about (its expected entry), so no
 * concept has paraphrases on both sides of a split and the figures say how the model does on
 * concepts it was not tuned for; an out-of-scope question is a group of its own.
 */
export const conceptFold = (question: EvaluationQuestion): number => foldOf(question.expect ?? question.q, FOLDS);

export function examplesOf(kb: KnowledgeBase, questions: EvaluationQuestion[]): Example[] {
  const searches = new Map<string, KnowledgeSearch>();
  const searchFor = (authority?: Council) => {
    const key = authority ?? '';
    if (!searches.has(key)) searches.set(key, new KnowledgeSearch(kb, { authority, model: blankModel() }));
    return searches.get(key)!;
  };
  const isEntryWording = entryWordingOf(kb.entries);
  return questions.filter(isGlossaryQuestion).map((question) => {
    const explanation = searchFor(question.authority).explain(question.q);
    const main = explanation.candidates.findIndex((c) => c.entry.id === question.expect);
    const label = main >= 0 ? main : explanation.candidates.findIndex((c) => (question.also ?? []).includes(c.entry.id));
    return {
      question,
      explanation,
      label,
      inScope: question.expect !== null,
      fold: conceptFold(question),
      source: 'tuning' as const,
      entryWording: isEntryWording(question),
    };
  });
}

/**
 * Every entry's own `questions:` as training examples, each asked of a knowledge base built without
 * it (the entries' questions are split into folds and each fold is left out of its own index,
 * alternate questions and profiles), so the model learns how a question in new words finds its
 * entry rather than how a question finds itself.
 */
export function entryQuestionExamples(kb: KnowledgeBase): Example[] {
  const out: Example[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const entries = kb.entries.map((e) => ({ ...e, questions: e.questions.filter((q) => foldOf(q, FOLDS) !== fold) }));
    const search = new KnowledgeSearch({ entries, index: buildIndex(entries), contentHash: kb.contentHash }, { model: blankModel() });
    for (const entry of kb.entries) {
      for (const q of entry.questions.filter((text) => foldOf(text, FOLDS) === fold)) {
        const explanation = search.explain(q);
        const label = explanation.candidates.findIndex((c) => c.entry.id === entry.id);
        // Held out of the index by its own text, but cross-validated with its entry's group, as the staff questions are.
        const question = { q, expect: entry.id };
        out.push({ question, explanation, label, inScope: true, fold: conceptFold(question), source: 'entry', entryWording: false });
      }
    }
  }
  return out;
}

/**
 * Whether a candidate answers the example as the evaluation counts it: its expected entry, or one of
 * the entries that answer its concept equally well (`also`), so training and scoring agree.
 */
export function isAcceptable(example: Example, candidate: number): boolean {
  if (!example.inScope || candidate < 0) return false;
  const id = example.explanation.candidates[candidate]?.entry.id;
  return id !== undefined && (candidate === example.label || id === example.question.expect || (example.question.also ?? []).includes(id));
}

export const rankExample = (e: Example): RankExample => ({
  candidates: e.explanation.candidates.map((c) => candidateVector(c.features)),
  query: queryVector(e.explanation.query),
  label: e.label,
});

export interface Prediction {
  example: Example;
  ranking?: Ranking;
  chance: number;
}

/** The cost of what the model would do with one question at some thresholds. */
export function costOf(p: Prediction, thresholds: AnswerModel['thresholds']): number {
  const { example } = p;
  if (!p.ranking) return example.inScope ? COST.refusal : 0;
  const { decision, suggestions } = decideOn(thresholds, p.ranking, p.chance);
  const right = (i: number) => isAcceptable(example, i);
  if (decision === 'answer') return right(p.ranking.order[0]) ? 0 : COST.wrongAnswer;
  if (decision === 'suggest') return !example.inScope ? COST.outOfScopeSuggestion : suggestions.some(right) ? COST.rightSuggestion : COST.wrongSuggestion;
  return example.inScope ? COST.refusal : 0;
}

/** The answer thresholds the trainer tries, most cautious first: 0.99 down to 0.50. */
export const ANSWER_THRESHOLDS: readonly number[] = Array.from({ length: 50 }, (_, i) => (99 - i) / 100);

/**
 * The thresholds with the lowest total cost over cross-validated predictions of the tuning split
 * (ties: the more cautious). The costs carry the issue's own trade-off, so the operating point
 * answers a question outright only where that is worth ten times the risk of a wrong answer.
 * (Holding the cross-validated wrong share to 1.5% instead was tried: the few tuning questions whose
 * label names a broader or narrower entry than the one answered sit at the very top of the
 * model's confidence, so that rule answered under a third of the questions.)
 */
export function chooseThresholds(predictions: Prediction[]): AnswerModel['thresholds'] {
  let best = { answer: 1, suggest: 1 };
  let bestCost = Infinity;
  for (const answer of ANSWER_THRESHOLDS) {
    for (let s = 100; s >= 0; s -= 2) {
      const thresholds = { answer, suggest: s / 100 };
      const cost = predictions.reduce((sum, p) => sum + costOf(p, thresholds), 0);
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best = thresholds;
      }
    }
  }
  return best;
}

/** What the decision does with some predictions at some thresholds, counted: the numbers behind `figures`. */
export interface DecisionCounts {
  inScope: number;
  outOfScope: number;
  /** In-scope questions answered with the right entry. */
  right: number;
  /** In-scope questions whose right entry is shown first (an answer or the first suggestion). */
  firstShown: number;
  /** In-scope questions whose right entry is ranked first, whatever the decision. */
  rankedFirst: number;
  answered: number;
  wrong: number;
  outOfScopeAnswered: number;
}

/** Counts what the decision would do with each prediction at these thresholds. */
export function decisionCounts(predictions: readonly Prediction[], thresholds: AnswerModel['thresholds']): DecisionCounts {
  const counts: DecisionCounts = { inScope: 0, outOfScope: 0, right: 0, firstShown: 0, rankedFirst: 0, answered: 0, wrong: 0, outOfScopeAnswered: 0 };
  for (const p of predictions) {
    const { example } = p;
    const verdict = p.ranking ? decideOn(thresholds, p.ranking, p.chance) : { decision: 'unknown' as const, suggestions: [] };
    const top = p.ranking?.order[0];
    const isRight = top !== undefined && isAcceptable(example, top);
    if (example.inScope) counts.inScope++;
    else counts.outOfScope++;
    if (verdict.decision === 'answer') {
      counts.answered++;
      if (isRight) counts.right++;
      else counts.wrong++;
      if (!example.inScope) counts.outOfScopeAnswered++;
    }
    if (example.inScope && isRight && verdict.decision !== 'unknown') counts.firstShown++;
    if (example.inScope && isRight) counts.rankedFirst++;
  }
  return counts;
}

/** Top-1, right entry shown first, right entry ranked first (whatever the decision), wrong answers and out-of-scope answers over predictions at some thresholds (the cross-validated figures). */
export function figures(predictions: readonly Prediction[], thresholds: AnswerModel['thresholds']) {
  const { inScope, outOfScope, right, firstShown, rankedFirst, answered, wrong, outOfScopeAnswered } = decisionCounts(predictions, thresholds);
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return {
    inScope,
    outOfScope,
    top1: r(right / Math.max(1, inScope)),
    firstShown: r(firstShown / Math.max(1, inScope)),
    rankedFirst: r(rankedFirst / Math.max(1, inScope)),
    outOfScopeAnswered: r(outOfScopeAnswered / Math.max(1, outOfScope)),
    wrongAnswerShare: r(wrong / Math.max(1, answered)),
  };
}

/** Ranker predictions for each example from a ranker not trained on its fold. */
export function outOfFoldRankings(examples: Example[], fit: FitOptions): Map<Example, Ranking | undefined> {
  const out = new Map<Example, Ranking | undefined>();
  for (let fold = 0; fold < FOLDS; fold++) {
    const ranker = fitRanker(examples.filter((e) => e.fold !== fold).map(rankExample), fit);
    for (const e of examples.filter((x) => x.fold === fold)) {
      out.set(e, e.explanation.candidates.length ? rankCandidates(ranker, e.explanation.candidates, e.explanation.query) : undefined);
    }
  }
  return out;
}

export /** How likely a ranker makes each example's right choice (the entry, or none). */
const rankLikelihood = (ranker: AnswerModel['ranker']) => (e: Example) => {
  const { probabilities, none } = rankProbabilities(
    ranker,
    e.explanation.candidates.map((c) => candidateVector(c.features)),
    queryVector(e.explanation.query),
  );
  return e.label < 0 ? none : probabilities[e.label];
};

const decisionExample = (e: Example, ranking: Ranking): BinaryExample => ({
  x: decisionVector(ranking.features),
  y: isAcceptable(e, ranking.order[0]) ? 1 : 0,
});

/**
 * L2 penalties tried for the decision; it has few, strongly correlated inputs and a few hundred
 * examples. Stronger penalties were tried: they squeeze every chance into a few hundredths, so the
 * answer threshold (in steps of 0.01) becomes a knife edge that a small content change tips over.
 */
const DECISION_L2_GRID = [1, 0.3, 0.1, 0.03, 0.01, 0.001];

/**
 * The decision's L2 penalty, its cross-validated predictions for the tuning questions (each from a
 * decision model not trained on its fold) and the thresholds they give: the penalty whose
 * predictions cost least at their best thresholds (ties: the stronger penalty). The cost, not the
 * likelihood, decides, because the decision only matters where it crosses a threshold.
 */
export function chooseDecisionPenalty(
  tuning: Example[],
  stacked: { example: Example; ranking: Ranking }[],
  rankings: Map<Example, Ranking | undefined>,
): { l2: number; predictions: Prediction[]; thresholds: AnswerModel['thresholds'] } {
  let best: { l2: number; predictions: Prediction[]; thresholds: AnswerModel['thresholds']; cost: number } | undefined;
  for (const l2 of DECISION_L2_GRID) {
    const predictions: Prediction[] = tuning.map((example) => ({ example, ranking: rankings.get(example), chance: 0 }));
    for (let fold = 0; fold < FOLDS; fold++) {
      const decision = fitLogistic(
        stacked.filter((s) => s.example.fold !== fold).map((s) => decisionExample(s.example, s.ranking)),
        { ...DEFAULT_FIT, l2 },
      );
      for (const p of predictions) if (p.example.fold === fold && p.ranking) p.chance = answerProbability(decision, decisionVector(p.ranking.features));
    }
    const thresholds = chooseThresholds(predictions);
    const cost = predictions.reduce((sum, p) => sum + costOf(p, thresholds), 0);
    if (!best || cost < best.cost - 1e-9) best = { l2, predictions, thresholds, cost };
  }
  return best!;
}

/** What the trainer reads: the content and the tuning questions (never the held-back file). */
export interface TrainingInput {
  kb: KnowledgeBase;
  questions: EvaluationQuestion[];
  /** The question files' names, recorded in the model for people reading it. */
  files: string[];
  /** Learn the ranker from the tuning questions alone (for comparison). */
  noEntryQuestions?: boolean;
}

/**
 * Learns the answer model from the tuning split. The ranker is a conditional logit over each
 * question's candidates plus "none", learned from the tuning questions and from every entry's own
 * `questions:` (each held out of its own index); the decision is a logistic regression on the
 * ranker's view of the best candidate, trained on cross-validated rankings of the tuning questions;
 * its penalty and the thresholds minimise the costs over cross-validated predictions. Everything is
 * fitted from zeros with folds fixed by each question's text, so the same input gives the same model.
 */
export function trainAnswerModel(input: TrainingInput): { model: AnswerModel; predictions: Prediction[] } {
  const kb = withProfiles(input.kb);
  const tuning = examplesOf(kb, input.questions);
  const examples = [...tuning, ...(input.noEntryQuestions ? [] : entryQuestionExamples(kb))];

  const rankerFit = {
    ...DEFAULT_FIT,
    l2: chooseL2(
      examples,
      (e) => e.fold,
      FOLDS,
      (train, l2) => rankLikelihood(fitRanker(train.map(rankExample), { ...DEFAULT_FIT, l2 })),
    ),
  };
  const rankings = outOfFoldRankings(examples, rankerFit);
  // The decision learns from the staff questions only: it must tell right from wrong, and out of scope, as staff ask.
  const stacked = tuning.flatMap((e) => {
    const ranking = rankings.get(e);
    return ranking ? [{ example: e, ranking }] : [];
  });
  const { l2, predictions, thresholds } = chooseDecisionPenalty(tuning, stacked, rankings);
  const decisionFit = { ...DEFAULT_FIT, l2 };
  const model: AnswerModel = {
    candidateFeatures: [...CANDIDATE_FEATURES],
    queryFeatures: [...QUERY_FEATURES],
    decisionFeatures: [...DECISION_FEATURES],
    ranker: roundAll(fitRanker(examples.map(rankExample), rankerFit)),
    decision: roundAll(
      fitLogistic(
        stacked.map((s) => decisionExample(s.example, s.ranking)),
        decisionFit,
      ),
    ),
    thresholds,
    training: {
      files: input.files,
      inputs: trainingInputsHash(kb, input.questions),
      questions: tuning.length,
      inScope: tuning.filter((e) => e.inScope).length,
      outOfScope: tuning.filter((e) => !e.inScope).length,
      expectedAmongCandidates: tuning.filter((e) => e.label >= 0).length,
      entryQuestions: examples.length - tuning.length,
      entryQuestionsAmongCandidates: examples.filter((e) => e.source === 'entry' && e.label >= 0).length,
      entries: kb.entries.length,
      fit: { ranker: rankerFit, decision: decisionFit },
      cost: COST,
      crossValidated: {
        ...figures(predictions, thresholds),
        unseenWording: figures(
          predictions.filter((p) => !p.example.entryWording),
          thresholds,
        ),
      },
    },
  };
  return { model, predictions };
}

/** The model file's text, exactly as `npm run train:qa` writes it (so a retrained model can be compared byte for byte). */
export const answerModelText = (model: AnswerModel): string => `${JSON.stringify(model, null, 2)}\n`;

/**
 * A fingerprint of what the model was trained on (the content's hash and the tuning questions with
 * their labels), so a test can tell cheaply that the shipped model is stale without retraining it.
 */
export function trainingInputsHash(kb: KnowledgeBase, questions: readonly EvaluationQuestion[]): string {
  return crypto.createHash('sha256').update(kb.contentHash).update('\0').update(JSON.stringify(questions)).digest('hex').slice(0, 16);
}

/** The knowledge base with its entries' profiles built once, so each search the trainer makes does not rebuild them. */
function withProfiles(kb: KnowledgeBase): KnowledgeBase {
  if (kb.profiles?.contentHash === kb.contentHash) return kb;
  return { ...kb, profiles: new EntryProfiles(kb.entries, acronymWords(kb.entries)).save(kb.contentHash) };
}

/** The tuning question files that exist (the retired first held-back set among them; refusing every held-back file, isHeldBackFile, before reading it), and their questions. */
export function tuningInput(kb: KnowledgeBase = buildKnowledgeBase(), candidates: readonly string[] = TUNING_FILES): TrainingInput {
  const refused = candidates.filter(isHeldBackFile);
  if (refused.length) throw new Error(`the held-back file must never be used for training: ${refused.map((f) => path.basename(f)).join(', ')}`);
  const files = [...new Set(candidates)].filter((f) => fs.existsSync(f));
  return { kb, questions: loadEvaluationQuestions(files), files: files.map((f) => path.basename(f)) };
}

/**
 * `npm run train:qa`: learns the answer model from the tuning split (never the held-back file) and
 * writes knowledge/answer-model.json. Set TRAIN_NO_ENTRY=1 to learn from the tuning questions alone
 * (for comparison), TRAIN_VERBOSE=1 to print each tuning question's cross-validated chance.
 */
function main(): void {
  const input = { ...tuningInput(), noEntryQuestions: Boolean(process.env.TRAIN_NO_ENTRY) };
  const { model, predictions } = trainAnswerModel(input);
  if (process.env.TRAIN_VERBOSE) {
    for (const p of predictions) {
      const top = p.ranking?.order[0];
      const right = top !== undefined && isAcceptable(p.example, top);
      console.log(
        `${p.chance.toFixed(3)}\t${right ? 'RIGHT' : p.example.inScope ? 'wrong' : 'OOS'}\t${p.ranking?.features.probability.toFixed(3)}\t${p.example.question.q}\t${top !== undefined ? p.example.explanation.candidates[top].entry.id : '-'}\t${p.example.question.expect ?? '-'}`,
      );
    }
  }
  if (process.env.TRAIN_DRY) return void console.log(`Not written (TRAIN_DRY). Cross-validated: ${JSON.stringify(model.training.crossValidated)}`);
  fs.writeFileSync(DEFAULT_ANSWER_MODEL_FILE, answerModelText(model));
  const t = model.training;
  console.log(
    `Trained on ${String(t.questions)} tuning questions (${String(t.inScope)} in scope; ${String(t.expectedAmongCandidates)} had the right entry among the candidates) and ${String(t.entryQuestions)} entry questions, each held out of its own entry.`,
  );
  console.log(
    `Thresholds: answer ${model.thresholds.answer}, suggest ${model.thresholds.suggest}. Cross-validated on the tuning split: ${JSON.stringify(t.crossValidated)}`,
  );
  console.log(`Wrote ${path.relative(process.cwd(), DEFAULT_ANSWER_MODEL_FILE)}`);
}

function roundAll<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v))) as T;
}

if (require.main === module) main();
