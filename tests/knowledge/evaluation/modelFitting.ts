import { AnswerModel } from '../../../knowledge/answerModel';

/** One question for the ranker: its candidates' feature vectors, its own, and which candidate is right (-1: none). */
export interface RankExample {
  candidates: number[][];
  query: number[];
  label: number;
}

/** One example for a yes/no model. */
export interface BinaryExample {
  x: number[];
  y: 0 | 1;
}

export interface FitOptions {
  /** L2 penalty on the weights (not the bias), per example. */
  l2: number;
  iterations: number;
  learningRate: number;
}

export const DEFAULT_FIT: FitOptions = { l2: 0.01, iterations: 3000, learningRate: 0.05 };

/** Adam steps on a parameter vector, from zeros, so the same data always gives the same model. */
function minimise(size: number, gradient: (theta: number[]) => number[], options: FitOptions): number[] {
  const theta = new Array<number>(size).fill(0);
  const m = new Array<number>(size).fill(0);
  const v = new Array<number>(size).fill(0);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  for (let step = 1; step <= options.iterations; step++) {
    const g = gradient(theta);
    for (let i = 0; i < size; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      const mHat = m[i] / (1 - b1 ** step);
      const vHat = v[i] / (1 - b2 ** step);
      theta[i] -= (options.learningRate * mHat) / (Math.sqrt(vHat) + eps);
    }
  }
  return theta;
}

/** One ranker example packed into flat arrays, so each gradient step reads memory in order. */
interface PackedRankExample {
  candidates: Float64Array;
  count: number;
  query: Float64Array;
  label: number;
}

/**
 * Fits the ranker, a conditional logit: each candidate scores w·x, "none" scores b + v·z, and the
 * probabilities are their softmax; it maximises the (L2-penalised) likelihood of the right choice.
 */
export function fitRanker(examples: readonly RankExample[], options: FitOptions = DEFAULT_FIT): AnswerModel['ranker'] {
  const nq = examples[0]?.query.length ?? 0;
  const width = examples.find((e) => e.candidates.length > 0)?.candidates[0].length ?? 0;
  const size = width + nq + 1;
  const packed: PackedRankExample[] = examples.map((e) => ({ candidates: Float64Array.from(e.candidates.flat()), count: e.candidates.length, query: Float64Array.from(e.query), label: e.label }));
  const n = Math.max(1, examples.length);
  const scores = new Float64Array(Math.max(1, ...examples.map((e) => e.candidates.length)));
  const theta = minimise(
    size,
    (t) => {
      const g = new Array<number>(size).fill(0);
      for (const ex of packed) {
        let noneScore = t[size - 1];
        for (let i = 0; i < nq; i++) noneScore += t[width + i] * ex.query[i];
        let top = noneScore;
        for (let c = 0; c < ex.count; c++) {
          let s = 0;
          for (let i = 0; i < width; i++) s += t[i] * ex.candidates[c * width + i];
          scores[c] = s;
          if (s > top) top = s;
        }
        const noneExp = Math.exp(noneScore - top);
        let total = noneExp;
        for (let c = 0; c < ex.count; c++) {
          scores[c] = Math.exp(scores[c] - top);
          total += scores[c];
        }
        for (let c = 0; c < ex.count; c++) {
          const p = scores[c] / total - (ex.label === c ? 1 : 0);
          for (let i = 0; i < width; i++) g[i] += p * ex.candidates[c * width + i];
        }
        const pNone = noneExp / total - (ex.label < 0 ? 1 : 0);
        for (let i = 0; i < nq; i++) g[width + i] += pNone * ex.query[i];
        g[size - 1] += pNone;
      }
      return g.map((gi, i) => gi / n + (i < size - 1 ? options.l2 * t[i] : 0));
    },
    options,
  );
  return { candidate: theta.slice(0, width), none: theta.slice(width, size - 1), noneBias: theta[size - 1] };
}

/** Fits a logistic regression (L2-penalised maximum likelihood). */
export function fitLogistic(examples: readonly BinaryExample[], options: FitOptions = DEFAULT_FIT): AnswerModel['decision'] {
  const width = examples[0]?.x.length ?? 0;
  const size = width + 1;
  const n = Math.max(1, examples.length);
  const theta = minimise(
    size,
    (t) => {
      const g = new Array<number>(size).fill(0);
      for (const ex of examples) {
        let z = t[width];
        for (let i = 0; i < width; i++) z += t[i] * ex.x[i];
        const err = 1 / (1 + Math.exp(-z)) - ex.y;
        for (let i = 0; i < width; i++) g[i] += err * ex.x[i];
        g[width] += err;
      }
      return g.map((gi, i) => gi / n + (i < width ? options.l2 * t[i] : 0));
    },
    options,
  );
  return { weights: theta.slice(0, width), bias: theta[width] };
}

/** A stable fold (0 … folds-1) for a question, from its text, so cross-validation splits the same way every run. */
export function foldOf(text: string, folds: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % folds;
}

/** L2 penalties tried when fitting; the one with the best cross-validated likelihood is kept. */
export const L2_GRID = [0.1, 0.01, 0.001, 0.0001];

/**
 * The L2 penalty whose models, each fitted without one fold, best predict that fold (lowest mean
 * negative log-likelihood), so the penalty is chosen on data the model did not see.
 */
export function chooseL2<T>(
  examples: readonly T[],
  foldOfExample: (e: T) => number,
  folds: number,
  fit: (train: T[], l2: number) => (e: T) => number,
): number {
  let best = L2_GRID[0];
  let bestLoss = Infinity;
  for (const l2 of L2_GRID) {
    let loss = 0;
    for (let fold = 0; fold < folds; fold++) {
      const likelihood = fit(examples.filter((e) => foldOfExample(e) !== fold), l2);
      for (const e of examples) if (foldOfExample(e) === fold) loss -= Math.log(Math.max(1e-12, likelihood(e)));
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = l2;
    }
  }
  return best;
}
