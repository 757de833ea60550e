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
}

export const DEFAULT_FIT: FitOptions = { l2: 0.01 };

/** Newton steps stop once no weight moves by more than this. */
const NEWTON_TOLERANCE = 1e-9;
const NEWTON_STEPS = 100;

/** Solves a·x = b for a symmetric positive-definite a (Gaussian elimination with partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const d = m[col][col] || 1e-12;
    for (let r = col + 1; r < n; r++) {
      const f = m[r][col] / d;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r][n];
    for (let c = r + 1; c < n; c++) sum -= m[r][c] * x[c];
    x[r] = sum / (m[r][r] || 1e-12);
  }
  return x;
}

/**
 * Minimises a convex, twice-differentiable loss by Newton's method with step halving, from zeros,
 * so the same data always gives the same model (and in tens of steps where gradient descent takes thousands).
 */
function newton(size: number, lossGradientHessian: (theta: number[]) => { loss: number; gradient: number[]; hessian: number[][] }): number[] {
  let theta = new Array<number>(size).fill(0);
  let current = lossGradientHessian(theta);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const direction = solve(current.hessian, current.gradient);
    let scale = 1;
    let next = theta.map((t, i) => t - direction[i]);
    let evaluated = lossGradientHessian(next);
    while (!(evaluated.loss <= current.loss + 1e-12) && scale > 1e-6) {
      scale /= 2;
      next = theta.map((t, i) => t - scale * direction[i]);
      evaluated = lossGradientHessian(next);
    }
    const moved = Math.max(...next.map((t, i) => Math.abs(t - theta[i])));
    theta = next;
    current = evaluated;
    if (moved < NEWTON_TOLERANCE) break;
  }
  return theta;
}

const zeroMatrix = (n: number) => Array.from({ length: n }, () => new Array<number>(n).fill(0));

/**
 * Fits the ranker, a conditional logit: each candidate scores w·x, "none" scores b + v·z, and the
 * probabilities are their softmax; it maximises the (L2-penalised) likelihood of the right choice.
 * Each choice is a vector over all the weights (a candidate's features, or the question's features
 * and 1 for "none"), so the gradient is Σ(p − y)·v and the Hessian Σ p·v·vᵀ − μ·μᵀ per question.
 */
export function fitRanker(examples: readonly RankExample[], options: FitOptions = DEFAULT_FIT): AnswerModel['ranker'] {
  const nq = examples[0]?.query.length ?? 0;
  const width = examples.find((e) => e.candidates.length > 0)?.candidates[0].length ?? 0;
  const size = width + nq + 1;
  const n = Math.max(1, examples.length);
  // Each question's choices as full-width vectors: its candidates, then "none".
  const choices = examples.map((e) => [
    ...e.candidates.map((x) => [...x, ...new Array<number>(nq + 1).fill(0)]),
    [...new Array<number>(width).fill(0), ...e.query, 1],
  ]);
  const theta = newton(size, (t) => {
    let loss = 0;
    const gradient = new Array<number>(size).fill(0);
    const hessian = zeroMatrix(size);
    examples.forEach((e, k) => {
      const vs = choices[k];
      const scores = vs.map((v) => v.reduce((sum, vi, i) => sum + vi * t[i], 0));
      const top = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - top));
      const total = exps.reduce((a, b) => a + b, 0);
      const right = e.label < 0 ? vs.length - 1 : e.label;
      loss -= scores[right] - top - Math.log(total);
      const mean = new Array<number>(size).fill(0);
      vs.forEach((v, c) => {
        const p = exps[c] / total;
        for (let i = 0; i < size; i++) {
          if (v[i] === 0) continue;
          mean[i] += p * v[i];
          for (let j = 0; j < size; j++) hessian[i][j] += p * v[i] * v[j];
        }
      });
      for (let i = 0; i < size; i++) {
        gradient[i] += mean[i] - vs[right][i];
        for (let j = 0; j < size; j++) hessian[i][j] -= mean[i] * mean[j];
      }
    });
    return penalise(loss, gradient, hessian, t, n, options.l2, size - 1);
  });
  return { candidate: theta.slice(0, width), none: theta.slice(width, size - 1), noneBias: theta[size - 1] };
}

/** Averages a summed loss over the examples and adds the L2 penalty on the first `penalised` weights (not the bias). */
function penalise(loss: number, gradient: number[], hessian: number[][], t: number[], n: number, l2: number, penalised: number) {
  let penalty = 0;
  for (let i = 0; i < penalised; i++) penalty += t[i] * t[i];
  return {
    loss: loss / n + (l2 / 2) * penalty,
    gradient: gradient.map((g, i) => g / n + (i < penalised ? l2 * t[i] : 0)),
    hessian: hessian.map((row, i) => row.map((h, j) => h / n + (i === j && i < penalised ? l2 : 0) + (i === j ? 1e-9 : 0))),
  };
}

/** Fits a logistic regression (L2-penalised maximum likelihood). */
export function fitLogistic(examples: readonly BinaryExample[], options: FitOptions = DEFAULT_FIT): AnswerModel['decision'] {
  const width = examples[0]?.x.length ?? 0;
  const size = width + 1;
  const n = Math.max(1, examples.length);
  const theta = newton(size, (t) => {
    let loss = 0;
    const gradient = new Array<number>(size).fill(0);
    const hessian = zeroMatrix(size);
    for (const ex of examples) {
      const v = [...ex.x, 1];
      const z = v.reduce((sum, vi, i) => sum + vi * t[i], 0);
      const p = 1 / (1 + Math.exp(-z));
      // log(1 + e^z) − y·z, computed without overflow.
      loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - ex.y * z;
      const w = p * (1 - p);
      for (let i = 0; i < size; i++) {
        gradient[i] += (p - ex.y) * v[i];
        for (let j = 0; j < size; j++) hessian[i][j] += w * v[i] * v[j];
      }
    }
    return penalise(loss, gradient, hessian, t, n, options.l2, width);
  });
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
export function chooseL2<T>(examples: readonly T[], foldOfExample: (e: T) => number, folds: number, fit: (train: T[], l2: number) => (e: T) => number): number {
  let best = L2_GRID[0];
  let bestLoss = Infinity;
  for (const l2 of L2_GRID) {
    let loss = 0;
    for (let fold = 0; fold < folds; fold++) {
      const likelihood = fit(
        examples.filter((e) => foldOfExample(e) !== fold),
        l2,
      );
      for (const e of examples) if (foldOfExample(e) === fold) loss -= Math.log(Math.max(1e-12, likelihood(e)));
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = l2;
    }
  }
  return best;
}
