import crypto from 'node:crypto';
import { segmentsToGeneralise } from './segmentGeneralisation';
import type { AnswerValue } from './answerValue';
import { segmentKey, TallyCount, tallyCountsOf } from './waveTally';

/** One answer as it waits for release (sealed in the pending pool): the person's segments as they stood, their answers and comment. */
export interface WaitingAnswer {
  sector?: string;
  locality?: string;
  answers: Record<string, AnswerValue>;
  /** Already scrubbed of personal details. */
  comment?: string;
}

/** A batch ready to store: response rows in shuffled order, and the counts they add to the tallies. */
export interface ReleasedBatch {
  rows: { id: string; answers: string; comment: string | null }[];
  counts: TallyCount[];
}

/** Folds the rare values of one segment (sector or locality) in this batch into "not stated". */
function generaliseDimension(batch: WaitingAnswer[], field: 'sector' | 'locality', threshold: number): WaitingAnswer[] {
  const counts = new Map<string, number>();
  for (const answer of batch) counts.set(segmentKey(answer[field]), (counts.get(segmentKey(answer[field])) ?? 0) + 1);
  const folded = segmentsToGeneralise(
    [...counts].map(([key, responses]) => ({ key, responses })),
    threshold,
  );
  return batch.map((answer) => (folded.has(segmentKey(answer[field])) ? { ...answer, [field]: undefined } : answer));
}

/** Fisher–Yates with a cryptographic source, so the stored order says nothing about arrival. */
export function shuffled<T>(items: readonly T[], randomInt: (max: number) => number = (max) => crypto.randomInt(max)): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Turns a batch of waiting answers (at least the threshold of them) into what is stored: rare
 * sector and locality values folded into "not stated" within the batch (so every segment grows by
 * none or by at least the threshold at each release), the rows shuffled with random ids and no
 * segment, date or order, and the tally increments summed over the whole batch.
 */
export function releaseBatch(waiting: readonly WaitingAnswer[], threshold: number): ReleasedBatch {
  const generalised = shuffled(generaliseDimension(generaliseDimension([...waiting], 'sector', threshold), 'locality', threshold));
  const totals = new Map<string, TallyCount>();
  for (const answer of generalised) {
    for (const count of tallyCountsOf(answer)) {
      const key = [count.dimension, count.segment, count.questionId, count.answer].join('\u0000');
      const total = totals.get(key);
      if (total) total.responses += 1;
      else totals.set(key, { ...count });
    }
  }
  const order = (c: TallyCount) => `${c.dimension}\u0000${c.segment}\u0000${c.questionId}\u0000${c.answer}`;
  const counts = [...totals.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const rows = generalised.map((answer) => ({ id: crypto.randomUUID(), answers: JSON.stringify(answer.answers), comment: answer.comment ?? null }));
  return { rows, counts };
}
