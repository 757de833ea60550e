/** How the safeguarding detector reads text: cleaned words, lexicon matches and classifier features, and the sentences of long messages. */
import { CardRoute, ConcernCategory, LexiconCategory } from '../../../knowledge/safeguarding/lexiconFile';
import { concernFeatures } from './concernFeatures';
import { ConcernClassifier } from './concernModel';
import { matchesAt, parsePhrase } from '../../../knowledge/safeguarding/phrasePattern';
import { concernWords, plainWords, WordCorrector } from './concernText';
import { Lexicon, LexiconMatch } from './lexicon';

/**
 * Frames that present harm as a topic, an exercise or a hypothetical ("signs that a child might have
 * been abused", "a scenario for training"): there the lexicon's signal phrases do not raise the flag
 * on their own, and the classifier decides.
 */
const NOT_A_REPORT = [
  'scenario',
  'case (study|example|studies)',
  'role play',
  'training (notes|slide|slides|exercise)',
  'for (a|the|my) (quiz|course|essay|assignment|presentation|dissertation)',
  'quiz',
  'essay',
  'assignment',
  'made up',
  'hypothetical*',
  'signs (that|of)',
  'indicators',
  '(might|may|could) have been',
  'what happens if',
  'is it (abuse|neglect|illegal|a safeguarding|safeguarding)',
  'can a (teacher|staff|member of staff|volunteer|coach|parent|carer|foster carer)',
  'what (age|age can)',
  'a case where',
  'we discussed',
  'if a (child|pupil|young person|student|kid) (tells|says|discloses|told|said|is) (you|them|me|us|something|missing)',
  'what should (a|the|i|we|you|staff) ... do if',
  'when should (i|you|we|staff)',
  'if (i|im|i am|you|youre|you are|we|staff) (am|are|is)? (ever )?(worried|concerned)',
  'in general',
].map((p) => parsePhrase(p, plainWords));

/** True when the words hold one of the NOT_A_REPORT frames. */
function framedAsTopic(words: string[]): boolean {
  for (let at = 0; at < words.length; at++) if (NOT_A_REPORT.some((nodes) => matchesAt(nodes, words, at))) return true;
  return false;
}

/** Sentences longer than this many words are read in overlapping windows of this size. */
const WINDOW_WORDS = 40;

/** The cleaning, lexicon and features of one piece of text, shared by detection and training. */
export function analyse(text: string, lexicon: Lexicon, corrector?: WordCorrector): { words: string[]; match: LexiconMatch; features: string[] } {
  const words = concernWords(text, corrector);
  const match = lexicon.match(words);
  return { words, match, features: concernFeatures(words, match) };
}

/** The message's sentences (and windows of long ones), each read on its own as well as the whole. */
export function pieces(text: string): string[] {
  const sentences = text
    .split(/[.!?\n;:]+|\s[-\u2013\u2014]\s/)
    .map((s) => s.trim())
    .filter((s) => /[a-z0-9]/i.test(s));
  if (sentences.length <= 1 && text.split(/\s+/).length <= WINDOW_WORDS) return [];
  const out: string[] = [];
  for (const sentence of sentences) {
    const words = sentence.split(/\s+/);
    if (words.length <= WINDOW_WORDS) out.push(sentence);
    else for (let s = 0; s < words.length; s += (WINDOW_WORDS * 3) / 4) out.push(words.slice(s, s + WINDOW_WORDS).join(' '));
  }
  return out;
}

/** What the detector made of a message. */
export interface ConcernAssessment {
  /** True when the message reports or suggests a worry about a child's safety. */
  concern: boolean;
  /** A child may be in danger right now: the card leads with 999. */
  immediate: boolean;
  /** The kinds of concern named, most likely first; `general-worry` alone when no harm is named. */
  categories: ConcernCategory[];
  /** What the card adds for these categories (LADO, the FGM duty, urgent health routes). */
  routes: CardRoute[];
  /** A worry with no particular harm named ("I'm worried about one of my families"). */
  vague: boolean;
  /** The lexicon's signal or danger-now phrases matched (the flag is raised whatever the classifier says). */
  byLexicon: boolean;
  /** The classifier's highest probability over the message and its sentences. */
  probability: number;
}

/** Scores categories: a matched signal phrase counts three times a matched term. */
function rankCategories(order: readonly LexiconCategory[], match: LexiconMatch): ConcernCategory[] {
  const score = (id: ConcernCategory) => 3 * (match.signals.get(id) ?? 0) + (match.terms.get(id) ?? 0) + (match.immediate.has(id) ? 3 : 0);
  return order
    .map((c) => c.id)
    .filter((id) => id !== 'general-worry' && score(id) > 0)
    .sort((a, b) => score(b) - score(a));
}

/** The parts of a detector: the lexicon, the classifier with its threshold, and the speller. */
export interface DetectorParts {
  lexicon: Lexicon;
  classifier: ConcernClassifier;
  threshold: number;
  corrector: WordCorrector;
}

/** Only this much of a message is read: more than any chat message staff type (Teams caps messages near 28 KB). */
const MAX_CHARS = 30000;

/** Assesses one message: the lexicon on the whole, the classifier on the whole and then on each sentence until one flags. */
export function assessConcern(message: string, parts: DetectorParts): ConcernAssessment {
  const { lexicon, classifier, threshold, corrector } = parts;
  const text = message.slice(0, MAX_CHARS);
  const whole = analyse(text, lexicon, corrector);
  let probability = classifier.probability(whole.features);
  for (const piece of pieces(text)) {
    if (probability >= threshold) break;
    probability = Math.max(probability, classifier.probability(analyse(piece, lexicon, corrector).features));
  }
  const { match } = whole;
  const byLexicon = match.immediate.size > 0 || (match.signals.size > 0 && !framedAsTopic(whole.words));
  const concern = byLexicon || probability >= threshold;
  const named = rankCategories(lexicon.categories, match);
  const categories: ConcernCategory[] = named.length > 0 ? named : ['general-worry'];
  const routes = new Set<CardRoute>();
  for (const c of named) for (const r of lexicon.routesOf(c)) routes.add(r);
  return {
    concern,
    byLexicon,
    immediate: concern && match.immediate.size > 0,
    categories,
    routes: concern ? [...routes] : [],
    vague: concern && named.length === 0,
    probability,
  };
}
