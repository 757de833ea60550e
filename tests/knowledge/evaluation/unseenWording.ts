import path from 'node:path';
import { buildKnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import { TUNING_DEV_FILE } from './evaluate';
import { isAcceptable, Prediction, trainAnswerModel, tuningInput } from './trainAnswerModel';

export interface RankingFigures {
  questions: number;
  rankedFirst: number;
  topThree: number;
}

/** How often the right entry is ranked first, and among the first three, over some cross-validated predictions. */
export function rankingFigures(predictions: readonly Prediction[]): RankingFigures {
  const r = (n: number) => Math.round((n / Math.max(1, predictions.length)) * 1000) / 1000;
  const first = predictions.filter((p) => p.ranking && isAcceptable(p.example, p.ranking.order[0])).length;
  const three = predictions.filter((p) => p.ranking?.order.slice(0, 3).some((i) => isAcceptable(p.example, i))).length;
  return { questions: predictions.length, rankedFirst: r(first), topThree: r(three) };
}

/**
 * `npx ts-node --transpile-only tests/knowledge/evaluation/unseenWording.ts`: cross-validated ranking
 * (as `npm run train:qa` measures it) on the in-scope tuning questions that are not word for word an
 * entry's own text, overall and for tuning-dev-2026-11 alone, then each miss. Tuning split only.
 */
function main(): void {
  const input = tuningInput(buildKnowledgeBase());
  const devQuestions = new Set(tuningInput(input.kb, [TUNING_DEV_FILE]).questions.map((q) => q.q));
  const { model, predictions } = trainAnswerModel(input);
  const unseen = predictions.filter((p) => p.example.inScope && !p.example.entryWording);
  const dev = unseen.filter((p) => devQuestions.has(p.example.question.q));
  if (process.env.LIST_MISSES) {
    for (const p of unseen) {
      const ids = p.example.explanation.candidates.map((c) => c.entry.id);
      const order = p.ranking?.order ?? [];
      if (order.length && isAcceptable(p.example, order[0])) continue;
      const rank = order.findIndex((i) => isAcceptable(p.example, i));
      console.log(
        [
          devQuestions.has(p.example.question.q) ? 'dev' : '-',
          p.example.question.q,
          p.example.question.expect,
          rank < 0 ? 'absent' : `rank ${rank + 1}`,
          order
            .slice(0, 3)
            .map((i) => ids[i])
            .join(','),
        ].join('\t'),
      );
    }
  }
  const inScope = predictions.filter((p) => p.example.inScope);
  console.log(
    JSON.stringify({
      file: path.basename(__filename),
      entryWordingInScope: inScope.length - unseen.length,
      unseenWording: rankingFigures(unseen),
      tuningDevUnseenWording: rankingFigures(dev),
      crossValidated: model.training.crossValidated,
    }),
  );
}

if (require.main === module) main();
