import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { InMemoryFeedbackLog } from '../../../bot/platform/store/feedbackLog';
import { AnswerReply, QuestionAnswerer } from '../../../bot/features/answers/questionAnswerer';
import { TrainingFinder } from '../../../bot/features/training/trainingFinder';
import { Council } from '../../../knowledge/entry';
import { KnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import { KnowledgeSearch, KnowledgeSearchOptions } from '../../../knowledge/knowledgeSearch';
import { TrainingCatalogue } from '../../../knowledge/training/catalogue';
import { loadCheckedCatalogue } from '../../../knowledge/training/checkedCatalogue';
import { entryWordingOf } from './entryWording';

/**
 * One evaluation question: what staff type, and what should come first (null: out of scope).
 * `expect` is an entry id, "course:<id>" for one course, "courses" for a list of courses that
 * must hold every id in `includes`, or "missing:<slug>" for a concept with no entry yet (a miss until an entry with the id <slug> is written).
 */
export interface EvaluationQuestion {
  q: string;
  expect: string | null;
  includes?: string[];
  /** Other entries that answer the question as well (a concept that names a set, such as "five outcomes", is answered by any of its parts). */
  also?: string[];
  authority?: Council;
}

/** A line as written in a .jsonl file: either `expect` directly, or a `concept` looked up in concept-ids.json. */
interface EvaluationLine {
  q: string;
  expect?: string | null;
  concept?: string | null;
  includes?: string[];
  authority?: Council;
}

export interface EvaluationMiss {
  q: string;
  expected: string | null;
  got: string;
}

export interface EvaluationReport {
  inScope: number;
  outOfScope: number;
  /** Share of in-scope questions answered outright with the expected entry (top-1). */
  accuracy: number;
  /** Share of in-scope questions where the expected entry is the first one shown (answer or first suggestion). */
  firstShown: number;
  /** Share of out-of-scope questions that were wrongly answered. */
  outOfScopeAnswered: number;
  /** Questions given an answer outright (right or wrong). */
  answered: number;
  /** Share of answered questions whose answer was wrong (another entry, or an answer to an out-of-scope question). */
  wrongAnswerShare: number;
  /** Every question not answered as expected; empty when the report was made with `keepMisses: false`. */
  misses: EvaluationMiss[];
}

/** The figures of a report without any question text, for the held-back split. */
export type EvaluationFigures = Omit<EvaluationReport, 'misses'>;

/** The glossary questions and the training questions, one JSON object per line. */
export const GLOSSARY_QUESTIONS_FILE = path.join(__dirname, 'questions.jsonl');
export const TRAINING_QUESTIONS_FILE = path.join(__dirname, 'training-questions.jsonl');
/** More tuning questions, written by staff-style writers in the `concept` format. */
export const TUNING_EXTRA_FILE = path.join(__dirname, 'tuning-extra.jsonl');
/** The first held-back set: its figures informed a content decision, so it was retired into tuning when the second was written. */
export const FIRST_HELDBACK_FILE = path.join(__dirname, 'tuning-first-heldback.jsonl');
/** A third staff-style set written from the seeds alone (h-devset), so the answer decision learns from more independent wording. */
export const TUNING_DEV_FILE = path.join(__dirname, 'tuning-dev-2026-11.jsonl');
/** The held-back questions: never read to choose features, weights or thresholds; only their aggregate figures are printed. */
export const HELDBACK_FILE = path.join(__dirname, 'heldback-2026-11.jsonl');
/** Maps the `concept` of a tuning question to an entry id, "course:<id>" or "missing:<slug>". */
export const CONCEPT_IDS_FILE = path.join(__dirname, 'concept-ids.json');
/** The held-back set's own concept map, written by its author from entry ids and titles only, after the questions. */
export const HELDBACK_CONCEPT_IDS_FILE = path.join(__dirname, 'heldback-2026-11-concepts.json');
/** The third held-back set, by a writer who had seen none of the others (h-heldback3, 2026-12-01): only its aggregate figures are printed. */
export const HELDBACK_2026_12_FILE = path.join(__dirname, 'heldback-2026-12.jsonl');
/** Its own concept map, written after its questions were committed, from entry ids and titles only. */
export const HELDBACK_2026_12_CONCEPT_IDS_FILE = path.join(__dirname, 'heldback-2026-12-concepts.json');
/** The fourth held-back set, written fresh (helper-67, 2026-12-01) because every model since 2026-11-30 had been measured on the other two. */
export const HELDBACK_2026_12B_FILE = path.join(__dirname, 'heldback-2026-12b.jsonl');
/** Its own concept map, written after its questions were committed, from entry ids, titles and acronyms only. */
export const HELDBACK_2026_12B_CONCEPT_IDS_FILE = path.join(__dirname, 'heldback-2026-12b-concepts.json');

/** A held-back set: its questions and its own concept map. */
export interface HeldBackSet {
  questions: string;
  conceptIds: string;
}

/** Every held-back split, each reported apart under its own name (`heldBack` is the 2026-11 set, the first wired in). */
export const HELDBACK_SETS = {
  heldBack: { questions: HELDBACK_FILE, conceptIds: HELDBACK_CONCEPT_IDS_FILE },
  heldBack2026_12: { questions: HELDBACK_2026_12_FILE, conceptIds: HELDBACK_2026_12_CONCEPT_IDS_FILE },
  heldBack2026_12b: { questions: HELDBACK_2026_12B_FILE, conceptIds: HELDBACK_2026_12B_CONCEPT_IDS_FILE },
} satisfies Record<string, HeldBackSet>;

export type HeldBackSplit = keyof typeof HELDBACK_SETS;

/** True for a held-back question file: one named heldback-….jsonl, or any file a held-back split reads, whatever its name. */
export function isHeldBackFile(file: string): boolean {
  return /^heldback-.+\.jsonl$/.test(path.basename(file)) || Object.values(HELDBACK_SETS).some((set) => path.resolve(set.questions) === path.resolve(file));
}

/** The tuning split: everything features, weights and thresholds may be chosen on. */
export const TUNING_FILES = [GLOSSARY_QUESTIONS_FILE, TRAINING_QUESTIONS_FILE, TUNING_EXTRA_FILE, FIRST_HELDBACK_FILE, TUNING_DEV_FILE];

/** The evaluation files of the tuning split (kept for callers that predate the split). */
export const EVALUATION_FILES = TUNING_FILES;

/** The moment training questions are asked at ("next month" is December 2026), matching the sample catalogue. */
export const EVALUATION_NOW = DateTime.fromISO('2026-11-23T10:00:00', { zone: 'Europe/London' });

/** A concept's answer: one id, or several where any of them is right (the first is the main one). */
export type ConceptAnswer = string | string[];

/** Reads concept-ids.json ({} when there is none yet). */
export function loadConceptIds(file: string = CONCEPT_IDS_FILE): Record<string, ConceptAnswer> {
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, ConceptAnswer>;
}

/**
 * Reads question files in either format. A concept missing from the map is an error; for the
 * held-back file the message gives only a count, so no held-back text reaches the output.
 */
export function loadEvaluationQuestions(files: string[] = TUNING_FILES, conceptIds: Record<string, ConceptAnswer> = loadConceptIds()): EvaluationQuestion[] {
  return files.flatMap((file) => {
    const lines = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as EvaluationLine);
    const unmapped = new Set<string>();
    const questions = lines.map((line): EvaluationQuestion => {
      if (line.expect !== undefined)
        return {
          q: line.q,
          expect: line.expect,
          ...(line.includes ? { includes: line.includes } : {}),
          ...(line.authority ? { authority: line.authority } : {}),
        };
      if (line.concept === null || line.concept === undefined) return { q: line.q, expect: null, ...(line.authority ? { authority: line.authority } : {}) };
      const mapped = conceptIds[line.concept];
      if (mapped === undefined) unmapped.add(line.concept);
      // "proposed:<id>" names a parked entry: right once that entry is live, a miss until then.
      const ids = (mapped === undefined ? [`missing:${line.concept}`] : Array.isArray(mapped) ? mapped : [mapped]).map((id) => id.replace(/^proposed:/, ''));
      // "missing:<slug>" names a concept with no entry when the map was written: an entry later written for it under that id answers it.
      const written = ids.filter((i) => i.startsWith('missing:')).map((i) => i.slice('missing:'.length));
      const [id, ...others] = ids;
      const also = [...others, ...written];
      return { q: line.q, expect: id, ...(also.length ? { also } : {}), ...(line.authority ? { authority: line.authority } : {}) };
    });
    if (unmapped.size > 0) {
      const which = isHeldBackFile(file) ? `${unmapped.size} concept(s)` : [...unmapped].join(', ');
      throw new Error(`${path.basename(file)}: ${which} not in its concept map`);
    }
    return questions;
  });
}

const courseIds = (reply: AnswerReply): string[] =>
  reply.kind === 'course' ? [reply.listing.course.id] : reply.kind === 'courses' ? reply.listings.map((l) => l.course.id) : [];

/**
 * What a reply is scored as: an urgent reply by the answer that follows the contacts (the contacts
 * are not a wrong answer), or as a miss when nothing follows them.
 */
function scoredReply(reply: AnswerReply): AnswerReply {
  return reply.kind === 'urgent' && reply.followUp ? reply.followUp : reply;
}

function describeReply(reply: AnswerReply): string {
  if (reply.kind === 'urgent' && reply.followUp) return `${describeReply(reply.followUp)} (after the safeguarding contacts)`;
  switch (reply.kind) {
    case 'answer':
      return `answer ${reply.entry.id}`;
    case 'suggest':
      return `suggest ${reply.suggestions.map((s) => s.entry.id).join(',')}`;
    case 'course':
    case 'courses':
      return `${reply.kind} ${courseIds(reply).join(',') || '(none)'}`;
    default:
      return reply.kind;
  }
}

/** True when the reply gives an answer (an entry, a course or a list of courses), not a "did you mean" or "I don't know". */
export function isAnswer(reply: AnswerReply): boolean {
  return reply.kind === 'answer' || reply.kind === 'course' || (reply.kind === 'courses' && reply.listings.length > 0);
}

/** What the reply shows first, in the evaluation's terms: an entry id or "course:<id>". */
function firstShownOf(reply: AnswerReply): string | undefined {
  if (reply.kind === 'answer') return reply.entry.id;
  if (reply.kind === 'suggest') return reply.suggestions[0]?.entry.id;
  const [first] = courseIds(reply);
  return first ? `course:${first}` : undefined;
}

/** True when the reply is the one the question expects. */
function isCorrect(question: EvaluationQuestion, reply: AnswerReply): boolean {
  if (question.expect === 'courses') {
    const shown = courseIds(reply);
    return reply.kind === 'courses' && shown.length > 0 && (question.includes ?? []).every((id) => shown.includes(id));
  }
  if (question.expect?.startsWith('course:')) return reply.kind === 'course' && `course:${reply.listing.course.id}` === question.expect;
  return reply.kind === 'answer' && acceptable(question, reply.entry.id);
}

/** True when an entry id answers the question: the expected one or one of its equally right alternatives. */
function acceptable(question: EvaluationQuestion, id: string | undefined): boolean {
  return id !== undefined && (id === question.expect || (question.also ?? []).includes(id));
}

export interface EvaluateOptions {
  catalogue?: TrainingCatalogue;
  /** False for the held-back split: the report then keeps no question text. */
  keepMisses?: boolean;
  /** Search options other than the council (which comes from each question). */
  search?: Omit<KnowledgeSearchOptions, 'authority'>;
}

/**
 * Runs every question through the bot's own answering path (safeguarding check, training
 * catalogue, knowledge search), with each question's council setting and the clock at
 * EVALUATION_NOW.
 */
export function evaluate(kb: KnowledgeBase, questions: EvaluationQuestion[], options: EvaluateOptions = {}): EvaluationReport {
  const training = new TrainingFinder(options.catalogue ?? loadCheckedCatalogue());
  const keepMisses = options.keepMisses ?? true;
  const answerers = new Map<string, QuestionAnswerer>();
  const answererFor = (authority?: Council) => {
    const key = authority ?? '';
    if (!answerers.has(key))
      answerers.set(
        key,
        new QuestionAnswerer(new KnowledgeSearch(kb, { ...options.search, authority }), new InMemoryFeedbackLog(), () => EVALUATION_NOW, training),
      );
    return answerers.get(key)!;
  };
  let inScope = 0;
  let correct = 0;
  let shownFirst = 0;
  let outOfScope = 0;
  let wronglyAnswered = 0;
  let answered = 0;
  let wrong = 0;
  const misses: EvaluationMiss[] = [];
  const miss = (m: EvaluationMiss) => {
    if (keepMisses) misses.push(m);
  };
  for (const question of questions) {
    const given = answererFor(question.authority).reply(question.q);
    const reply = scoredReply(given);
    if (isAnswer(reply)) answered++;
    if (question.expect === null) {
      outOfScope++;
      if (isAnswer(reply)) {
        wronglyAnswered++;
        wrong++;
        miss({ q: question.q, expected: null, got: describeReply(given) });
      }
      continue;
    }
    inScope++;
    const expected = question.expect === 'courses' ? `courses ${(question.includes ?? []).join(',')}` : question.expect;
    if (isCorrect(question, reply)) correct++;
    else {
      if (isAnswer(reply)) wrong++;
      miss({ q: question.q, expected, got: describeReply(given) });
    }
    const first = firstShownOf(reply);
    if (acceptable(question, first) || (question.expect === 'courses' && isCorrect(question, reply))) shownFirst++;
  }
  return {
    inScope,
    outOfScope,
    accuracy: inScope ? correct / inScope : 0,
    firstShown: inScope ? shownFirst / inScope : 0,
    outOfScopeAnswered: outOfScope ? wronglyAnswered / outOfScope : 0,
    answered,
    wrongAnswerShare: answered ? wrong / answered : 0,
    misses,
  };
}

/** The report's figures, rounded, without any question text. */
export function figuresOf(report: EvaluationReport): EvaluationFigures {
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return {
    inScope: report.inScope,
    outOfScope: report.outOfScope,
    accuracy: r(report.accuracy),
    firstShown: r(report.firstShown),
    outOfScopeAnswered: r(report.outOfScopeAnswered),
    answered: report.answered,
    wrongAnswerShare: r(report.wrongAnswerShare),
  };
}

/** Evaluates one held-back split (by default the 2026-11 set), keeping no question text: the figures are all that leave this function. */
export function evaluateHeldBack(
  kb: KnowledgeBase,
  set: HeldBackSet = HELDBACK_SETS.heldBack,
  options: Omit<EvaluateOptions, 'keepMisses'> = {},
): EvaluationFigures {
  if (!fs.existsSync(set.questions)) throw new Error(`${set.questions} is missing: the held-back evaluation cannot run without it`);
  return figuresOf(evaluate(kb, loadEvaluationQuestions([set.questions], loadConceptIds(set.conceptIds)), { ...options, keepMisses: false }));
}

/** The questions not worded, word for word, as an entry that answers them (see entryWording.ts): the ones that say how new wording fares. */
export function unseenWordingQuestions(kb: KnowledgeBase, questions: EvaluationQuestion[]): EvaluationQuestion[] {
  const isEntryWording = entryWordingOf(kb.entries);
  return questions.filter((q) => !isEntryWording(q));
}

/**
 * Every split's figures: the tuning split's questions as given (default: every tuning file), and again
 * without those worded as an entry's own text; each held-back split's as figures only.
 */
export function evaluationSplits(
  kb: KnowledgeBase,
  tuningQuestions: EvaluationQuestion[] = loadEvaluationQuestions(),
): { tuning: EvaluationFigures; tuningUnseenWording: EvaluationFigures } & Record<HeldBackSplit, EvaluationFigures> {
  const heldBack = Object.fromEntries(Object.entries(HELDBACK_SETS).map(([name, set]) => [name, evaluateHeldBack(kb, set)])) as Record<
    HeldBackSplit,
    EvaluationFigures
  >;
  return {
    tuning: figuresOf(evaluate(kb, tuningQuestions)),
    tuningUnseenWording: figuresOf(evaluate(kb, unseenWordingQuestions(kb, tuningQuestions))),
    ...heldBack,
  };
}
