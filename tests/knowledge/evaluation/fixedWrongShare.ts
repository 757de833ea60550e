import { buildKnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import { ANSWER_THRESHOLDS, decisionCounts, Prediction, trainAnswerModel, tuningInput } from './trainAnswerModel';

/** Caps on the share of answers that may be wrong, around issue #13's 2%. */
export const WRONG_SHARE_CAPS = [0.015, 0.02, 0.025];

/** The best top-1 the decision reaches while at most `cap` of its answers are wrong, and the threshold that gives it. */
export interface FixedWrongShareFigures {
  cap: number;
  answer: number;
  top1: number;
  unseenWordingTop1: number;
  wrongAnswerShare: number;
}

const r = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Top-1 at each cap on the wrong share, over cross-validated predictions: for every cap, the answer
 * threshold answering most questions right with at most that share of its answers wrong (ties: the
 * higher threshold). Two models compared this way are compared at equal risk, whereas their
 * cost-chosen thresholds may trade wrong answers for right ones.
 */
export function topOneAtWrongShare(predictions: readonly Prediction[], suggest: number, caps: readonly number[] = WRONG_SHARE_CAPS): FixedWrongShareFigures[] {
  const unseen = predictions.filter((p) => !p.example.entryWording);
  const points = ANSWER_THRESHOLDS.map((answer) => ({
    answer,
    all: decisionCounts(predictions, { answer, suggest }),
    unseen: decisionCounts(unseen, { answer, suggest }),
  }));
  return caps.map((cap) => {
    const within = points.filter((p) => p.all.wrong <= cap * p.all.answered);
    const best = within.reduce<(typeof points)[number] | undefined>((a, p) => (!a || p.all.right > a.all.right ? p : a), undefined);
    // Even the highest threshold answers too many wrongly (a near-certain wrong answer): only answering nothing keeps within the cap.
    if (!best) return { cap, answer: 1, top1: 0, unseenWordingTop1: 0, wrongAnswerShare: 0 };
    const { all, unseen: fresh } = best;
    return {
      cap,
      answer: best.answer,
      top1: r(all.right / Math.max(1, all.inScope)),
      unseenWordingTop1: r(fresh.right / Math.max(1, fresh.inScope)),
      wrongAnswerShare: r(all.wrong / Math.max(1, all.answered)),
    };
  });
}

/**
 * `npx ts-node --transpile-only tests/knowledge/evaluation/fixedWrongShare.ts`: trains as `npm run
 * train:qa` does (without writing the model) and prints the cross-validated top-1 at 1.5%, 2% and
 * 2.5% wrong answers, for all tuning questions and for those not worded as an entry's own text.
 * Tuning split only.
 */
function main(): void {
  const { model, predictions } = trainAnswerModel(tuningInput(buildKnowledgeBase()));
  console.log(JSON.stringify({ chosen: model.thresholds, atWrongShare: topOneAtWrongShare(predictions, model.thresholds.suggest) }));
}

if (require.main === module) main();
