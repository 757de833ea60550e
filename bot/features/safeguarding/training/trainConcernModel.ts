import { analyse, assessConcern } from '../concernAnalysis';
import { ConcernClassifier, ConcernModelFile, CrossValidationSummary } from '../concernModel';
import { concernWords } from '../concernText';
import { Lexicon } from '../lexicon';
import { Speller } from '../speller';
import { LabelledExample } from './labelledSet';
import { DEFAULT_TRAINING, trainLogisticRegression, TrainingOptions } from './logisticRegression';

/** What training needs besides the labelled set. */
export interface TrainingInputs {
  lexicon: Lexicon;
  /** Correctly spelt words from elsewhere (the knowledge base), which the speller must never change. */
  knownWords: Iterable<string>;
  /** Share of cross-validated concerns that must be flagged; the threshold is the highest that reaches it. */
  recallTarget: number;
  folds: number;
  options?: TrainingOptions;
  /** Seeds the fold split, so a run can be repeated exactly. */
  seed?: number;
}

/** Concerns count this much more than look-alikes in training: a miss costs more than a false alarm. */
const CONCERN_WEIGHT = 1;
/** The threshold never rises above this, however easy the training set looks. */
const MAX_THRESHOLD = 0.5;
/** Words seen at least this often in concerns become spelling targets. */
const MIN_TARGET_COUNT = 2;

/** The speller's word lists: lexicon words and common concern words are targets; the knowledge base's words are known. */
export function spellerWords(examples: readonly LabelledExample[], lexicon: Lexicon, knownWords: Iterable<string>): { known: string[]; targets: string[] } {
  const counts = new Map<string, number>();
  for (const e of examples) {
    if (e.label !== 'concern') continue;
    for (const w of new Set(concernWords(e.text))) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const fromData = [...counts]
    .filter(([w, c]) => c >= MIN_TARGET_COUNT && w.length >= 4 && !/\d/.test(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  const targets = [...new Set([...lexicon.words().filter((w) => w.length >= 4 && !/\d/.test(w)), ...fromData])];
  const known = [...new Set([...knownWords].filter((w) => /^[a-z]+$/.test(w) && w.length >= 2))].sort();
  return { known, targets };
}

/** Fits the classifier on a labelled set, with the threshold left for the caller to choose. */
export function fitModel(
  examples: readonly LabelledExample[],
  inputs: TrainingInputs,
  threshold: number,
  crossValidation: CrossValidationSummary,
): ConcernModelFile {
  const { known, targets } = spellerWords(examples, inputs.lexicon, inputs.knownWords);
  const speller = new Speller(known, targets);
  const rows = examples.map((e) => ({
    features: analyse(e.text, inputs.lexicon, speller).features,
    label: e.label === 'concern' ? (1 as const) : (0 as const),
    weight: e.label === 'concern' ? CONCERN_WEIGHT : 1,
  }));
  const { bias, weights } = trainLogisticRegression(rows, inputs.options ?? DEFAULT_TRAINING);
  return {
    version: 1,
    trainedAt: new Date().toISOString().slice(0, 10),
    threshold,
    bias,
    weights: Object.fromEntries(weights),
    known,
    targets,
    crossValidation,
  };
}

/** One held-out prediction: what the lexicon said and the classifier's probability. */
export interface OutOfFold {
  example: LabelledExample;
  byLexicon: boolean;
  probability: number;
}

/** A deterministic shuffle (mulberry32), so folds are the same on every run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * K-fold cross-validation, stratified by label and category: each fold is held out in turn, a
 * model (speller included) is fitted on the rest, and the held-out phrasings are assessed by a
 * detector built exactly as the bot builds it.
 */
export function crossValidate(examples: readonly LabelledExample[], inputs: TrainingInputs): OutOfFold[] {
  const groups = new Map<string, LabelledExample[]>();
  for (const e of examples) {
    const key = `${e.label}:${e.category}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const foldOf = new Map<LabelledExample, number>();
  let next = 0;
  for (const key of [...groups.keys()].sort()) for (const e of shuffled(groups.get(key)!, inputs.seed ?? 12)) foldOf.set(e, next++ % inputs.folds);
  const out: OutOfFold[] = [];
  const blank: CrossValidationSummary = { folds: 0, concerns: 0, lookalikes: 0, recall: 0, falseAlarmRate: 0, recallByCategory: {} };
  for (let fold = 0; fold < inputs.folds; fold++) {
    const model = fitModel(
      examples.filter((e) => foldOf.get(e) !== fold),
      inputs,
      1,
      blank,
    );
    const parts = {
      lexicon: inputs.lexicon,
      classifier: new ConcernClassifier(model.bias, model.weights),
      threshold: 1.1,
      corrector: new Speller(model.known, model.targets),
    };
    for (const example of examples.filter((e) => foldOf.get(e) === fold)) {
      const assessment = assessConcern(example.text, parts);
      out.push({ example, byLexicon: assessment.byLexicon, probability: assessment.probability });
    }
  }
  return out;
}

/** The highest threshold at which at least `recallTarget` of the held-out concerns are flagged (never above MAX_THRESHOLD). */
export function chooseThreshold(outOfFold: readonly OutOfFold[], recallTarget: number): number {
  const concerns = outOfFold.filter((o) => o.example.label === 'concern');
  const allowedMisses = Math.floor((1 - recallTarget) * concerns.length + 1e-9);
  const needClassifier = concerns
    .filter((o) => !o.byLexicon)
    .map((o) => o.probability)
    .sort((a, b) => a - b);
  if (needClassifier.length <= allowedMisses) return MAX_THRESHOLD;
  const lowestToFlag = needClassifier[allowedMisses];
  // Round down a little so the chosen concern sits inside the threshold, not on its edge.
  return Math.min(MAX_THRESHOLD, Math.floor(lowestToFlag * 1000) / 1000);
}

/** Recall and false-alarm rate of held-out predictions at a threshold, overall and per category. */
export function summarise(outOfFold: readonly OutOfFold[], threshold: number, folds: number): CrossValidationSummary {
  const flagged = (o: OutOfFold) => o.byLexicon || o.probability >= threshold;
  const concerns = outOfFold.filter((o) => o.example.label === 'concern');
  const lookalikes = outOfFold.filter((o) => o.example.label === 'lookalike');
  const recallByCategory: Record<string, number> = {};
  for (const category of [...new Set(concerns.map((o) => o.example.category))].sort()) {
    const inCategory = concerns.filter((o) => o.example.category === category);
    recallByCategory[category] = round(inCategory.filter(flagged).length / inCategory.length);
  }
  return {
    folds,
    concerns: concerns.length,
    lookalikes: lookalikes.length,
    recall: round(concerns.filter(flagged).length / concerns.length),
    falseAlarmRate: round(lookalikes.filter(flagged).length / lookalikes.length),
    recallByCategory,
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Cross-validates, chooses the threshold for recall, and fits the final model on the whole set. */
export function trainConcernModel(examples: readonly LabelledExample[], inputs: TrainingInputs): { model: ConcernModelFile; outOfFold: OutOfFold[] } {
  const outOfFold = crossValidate(examples, inputs);
  const threshold = chooseThreshold(outOfFold, inputs.recallTarget);
  const model = fitModel(examples, inputs, threshold, summarise(outOfFold, threshold, inputs.folds));
  return { model, outOfFold };
}
