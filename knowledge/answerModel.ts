import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './projectRoot';

/**
 * What the search measures about each candidate entry for a question (all 0–1):
 * - lexical: the hand-weighted share of the question the entry accounts for (names, fields, title);
 * - nameShare: the share (by rarity) of question terms found in the entry's title, acronyms or aliases;
 * - acronymShare: the share that is one of the entry's own acronyms (each acronym belongs to one entry);
 * - phraseShare: the share covered by one of the entry's names found whole in the question;
 * - textShare: the share found in its tags, summary or body;
 * - questionShare: the share found in its alternate questions;
 * - questionSim: how close the question is to the nearest of its alternate questions (cosine);
 * - focus: the share of the entry's title (by rarity) the question uses;
 * - lunrRel: lunr's score relative to the best candidate's;
 * - authority: the lift (or cut) for a council the question names or implies;
 * - profileWords, profileChars: how close the question is to the entry's profile (all its names,
 *   questions and summary) by words and by spelling (cosines);
 * - profileRel: its profile closeness relative to the closest entry's;
 * - bayes: a naive Bayes classifier's chance for it, learned from every entry's names, questions and
 *   summary by their words, as a log scaled to 0–1 (it learns which words tell entries apart, where the
 *   profiles only measure overlap).
 */
export const CANDIDATE_FEATURES = [
  'lexical',
  'nameShare',
  'acronymShare',
  'phraseShare',
  'textShare',
  'questionShare',
  'questionSim',
  'focus',
  'lunrRel',
  'authority',
  'profileWords',
  'profileChars',
  'profileRel',
  'bayes',
] as const;
export type CandidateFeature = (typeof CANDIDATE_FEATURES)[number];
export type CandidateFeatures = Record<CandidateFeature, number>;

/**
 * What the search measures about the question itself:
 * - unknownShare: the share (by rarity) of its terms the knowledge base has never seen;
 * - termCount: how many meaningful terms it has, as log(1 + n);
 * - outOfDomain: the share of its words that mark workplace business or small talk (pay, parking, weather);
 * - rejoinedShare: the share of its terms that came from splitting or joining words.
 */
export const QUERY_FEATURES = ['unknownShare', 'termCount', 'outOfDomain', 'rejoinedShare'] as const;
export type QueryFeature = (typeof QUERY_FEATURES)[number];
export type QueryFeatures = Record<QueryFeature, number>;

/**
 * What the answer decision reads about the best candidate after ranking:
 * - probability: the ranker's probability that it is the entry asked about, as log-odds;
 * - margin: how many times likelier it is than the runner-up, as a log;
 * - none: the ranker's probability that no entry is meant, as log-odds;
 * - clearLead: the smaller of probability and margin, high only when the best candidate is both
 *   likely and well ahead of the runner-up (a linear decision cannot ask for both at once);
 * - lexical, phraseShare, acronymShare, questionSim: as for candidates;
 * - lexicalMargin: its lexical score less the best lexical score among the other candidates;
 * - unknownShare, outOfDomain: as for the question;
 * - profileWords, profileChars: as for candidates;
 * - profileMargin: its profile closeness (words and spelling together) less the best among the other candidates;
 * - lexicalAgrees, profileAgrees: 1 when it is also the best candidate by lexical score, or by profile closeness,
 *   since rankers that agree are right more often than either alone;
 * - lunrAgrees, questionSimAgrees: likewise for lunr's own score (0 when lunr found nothing) and for closeness
 *   to the entries' alternate questions, two more views of the question that the model weighs together;
 * - nameShare, focus, questionShare, textShare: as for candidates (how much of the question its names,
 *   title, alternate questions and text account for);
 * - termCount, rejoinedShare: as for the question;
 * - topThree: the ranker's probability that one of its first three candidates is meant, as log-odds;
 * - questionSimMargin, nameShareMargin, focusMargin: its questionSim, nameShare and focus less the best among the other candidates;
 * - bayes: as for candidates; bayesAgrees: 1 when it is also the naive Bayes classifier's likeliest candidate.
 */
export const DECISION_FEATURES = [
  'probability',
  'margin',
  'none',
  'clearLead',
  'lexical',
  'lexicalMargin',
  'phraseShare',
  'acronymShare',
  'questionSim',
  'unknownShare',
  'outOfDomain',
  'profileWords',
  'profileChars',
  'profileMargin',
  'lexicalAgrees',
  'profileAgrees',
  'nameShare',
  'focus',
  'questionShare',
  'textShare',
  'termCount',
  'rejoinedShare',
  'topThree',
  'questionSimMargin',
  'nameShareMargin',
  'focusMargin',
  'lunrAgrees',
  'questionSimAgrees',
  'bayes',
  'bayesAgrees',
] as const;
export type DecisionFeature = (typeof DECISION_FEATURES)[number];
export type DecisionFeatures = Record<DecisionFeature, number>;

const weights = (n: number) => z.array(z.number().finite()).length(n);

/** The trained model as `npm run train:qa` writes it. */
export const answerModelSchema = z.object({
  candidateFeatures: z.array(z.string()),
  queryFeatures: z.array(z.string()),
  decisionFeatures: z.array(z.string()),
  /** A conditional logit over the candidates plus a "none of them" option. */
  ranker: z.object({ candidate: weights(CANDIDATE_FEATURES.length), none: weights(QUERY_FEATURES.length), noneBias: z.number().finite() }),
  /** A logistic regression giving the chance the best candidate is right. */
  decision: z.object({ weights: weights(DECISION_FEATURES.length), bias: z.number().finite() }),
  /** Answer when the decision's chance reaches `answer`; offer choices when the ranker's top three together reach `suggest`. */
  thresholds: z.object({ answer: z.number().min(0).max(1), suggest: z.number().min(0).max(1) }),
  /** Where the model came from (question counts, cross-validated figures), for people reading the file. */
  training: z.record(z.string(), z.unknown()),
});
export type AnswerModel = z.infer<typeof answerModelSchema>;

/** Where the trained model lives. */
export const DEFAULT_ANSWER_MODEL_FILE = path.join(projectRoot(), 'knowledge', 'answer-model.json');

/** Reads and checks a trained model; throws a message naming the file when it is missing, malformed or for other features. */
export function loadAnswerModel(file: string = DEFAULT_ANSWER_MODEL_FILE): AnswerModel {
  const parsed = answerModelSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file} is not a valid answer model: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const model = parsed.data;
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(model.candidateFeatures, CANDIDATE_FEATURES) || !same(model.queryFeatures, QUERY_FEATURES) || !same(model.decisionFeatures, DECISION_FEATURES)) {
    throw new Error(`${file} was trained on other features than the search computes; retrain it with npm run train:qa`);
  }
  return model;
}

/** Log-odds are cut at ±10 (chances within about 1 in 20,000 of certain read as certain). */
const LOG_LIMIT = 10;
const LOG_FLOOR = Math.exp(-LOG_LIMIT);
const clampLog = (t: number) => Math.max(-LOG_LIMIT, Math.min(LOG_LIMIT, t));
/** A chance as log-odds, which keep apart the near-certain cases a plain chance squeezes together. */
const logOdds = (p: number) => clampLog(Math.log(Math.max(LOG_FLOOR, p) / Math.max(LOG_FLOOR, 1 - p)));

const dot = (w: readonly number[], x: readonly number[]) => w.reduce((sum, wi, i) => sum + wi * x[i], 0);
const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

/** A candidate's features in the model's order. */
export const candidateVector = (f: CandidateFeatures): number[] => CANDIDATE_FEATURES.map((k) => f[k]);
export const queryVector = (f: QueryFeatures): number[] => QUERY_FEATURES.map((k) => f[k]);
export const decisionVector = (f: DecisionFeatures): number[] => DECISION_FEATURES.map((k) => f[k]);

/**
 * The ranker's probabilities: one per candidate (in the order given) and one for "none of them",
 * summing to 1 (a softmax over the candidates' scores and the question's "none" score).
 */
export function rankProbabilities(
  ranker: AnswerModel['ranker'],
  candidates: readonly number[][],
  query: readonly number[],
): { probabilities: number[]; none: number } {
  const scores = candidates.map((x) => dot(ranker.candidate, x));
  const noneScore = ranker.noneBias + dot(ranker.none, query);
  const top = Math.max(noneScore, ...scores);
  const exps = scores.map((s) => Math.exp(s - top));
  const noneExp = Math.exp(noneScore - top);
  const total = noneExp + exps.reduce((a, b) => a + b, 0);
  return { probabilities: exps.map((e) => e / total), none: noneExp / total };
}

/** The decision's chance that the best candidate is the entry asked about. */
export function answerProbability(decision: AnswerModel['decision'], features: readonly number[]): number {
  return sigmoid(decision.bias + dot(decision.weights, features));
}

/** What the model makes of one question's candidates. */
export interface ModelVerdict {
  decision: 'answer' | 'suggest' | 'unknown';
  /** Candidate positions, most likely first. */
  order: number[];
  /** The ranker's probability for each candidate, in the order given. */
  probabilities: number[];
  /** The decision's chance that the most likely candidate is right. */
  chance: number;
  /** Candidate positions to offer as "did you mean", when the decision is `suggest`. */
  suggestions: number[];
}

/** Suggestions are at most this many. */
export const MAX_SUGGESTIONS = 3;
/** A suggestion after the first is offered only when the ranker gives it at least this share of the first's probability. */
const SUGGESTION_SHARE = 0.1;

/** The ranker's view of one question: candidates most likely first, their probabilities, and what the decision reads. */
export interface Ranking {
  order: number[];
  probabilities: number[];
  features: DecisionFeatures;
}

/** A candidate's profile closeness, words and spelling together. */
const profileOf = (f: CandidateFeatures) => (f.profileWords + f.profileChars) / 2;

/** Ranks a question's (non-empty) candidates and gathers what the decision reads about the most likely one. */
export function rankCandidates(ranker: AnswerModel['ranker'], candidates: readonly { features: CandidateFeatures }[], query: QueryFeatures): Ranking {
  const { probabilities, none } = rankProbabilities(
    ranker,
    candidates.map((c) => candidateVector(c.features)),
    queryVector(query),
  );
  const order = probabilities.map((_, i) => i).sort((a, b) => probabilities[b] - probabilities[a] || a - b);
  const [top, second] = order;
  const best = candidates[top].features;
  const others = candidates.filter((_, i) => i !== top).map((c) => c.features);
  /** The best value among the other candidates (0 when there are none), for the margins. */
  const bestOther = (value: (f: CandidateFeatures) => number) => Math.max(0, ...others.map(value));
  const probability = logOdds(probabilities[top]);
  const margin = clampLog(Math.log(probabilities[top] / Math.max(LOG_FLOOR, second === undefined ? 0 : probabilities[second])));
  const lexicalMargin = best.lexical - bestOther((f) => f.lexical);
  const profileMargin = profileOf(best) - bestOther(profileOf);
  const questionSimMargin = best.questionSim - bestOther((f) => f.questionSim);
  const features: DecisionFeatures = {
    probability,
    margin,
    none: logOdds(none),
    clearLead: Math.min(probability, margin),
    lexical: best.lexical,
    lexicalMargin,
    phraseShare: best.phraseShare,
    acronymShare: best.acronymShare,
    questionSim: best.questionSim,
    unknownShare: query.unknownShare,
    outOfDomain: query.outOfDomain,
    profileWords: best.profileWords,
    profileChars: best.profileChars,
    profileMargin,
    lexicalAgrees: lexicalMargin >= 0 ? 1 : 0,
    profileAgrees: profileMargin >= 0 ? 1 : 0,
    nameShare: best.nameShare,
    focus: best.focus,
    questionShare: best.questionShare,
    textShare: best.textShare,
    termCount: query.termCount,
    rejoinedShare: query.rejoinedShare,
    topThree: logOdds(order.slice(0, MAX_SUGGESTIONS).reduce((sum, i) => sum + probabilities[i], 0)),
    questionSimMargin,
    nameShareMargin: best.nameShare - bestOther((f) => f.nameShare),
    focusMargin: best.focus - bestOther((f) => f.focus),
    lunrAgrees: best.lunrRel > 0 && best.lunrRel >= bestOther((f) => f.lunrRel) ? 1 : 0,
    questionSimAgrees: questionSimMargin >= 0 ? 1 : 0,
    bayes: best.bayes,
    bayesAgrees: best.bayes > 0 && best.bayes >= bestOther((f) => f.bayes) ? 1 : 0,
  };
  return { order, probabilities, features };
}

/**
 * Answer with the most likely candidate when the decision's chance reaches the answer threshold;
 * otherwise offer the likeliest few when together they reach the suggestion threshold; otherwise
 * say there is no answer.
 */
export function decideOn(thresholds: AnswerModel['thresholds'], ranking: Ranking, chance: number): Pick<ModelVerdict, 'decision' | 'suggestions'> {
  const { order, probabilities } = ranking;
  if (chance >= thresholds.answer) return { decision: 'answer', suggestions: [] };
  const firstFew = order.slice(0, MAX_SUGGESTIONS);
  if (firstFew.reduce((sum, i) => sum + probabilities[i], 0) >= thresholds.suggest) {
    return { decision: 'suggest', suggestions: firstFew.filter((i) => probabilities[i] >= SUGGESTION_SHARE * probabilities[order[0]]) };
  }
  return { decision: 'unknown', suggestions: [] };
}

/** Ranks a question's candidates and decides what to do with them (candidates tied on probability keep the order given). */
export function decide(model: AnswerModel, candidates: readonly { features: CandidateFeatures }[], query: QueryFeatures): ModelVerdict {
  if (candidates.length === 0) return { decision: 'unknown', order: [], probabilities: [], chance: 0, suggestions: [] };
  const ranking = rankCandidates(model.ranker, candidates, query);
  const chance = answerProbability(model.decision, decisionVector(ranking.features));
  return { ...decideOn(model.thresholds, ranking, chance), order: ranking.order, probabilities: ranking.probabilities, chance };
}
