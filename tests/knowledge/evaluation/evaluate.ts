import fs from 'node:fs';
import path from 'node:path';
import { Council } from '../../../knowledge/entry';
import { KnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import { KnowledgeSearch, SearchOutcome } from '../../../knowledge/knowledgeSearch';

/** One evaluation question: what staff type, and the entry that should come first (null: out of scope). */
export interface EvaluationQuestion {
  q: string;
  expect: string | null;
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

/** The evaluation files: staff questions, one JSON object per line. */
export const EVALUATION_FILES = [path.join(__dirname, 'questions.jsonl')];

export function loadEvaluationQuestions(files: string[] = EVALUATION_FILES): EvaluationQuestion[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as EvaluationQuestion),
  );
}

const describeOutcome = (o: SearchOutcome): string =>
  o.decision === 'answer' ? `answer ${o.answer?.entry.id}` : o.decision === 'suggest' ? `suggest ${o.suggestions.map((s) => s.entry.id).join(',')}` : 'unknown';

/** Runs every question through the search, with each question's council setting. */
export function evaluate(kb: KnowledgeBase, questions: EvaluationQuestion[]): EvaluationReport {
  const searches = new Map<string, KnowledgeSearch>();
  const searchFor = (authority?: Council) => {
    const key = authority ?? '';
    if (!searches.has(key)) searches.set(key, new KnowledgeSearch(kb, { authority }));
    return searches.get(key)!;
  };
  let inScope = 0;
  let correct = 0;
  let shownFirst = 0;
  let outOfScope = 0;
  let wronglyAnswered = 0;
  const misses: EvaluationMiss[] = [];
  for (const question of questions) {
    const outcome = searchFor(question.authority).search(question.q);
    const first = outcome.answer?.entry.id ?? outcome.suggestions[0]?.entry.id;
    if (question.expect === null) {
      outOfScope++;
      if (outcome.decision === 'answer') {
        wronglyAnswered++;
        misses.push({ q: question.q, expected: null, got: describeOutcome(outcome) });
      }
      continue;
    }
    inScope++;
    if (outcome.decision === 'answer' && first === question.expect) correct++;
    else misses.push({ q: question.q, expected: question.expect, got: describeOutcome(outcome) });
    if (first === question.expect) shownFirst++;
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
