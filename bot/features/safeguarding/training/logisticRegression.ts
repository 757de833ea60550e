/** One training example: its features (each present once), its label and how much it counts. */
export interface TrainingExample {
  features: readonly string[];
  label: 0 | 1;
  weight?: number;
}

export interface TrainingOptions {
  /** L2 penalty on the weights (not the bias). */
  l2: number;
  /** Full passes over the data. */
  epochs: number;
  learningRate: number;
}

export const DEFAULT_TRAINING: TrainingOptions = { l2: 0.002, epochs: 300, learningRate: 0.05 };

/** Weights smaller than this are dropped from the model: they change no decision and bloat the file. */
const PRUNE_BELOW = 1e-3;

/**
 * Fits L2-regularised logistic regression with full-batch Adam: deterministic (no sampling), so
 * the same data always gives the same model, and quick at this size (about a second).
 */
export function trainLogisticRegression(
  examples: readonly TrainingExample[],
  options: TrainingOptions = DEFAULT_TRAINING,
): { bias: number; weights: Map<string, number> } {
  const index = new Map<string, number>();
  const rows = examples.map((e) =>
    Int32Array.from(e.features, (f) => {
      let i = index.get(f);
      if (i === undefined) index.set(f, (i = index.size));
      return i;
    }),
  );
  const n = index.size;
  const w = new Float64Array(n);
  const m = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const grad = new Float64Array(n);
  let bias = 0;
  const total = examples.reduce((s, e) => s + (e.weight ?? 1), 0);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  for (let t = 1; t <= options.epochs; t++) {
    grad.fill(0);
    let gBias = 0;
    rows.forEach((row, r) => {
      let z = bias;
      for (const i of row) z += w[i];
      const err = (1 / (1 + Math.exp(-z)) - examples[r].label) * ((examples[r].weight ?? 1) / total);
      gBias += err;
      for (const i of row) grad[i] += err;
    });
    for (let i = 0; i <= n; i++) {
      const g = i === n ? gBias : grad[i] + options.l2 * w[i];
      m[i] = b1 * m[i] + (1 - b1) * g;
      v[i] = b2 * v[i] + (1 - b2) * g * g;
      const step = (options.learningRate * (m[i] / (1 - b1 ** t))) / (Math.sqrt(v[i] / (1 - b2 ** t)) + eps);
      if (i === n) bias -= step;
      else w[i] -= step;
    }
  }
  const weights = new Map<string, number>();
  for (const [feature, i] of index) if (Math.abs(w[i]) >= PRUNE_BELOW) weights.set(feature, Math.round(w[i] * 1e4) / 1e4);
  return { bias: Math.round(bias * 1e5) / 1e5, weights };
}
