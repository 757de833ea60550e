import { DateTime } from 'luxon';
import { scrubPatternDetails } from '../../platform/privacy/scrubPersonalDetails';
import { QuestionResult } from './questionTally';
import { segmentsToHide } from './segmentSuppression';
import type { ReleaseState } from './surveyResponses';
import { londonDateTime, Wave, waveStatus, WaveStatus } from './wave';
import { SegmentTally, WaveTally } from './waveTally';

/** A part of the results that is not shown, and why; the figures themselves are never included. */
export interface Suppressed {
  suppressed: true;
  reason: string;
}

/** A part of the results: shown (with its figures) or suppressed (with only a reason). */
export type Section<T> = Suppressed | ({ suppressed: false } & T);

/** One segment (a sector or a locality) with at least the threshold of responses. */
export interface SegmentResult {
  key: string;
  label: string;
  responses: number;
  questions: QuestionResult[];
}

/** Results by sector or by locality: the segments shown, and how many are hidden (never which). */
export interface SegmentBreakdown {
  dimension: 'sector' | 'locality';
  shown: SegmentResult[];
  hidden?: Suppressed & { segments: number };
}

/** The headline measures of a question, compared between waves. */
export interface Measures {
  mean?: number;
  favourable?: number;
  enps?: number;
}

/** One question's measures now, in the previous wave, and the change. */
export interface TrendItem {
  questionId: string;
  text: string;
  current: Measures;
  previous: Measures;
  change: Measures;
}

/** The previous wave a trend compares with. */
export interface TrendBaseline {
  id: number;
  name: string;
  closesAt: string;
  responses: number;
}

/**
 * Which release of the figures the results show, and when the next comes. Figures change only at
 * a release: when at least the threshold of new answers has arrived since the last one, or at close.
 */
export interface ReleaseInfo {
  /** Releases so far (0 before the first). */
  number: number;
  /** When the figures shown were released (ISO), absent before the first release. */
  releasedAt?: string;
  /** How many more answers bring the next update while the pulse is open; null once no more updates come. */
  nextUpdateAfter: number | null;
  /** True once the pulse has closed and its final figures are out. */
  final: boolean;
  /** Answers that arrived after the last update and were too few to add at close. */
  notIncluded: number;
  /** The same sentence on every surface: when these figures are from and when the next update comes. */
  note: string;
}

/**
 * The results of a wave, with suppression applied: every part below the anonymity threshold is
 * `{ suppressed: true, reason }` and carries no figures. The API, the chat card, the CSV export
 * and the dashboard all show exactly this.
 */
export interface SurveyResults {
  survey: {
    id: number;
    name: string;
    templateId: string;
    templateTitle: string;
    status: WaveStatus;
    opensAt: string;
    closesAt: string;
    threshold: number;
  };
  responses: Section<{ count: number; invited: number; rate: number | null }>;
  questions: Section<{ items: QuestionResult[] }>;
  comments: Section<{ items: string[] }>;
  segments: Section<{ sector: SegmentBreakdown; locality: SegmentBreakdown }>;
  trend: Section<{ previous: TrendBaseline; items: TrendItem[] }>;
  release: ReleaseInfo;
}

/** What results are computed from: the wave, its tallies and comments, and the previous closed wave of its template. */
export interface ResultsInput {
  wave: Pick<Wave, 'id' | 'name' | 'templateId' | 'template' | 'threshold' | 'invited' | 'opensAt' | 'closesAt'>;
  tally: WaveTally;
  /** The wave's released comments (stored scrubbed in full, names included; the pattern rules run again here so a rule added later reaches older comments too). */
  comments: readonly string[];
  /** The wave's last release, and how many answers wait for the next. */
  release: ReleaseState & { waiting: number };
  previous?: { wave: Pick<Wave, 'id' | 'name' | 'threshold' | 'closesAt'>; tally: WaveTally };
  now: DateTime;
}

const round = (n: number, places: number): number => Math.round(n * 10 ** places) / 10 ** places;
const suppressed = (reason: string): Suppressed => ({ suppressed: true, reason });
const collator = new Intl.Collator('en-GB', { sensitivity: 'base' });

/** One dimension's segments, hiding small ones and, when needed, the next smallest. */
function breakdown(dimension: 'sector' | 'locality', segments: Map<string, SegmentTally>, threshold: number): SegmentBreakdown {
  const all = [...segments.values()].filter((s) => s.tally.responses > 0);
  const hide = segmentsToHide(
    all.map((s) => ({ key: s.key, responses: s.tally.responses })),
    threshold,
  );
  const shown = all
    .filter((s) => !hide.has(s.key))
    .map((s) => ({ key: s.key, label: s.label, responses: s.tally.responses, questions: s.tally.results() }))
    .sort((a, b) => b.responses - a.responses || collator.compare(a.label, b.label));
  const reason = `Groups with fewer than ${threshold} responses are hidden, with the next smallest when needed, so no hidden group can be worked out by subtraction.`;
  return { dimension, shown, ...(hide.size ? { hidden: { suppressed: true as const, reason, segments: hide.size } } : {}) };
}

const measuresOf = (q: QuestionResult): Measures => ({
  ...(q.mean !== undefined ? { mean: q.mean } : {}),
  ...(q.favourability ? { favourable: q.favourability.favourable } : {}),
  ...(q.enps ? { enps: q.enps.score } : {}),
});

/** Each question's measures against the same question (same id and type) in the previous wave. */
function trendItems(current: QuestionResult[], previous: QuestionResult[]): TrendItem[] {
  const before = new Map(previous.map((q) => [q.id, q]));
  const items: TrendItem[] = [];
  for (const q of current) {
    const p = before.get(q.id);
    if (!p || p.type !== q.type || q.answered === 0 || p.answered === 0) continue;
    const now = measuresOf(q);
    const then = measuresOf(p);
    if (Object.keys(now).length === 0) continue;
    const change: Measures = {};
    for (const key of ['mean', 'favourable', 'enps'] as const) {
      if (now[key] !== undefined && then[key] !== undefined) change[key] = round(now[key] - then[key], key === 'mean' ? 2 : 1);
    }
    items.push({ questionId: q.id, text: q.text, current: now, previous: then, change });
  }
  return items;
}

/**
 * Computes a wave's results with anonymity enforced: nothing at all below the threshold; segments
 * by sector and locality with small groups (and their complements) hidden; comments only when
 * there are at least the threshold of them, scrubbed of personal details and sorted so their order
 * says nothing; a trend against the previous closed wave of the same template when it, too, had
 * enough responses. It works from tallies, so its cost does not grow with the number of responses.
 */
export function computeResults(input: ResultsInput): SurveyResults {
  const { wave, tally, now } = input;
  const status = waveStatus(wave, now);
  const t = wave.threshold;
  const survey = {
    id: wave.id,
    name: wave.name,
    templateId: wave.templateId,
    templateTitle: wave.template.title,
    status,
    opensAt: wave.opensAt.toISO() ?? '',
    closesAt: wave.closesAt.toISO() ?? '',
    threshold: t,
  };
  const count = tally.overall.responses;
  const release = releaseInfo(input.release, status, t);
  if (count < t) {
    // A pulse that has not opened yet says when it opens, rather than counting answers nobody could give.
    const opens = wave.opensAt.setZone('Europe/London').setLocale('en-US');
    const reason =
      status === 'scheduled'
        ? `the pulse opens on ${opens.toFormat('d LLL yyyy')} at ${opens.toFormat('HH:mm')}`
        : `fewer than ${t} responses${status === 'closed' ? '' : ' so far'}`;
    const hidden = suppressed(reason);
    return { survey, responses: hidden, questions: hidden, comments: hidden, segments: hidden, trend: hidden, release };
  }
  const questions = tally.overall.results();
  const texts = input.comments.filter((c) => c.trim());
  const comments: SurveyResults['comments'] =
    texts.length >= t
      ? { suppressed: false, items: texts.map(scrubPatternDetails).sort(collator.compare) }
      : suppressed(texts.length === 0 ? 'no comments' : `fewer than ${t} comments`);

  return {
    survey,
    responses: { suppressed: false, count, invited: wave.invited, rate: wave.invited ? round((count / Math.max(wave.invited, count)) * 100, 1) : null },
    questions: { suppressed: false, items: questions },
    comments,
    segments: { suppressed: false, sector: breakdown('sector', tally.sector, t), locality: breakdown('locality', tally.locality, t) },
    trend: trendOf(input, questions),
    release,
  };
}

const responsesWord = (n: number): string => `${n} more response${n === 1 ? '' : 's'}`;

/** Which release the figures are, and the sentence every surface shows about it. */
function releaseInfo(state: ResultsInput['release'], status: WaveStatus, threshold: number): ReleaseInfo {
  const releasedAt = state.releasedAt;
  const when = releasedAt ? londonDateTime(DateTime.fromISO(releasedAt)) : undefined;
  const base = { number: state.number, ...(releasedAt ? { releasedAt } : {}), notIncluded: state.notIncluded };
  if (status === 'closed' && state.finalAt) {
    const left =
      state.notIncluded > 0
        ? ` ${state.notIncluded} answer${state.notIncluded === 1 ? '' : 's'} received after the last update ${state.notIncluded === 1 ? 'is' : 'are'} not included: fewer than ${threshold} cannot be added to figures already shown without revealing them.`
        : '';
    const figures = state.number > 0 && when ? `Final figures, released ${when}.` : 'The pulse closed with no figures released.';
    return { ...base, nextUpdateAfter: null, final: true, note: `${figures}${left}` };
  }
  if (status === 'closed') return { ...base, nextUpdateAfter: null, final: false, note: 'The pulse has closed; its final figures are being released.' };
  const next = Math.max(1, threshold - state.waiting);
  const updates = `Updates after ${responsesWord(next)}.`;
  if (state.number === 0 || !when) return { ...base, nextUpdateAfter: next, final: false, note: `No figures yet. ${updates}` };
  return { ...base, nextUpdateAfter: next, final: false, note: `Figures as released ${when}. ${updates}` };
}

/** The trend section: shown only when there is a previous closed wave that had enough responses itself. */
function trendOf(input: ResultsInput, current: QuestionResult[]): SurveyResults['trend'] {
  const previous = input.previous;
  if (!previous) return suppressed('no earlier closed wave of this pulse to compare with');
  const needed = Math.max(previous.wave.threshold, input.wave.threshold);
  const responses = previous.tally.overall.responses;
  if (responses < needed) return suppressed(`the earlier wave had fewer than ${needed} responses`);
  return {
    suppressed: false,
    previous: { id: previous.wave.id, name: previous.wave.name, closesAt: previous.wave.closesAt.toISO() ?? '', responses },
    items: trendItems(current, previous.tally.overall.results()),
  };
}
