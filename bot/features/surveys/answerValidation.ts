import { allowedValues, SurveyQuestion, SurveyTemplate } from '../../../knowledge/surveys/surveyTemplate';
import type { AnswerValue } from './answerValue';

/** Card inputs for a question are named with this prefix, so answers never clash with action data. */
export const ANSWER_PREFIX = 'q.';

/** The card input id of a question. */
export const inputIdOf = (questionId: string): string => `${ANSWER_PREFIX}${questionId}`;

/** What a submission's answers came to: clean values, or errors to show on the card. */
export type AnswerCheck =
  | { ok: true; answers: Record<string, AnswerValue>; comment?: string }
  | { ok: false; tampered: false; errors: string[] }
  /** The submission names questions this pulse does not have: not a mistake a person can make with the card. */
  | { ok: false; tampered: true; unknownQuestions: string[] };

const quoted = (q: SurveyQuestion) => `\u201C${q.text}\u201D`;

/** A submitted value as text (cards send strings; the API may send numbers). */
function asText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return value.trim();
  return undefined;
}

/** Reads one answer against its question: undefined when left blank, or the stored value, or an error. */
function readAnswer(question: SurveyQuestion, raw: unknown): { value?: AnswerValue; error?: string } {
  const text = asText(raw);
  if (raw !== undefined && raw !== null && text === undefined)
    return { error: `The answer to ${quoted(question)} could not be read. Choose one of the answers shown.` };
  if (!text) return question.optional ? {} : { error: `Answer ${quoted(question)}.` };
  if (question.type === 'text') {
    if (text.length > question.maxLength) return { error: `Your comment is ${text.length} characters long; please keep it to ${question.maxLength}.` };
    return { value: text };
  }
  const allowed = allowedValues(question);
  const numeric = question.type === 'rating' || question.type === 'scale';
  const value: AnswerValue = numeric && /^\d{1,2}$/.test(text) ? Number(text) : text;
  if (!allowed.includes(value)) return { error: `Choose one of the answers shown for ${quoted(question)}.` };
  return { value };
}

/**
 * Checks a card submission against the pulse's questions: every required question answered,
 * every value one the question allows, free text within its limit, and no answers to questions
 * the pulse does not have (a tampered submission).
 */
export function checkAnswers(template: SurveyTemplate, data: Record<string, unknown>): AnswerCheck {
  const known = new Set(template.questions.map((q) => inputIdOf(q.id)));
  const unknownQuestions = Object.keys(data).filter((k) => k.startsWith(ANSWER_PREFIX) && !known.has(k));
  if (unknownQuestions.length) return { ok: false, tampered: true, unknownQuestions };
  const answers: Record<string, AnswerValue> = {};
  const errors: string[] = [];
  let comment: string | undefined;
  for (const question of template.questions) {
    const { value, error } = readAnswer(question, data[inputIdOf(question.id)]);
    if (error) errors.push(error);
    else if (value === undefined) continue;
    else if (question.type === 'text') comment = String(value);
    else answers[question.id] = value;
  }
  return errors.length ? { ok: false, tampered: false, errors } : { ok: true, answers, ...(comment ? { comment } : {}) };
}
