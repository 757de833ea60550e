import { allowedValues, QuestionType, SurveyQuestion, SurveyTemplate, valueLabel } from '../../../knowledge/surveys/surveyTemplate';
import type { AnswerValue } from './answerValue';

/** How many chose one answer, and what share of those who answered the question that is. */
export interface OptionCount {
  value: AnswerValue;
  label: string;
  count: number;
  /** Percent of those who answered this question, one decimal place. */
  percent: number;
}

/** Shares of 1–5 ratings: 4–5 favourable, 3 neutral, 1–2 unfavourable (percent, one decimal place). */
export interface Favourability {
  favourable: number;
  neutral: number;
  unfavourable: number;
}

/** Employee Net Promoter Score of a 0–10 question: % promoters (9–10) minus % detractors (0–6). */
export interface Enps {
  score: number;
  promoters: number;
  passives: number;
  detractors: number;
}

/** The aggregate answers to one question. */
export interface QuestionResult {
  id: string;
  type: Exclude<QuestionType, 'text'>;
  text: string;
  /** How many answered it (optional questions may be left blank). */
  answered: number;
  distribution: OptionCount[];
  /** Ratings and 0–10 scales only, two decimal places. */
  mean?: number;
  /** Ratings only. */
  favourability?: Favourability;
  /** 0–10 scales only. */
  enps?: Enps;
}

type ClosedQuestion = Exclude<SurveyQuestion, { type: 'text' }>;

const round = (n: number, places: number): number => Math.round(n * 10 ** places) / 10 ** places;
const percent = (part: number, whole: number): number => (whole ? round((part / whole) * 100, 1) : 0);

/** Counts for one question, indexed by the position of each allowed value. */
interface Counter {
  question: ClosedQuestion;
  values: readonly AnswerValue[];
  counts: number[];
}

/**
 * Counts answers per question and value for one group of responses (everyone, or one segment),
 * filled from stored running counts or one response at a time, and turned into question results.
 */
export class QuestionTally {
  private readonly counters = new Map<string, Counter>();
  /** Answer positions by question id and the answer as text ("4", "yes", an option id). */
  private readonly positions = new Map<string, Map<string, number>>();
  responses = 0;

  constructor(template: SurveyTemplate) {
    for (const question of template.questions) {
      if (question.type === 'text') continue;
      const values = allowedValues(question);
      this.counters.set(question.id, { question, values, counts: values.map(() => 0) });
      this.positions.set(question.id, new Map(values.map((v, i) => [String(v), i])));
    }
  }

  /** Adds `n` answers of one value to one question; values the question does not allow are ignored. */
  addCount(questionId: string, answer: string, n: number): void {
    const i = this.positions.get(questionId)?.get(answer);
    if (i !== undefined) this.counters.get(questionId)!.counts[i] += n;
  }

  /** The aggregate of every question, in template order. */
  results(): QuestionResult[] {
    return [...this.counters.values()].map(({ question, values, counts }) => {
      const answered = counts.reduce((a, b) => a + b, 0);
      const distribution = values.map((value, i) => ({ value, label: valueLabel(question, value), count: counts[i], percent: percent(counts[i], answered) }));
      const result: QuestionResult = { id: question.id, type: question.type, text: question.text, answered, distribution };
      if (question.type === 'rating' || question.type === 'scale') {
        const sum = values.reduce<number>((total, value, i) => total + Number(value) * counts[i], 0);
        if (answered) result.mean = round(sum / answered, 2);
      }
      const countWhere = (test: (v: number) => boolean) => values.reduce<number>((n, v, i) => (test(Number(v)) ? n + counts[i] : n), 0);
      if (question.type === 'rating') {
        result.favourability = {
          favourable: percent(
            countWhere((v) => v >= 4),
            answered,
          ),
          neutral: percent(
            countWhere((v) => v === 3),
            answered,
          ),
          unfavourable: percent(
            countWhere((v) => v <= 2),
            answered,
          ),
        };
      }
      if (question.type === 'scale') {
        const promoters = countWhere((v) => v >= 9);
        const detractors = countWhere((v) => v <= 6);
        result.enps = {
          // From the raw counts, so rounding the shares first cannot shift the score.
          score: answered ? Math.round(((promoters - detractors) / answered) * 100) : 0,
          promoters: percent(promoters, answered),
          passives: percent(answered - promoters - detractors, answered),
          detractors: percent(detractors, answered),
        };
      }
      return result;
    });
  }
}
