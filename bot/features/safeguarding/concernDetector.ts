/**
 * Recognises messages that report or suggest a worry about a child's safety, however they are
 * phrased, so the bot gives the safeguarding contacts instead of treating them as a glossary
 * search. Two stages, either of which raises the flag: the safeguarding lead's lexicon
 * (`knowledge/safeguarding/`), whose signal phrases report a concern on their own, and a classifier
 * trained in the project (`npm run train:safeguarding`) at an operating point chosen for recall.
 * It leans towards caution: a false alarm costs a card with phone numbers, a miss could cost far more.
 */
import { assessConcern, ConcernAssessment, DetectorParts } from './concernAnalysis';
import { loadShippedLexicon } from './compiledLexicon';
import { ConcernClassifier, ConcernModelFile, readConcernModel } from './concernModel';
import { Lexicon } from './lexicon';
import { Speller } from './speller';

export type { ConcernAssessment } from './concernAnalysis';

/** The lexicon and the trained classifier together; build one at start-up and share it. */
export class ConcernDetector {
  private readonly parts: DetectorParts;

  constructor(lexicon: Lexicon, model: ConcernModelFile) {
    this.parts = {
      lexicon,
      classifier: new ConcernClassifier(model.bias, model.weights),
      threshold: model.threshold,
      corrector: new Speller(model.known, model.targets),
    };
  }

  /** The shipped lexicon and model, read from disk. */
  static load(): ConcernDetector {
    return new ConcernDetector(loadShippedLexicon().lexicon, readConcernModel());
  }

  /** The probability at or above which the classifier raises the flag. */
  get threshold(): number {
    return this.parts.threshold;
  }

  assess(message: string): ConcernAssessment {
    return assessConcern(message, this.parts);
  }
}

/** The shipped detector, built once when this module is first loaded (at start-up) and never changed. */
const shippedDetector = ConcernDetector.load();

/** The detector the bot uses, for code that is not handed one. */
export function defaultConcernDetector(): ConcernDetector {
  return shippedDetector;
}

/** True when the message reports or suggests concern about a child's safety. */
export function isSafeguardingConcern(message: string): boolean {
  return shippedDetector.assess(message).concern;
}
