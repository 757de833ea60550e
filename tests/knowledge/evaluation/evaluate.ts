import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { InMemoryFeedbackLog } from '../../../bot/answers/feedbackLog';
import { AnswerReply, QuestionAnswerer } from '../../../bot/answers/questionAnswerer';
import { TrainingFinder } from '../../../bot/training/trainingFinder';
import { Council } from '../../../knowledge/entry';
import { KnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import { KnowledgeSearch } from '../../../knowledge/knowledgeSearch';
import { TrainingCatalogue } from '../../../knowledge/training/catalogue';
import { loadCheckedCatalogue } from '../../../knowledge/training/checkedCatalogue';

/**
 * One evaluation question: what staff type, and what should come first (null: out of scope).
 * `expect` is an entry id, "course:<id>" for one course, or "courses" for a list of courses that
 * must hold every id in `includes`.
 */
export interface EvaluationQuestion {
  q: string;
  expect: string | null;
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
  /** Share of in-scope questions answered outright with the expected entry. */
  accuracy: number;
  /** Share of in-scope questions where the expected entry is the first one shown (answer or first suggestion). */
  firstShown: number;
  /** Share of out-of-scope questions that were wrongly answered. */
  outOfScopeAnswered: number;
  misses: EvaluationMiss[];
}

/** The glossary questions and the training questions, one JSON object per line. */
export const GLOSSARY_QUESTIONS_FILE = path.join(__dirname, 'questions.jsonl');
export const TRAINING_QUESTIONS_FILE = path.join(__dirname, 'training-questions.jsonl');

/** The evaluation files: staff questions, one JSON object per line. */
export const EVALUATION_FILES = [GLOSSARY_QUESTIONS_FILE, TRAINING_QUESTIONS_FILE];

/** The moment training questions are asked at ("next month" is December 2026), matching the sample catalogue. */
export const EVALUATION_NOW = DateTime.fromISO('2026-11-23T10:00:00', { zone: 'Europe/London' });

export function loadEvaluationQuestions(files: string[] = EVALUATION_FILES): EvaluationQuestion[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as EvaluationQuestion),
  );
}

const courseIds = (reply: AnswerReply): string[] =>
  reply.kind === 'course' ? [reply.listing.course.id] : reply.kind === 'courses' ? reply.listings.map((l) => l.course.id) : [];

function describeReply(reply: AnswerReply): string {
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
function isAnswer(reply: AnswerReply): boolean {
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
  return reply.kind === 'answer' && reply.entry.id === question.expect;
}

/**
 * Runs every question through the bot's own answering path (safeguarding check, training
 * catalogue, knowledge search), with each question's council setting and the clock at
 * EVALUATION_NOW.
 */
export function evaluate(kb: KnowledgeBase, questions: EvaluationQuestion[], catalogue: TrainingCatalogue = loadCheckedCatalogue()): EvaluationReport {
  const training = new TrainingFinder(catalogue);
  const answerers = new Map<string, QuestionAnswerer>();
  const answererFor = (authority?: Council) => {
    const key = authority ?? '';
    if (!answerers.has(key)) answerers.set(key, new QuestionAnswerer(new KnowledgeSearch(kb, { authority }), new InMemoryFeedbackLog(), () => EVALUATION_NOW, training));
    return answerers.get(key)!;
  };
  let inScope = 0;
  let correct = 0;
  let shownFirst = 0;
  let outOfScope = 0;
  let wronglyAnswered = 0;
  const misses: EvaluationMiss[] = [];
  for (const question of questions) {
    const reply = answererFor(question.authority).reply(question.q);
    if (question.expect === null) {
      outOfScope++;
      if (isAnswer(reply)) {
        wronglyAnswered++;
        misses.push({ q: question.q, expected: null, got: describeReply(reply) });
      }
      continue;
    }
    inScope++;
    const expected = question.expect === 'courses' ? `courses ${(question.includes ?? []).join(',')}` : question.expect;
    if (isCorrect(question, reply)) correct++;
    else misses.push({ q: question.q, expected, got: describeReply(reply) });
    const first = firstShownOf(reply);
    if (first === question.expect || (question.expect === 'courses' && isCorrect(question, reply))) shownFirst++;
  }
  return {
    inScope,
    outOfScope,
    accuracy: inScope ? correct / inScope : 0,
    firstShown: inScope ? shownFirst / inScope : 0,
    outOfScopeAnswered: outOfScope ? wronglyAnswered / outOfScope : 0,
    misses,
  };
}
