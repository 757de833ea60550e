import type { SurveyTemplate } from '../../../knowledge/surveys/surveyTemplate';
import { labelOf, SECTORS } from '../../../knowledge/workforce';
import { QuestionTally } from './questionTally';
import type { AnswerValue } from './answerValue';

/** The dimensions results are broken down by; "all" is everyone. */
export type TallyDimension = 'all' | 'sector' | 'locality';

/**
 * One running count as stored beside the responses: how many responses in a segment gave one
 * answer to one question. The row with an empty question and answer counts the segment's responses.
 */
export interface TallyCount {
  dimension: TallyDimension;
  /** The segment's key: a sector id or a normalised locality; empty for "all" and for "not stated". */
  segment: string;
  /** The segment as first written (a locality's spelling), for showing it. */
  label: string;
  questionId: string;
  answer: string;
  responses: number;
}

/** A segment's tally and how it is shown. */
export interface SegmentTally {
  key: string;
  label: string;
  tally: QuestionTally;
}

/** Everything results are computed from: the overall tally and one per sector and per locality. */
export interface WaveTally {
  overall: QuestionTally;
  sector: Map<string, SegmentTally>;
  locality: Map<string, SegmentTally>;
}

/** What a response contributes to tallies: its segments and its closed answers. */
export interface TalliedResponse {
  sector?: string | null;
  locality?: string | null;
  answers: Record<string, AnswerValue>;
}

const tidy = (value: string | null | undefined): string => (value ?? '').trim().replace(/\s+/g, ' ');

/** The key a segment value is grouped by: case and spacing do not split a locality in two. */
export const segmentKey = (value: string | null | undefined): string => tidy(value).toLowerCase();

/**
 * The running counts one response adds (each by one), sorted so concurrent writers always lock
 * the same rows in the same order.
 */
export function tallyCountsOf(response: TalliedResponse): TallyCount[] {
  const segments: [TallyDimension, string | null | undefined][] = [
    ['all', null],
    ['sector', response.sector],
    ['locality', response.locality],
  ];
  const counts: TallyCount[] = [];
  for (const [dimension, raw] of segments) {
    const base = { dimension, segment: segmentKey(raw), label: tidy(raw), responses: 1 };
    counts.push({ ...base, questionId: '', answer: '' });
    for (const [questionId, value] of Object.entries(response.answers)) counts.push({ ...base, questionId, answer: String(value) });
  }
  const order = (c: TallyCount) => `${c.dimension}\u0000${c.segment}\u0000${c.questionId}\u0000${c.answer}`;
  return counts.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** How a segment is shown: a sector's name, a locality as first written, or "Not stated". */
function displayLabel(dimension: TallyDimension, key: string, label: string): string {
  if (key === '') return 'Not stated';
  return dimension === 'sector' ? (labelOf(SECTORS, key) ?? label) : label || key;
}

/** An empty tally for a template. */
export function emptyWaveTally(template: SurveyTemplate): WaveTally {
  return { overall: new QuestionTally(template), sector: new Map(), locality: new Map() };
}

/** The tally a count belongs to, created on first use. */
function tallyFor(wave: WaveTally, template: SurveyTemplate, count: Pick<TallyCount, 'dimension' | 'segment' | 'label'>): QuestionTally {
  if (count.dimension === 'all') return wave.overall;
  const segments = wave[count.dimension];
  let segment = segments.get(count.segment);
  if (!segment) {
    segment = { key: count.segment, label: displayLabel(count.dimension, count.segment, count.label), tally: new QuestionTally(template) };
    segments.set(count.segment, segment);
  }
  return segment.tally;
}

/**
 * A wave's tally from its stored running counts. A segment is labelled as its count-of-responses
 * row was first written (the first respondent's spelling), whatever order the rows come in.
 */
export function waveTallyFromCounts(template: SurveyTemplate, counts: readonly TallyCount[]): WaveTally {
  const wave = emptyWaveTally(template);
  const labelled = new Set<string>();
  for (const count of counts) {
    const tally = tallyFor(wave, template, count);
    if (count.questionId !== '') {
      tally.addCount(count.questionId, count.answer, count.responses);
      continue;
    }
    tally.responses += count.responses;
    const id = `${count.dimension}\u0000${count.segment}`;
    if (count.dimension !== 'all' && !labelled.has(id)) {
      labelled.add(id);
      wave[count.dimension].get(count.segment)!.label = displayLabel(count.dimension, count.segment, count.label);
    }
  }
  return wave;
}

/** A wave's tally from its responses themselves (tests, and checking the running counts). */
export function waveTallyFromResponses(template: SurveyTemplate, responses: readonly TalliedResponse[]): WaveTally {
  return waveTallyFromCounts(template, responses.flatMap(tallyCountsOf));
}
