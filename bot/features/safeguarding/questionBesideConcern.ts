import type { ConcernDetector } from './concernDetector';

const QUESTION_START = /^(what|whats|what's|wat|who|whos|who's|where|when|how|which|why|is there|are there|can|could|do|does|should|define|explain)\b/i;

/**
 * The part of a message that asks something else besides the worry ("what is the LADO number, I'm
 * concerned about a child" -> "what is the LADO number"): the clauses that are questions and are
 * not themselves concerns.
 */
export function questionBesideConcern(text: string, detector: ConcernDetector): string | undefined {
  const clauses = text
    .split(/[.!?\n;]+|,|\s[-\u2013\u2014]\s/)
    .map((c) => c.trim())
    .filter((c) => /[a-z]/i.test(c));
  const asked = text.includes('?') ? clauses.filter((c) => QUESTION_START.test(c) || text.includes(`${c}?`)) : clauses.filter((c) => QUESTION_START.test(c));
  const question = asked.filter((c) => !detector.assess(c).concern).join(' ');
  return question.split(/\s+/).length >= 2 ? question : undefined;
}
