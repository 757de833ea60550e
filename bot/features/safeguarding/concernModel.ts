import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../../../knowledge/projectRoot';

/** Where `npm run train:safeguarding` writes the model and the bot reads it at start-up. */
export const DEFAULT_MODEL_PATH = path.join(projectRoot(), 'bot', 'features', 'safeguarding', 'trainedConcernModel.json');

/** How the model did in cross-validation on the training set, kept with it so the figures travel together. */
export interface CrossValidationSummary {
  folds: number;
  concerns: number;
  lookalikes: number;
  /** Share of concerns flagged (lexicon or classifier) when each fold was held out. */
  recall: number;
  /** Share of look-alikes flagged. */
  falseAlarmRate: number;
  /** Recall per concern category. */
  recallByCategory: Record<string, number>;
}

const modelSchema = z.object({
  version: z.literal(1),
  trainedAt: z.string(),
  /** Probability at or above which the classifier raises the flag, chosen for recall by cross-validation. */
  threshold: z.number().min(0).max(1),
  bias: z.number(),
  // Checked as a whole, not entry by entry: the file holds tens of thousands and start-up must stay quick.
  weights: z.custom<Record<string, number>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((w) => typeof w === 'number'),
  ),
  /** Correctly spelt words the speller never changes. */
  known: z.custom<string[]>((v) => Array.isArray(v) && v.every((w) => typeof w === 'string')),
  /** Words a misspelling may be corrected to, best first. */
  targets: z.custom<string[]>((v) => Array.isArray(v) && v.every((w) => typeof w === 'string')),
  crossValidation: z.custom<CrossValidationSummary>((v) => typeof v === 'object' && v !== null),
});

/** The trained concern classifier as stored in its JSON file. */
export type ConcernModelFile = z.infer<typeof modelSchema>;

/** Reads and checks the model file; a missing or malformed file stops start-up with a message saying how to rebuild it. */
export function readConcernModel(file: string = DEFAULT_MODEL_PATH): ConcernModelFile {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`The safeguarding model ${file} could not be read (${(err as Error).message}); run npm run train:safeguarding to rebuild it.`, {
      cause: err,
    });
  }
  const parsed = modelSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `The safeguarding model ${file} is not valid (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}); run npm run train:safeguarding to rebuild it.`,
    );
  return parsed.data;
}

/** Logistic regression over sparse binary features: the probability that a message reports a concern. */
export class ConcernClassifier {
  /** Every feature name has a "kind:" prefix, so no name can collide with an object's own properties. */
  constructor(
    private readonly bias: number,
    private readonly weights: Readonly<Record<string, number>>,
  ) {}

  probability(features: readonly string[]): number {
    let z = this.bias;
    for (const f of features) z += this.weights[f] ?? 0;
    return 1 / (1 + Math.exp(-z));
  }
}
