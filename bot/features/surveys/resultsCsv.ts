import { stringify } from 'csv-stringify/sync';
import { SurveyResults } from './computeResults';
import { QuestionResult } from './questionTally';

/** The CSV's columns: one aggregate figure per row. */
const HEADER = ['scope', 'segment', 'question_id', 'question', 'measure', 'option', 'value'];

type Row = [scope: string, segment: string, questionId: string, question: string, measure: string, option: string, value: string | number];

/** Cells a spreadsheet would run as a formula (a locality typed as "=HYPERLINK(…)") are prefixed so they stay text. */
const safe = (cell: string | number): string | number => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** The rows for one set of question results. */
function questionRows(scope: string, segment: string, questions: QuestionResult[]): Row[] {
  const rows: Row[] = [];
  for (const q of questions) {
    const row = (measure: string, value: number, option = ''): Row => [scope, segment, q.id, q.text, measure, option, value];
    rows.push(row('answered', q.answered));
    for (const d of q.distribution) rows.push(row('count', d.count, d.label), row('percent', d.percent, d.label));
    if (q.mean !== undefined) rows.push(row('mean', q.mean));
    if (q.favourability)
      rows.push(
        row('favourable_percent', q.favourability.favourable),
        row('neutral_percent', q.favourability.neutral),
        row('unfavourable_percent', q.favourability.unfavourable),
      );
    if (q.enps)
      rows.push(
        row('enps', q.enps.score),
        row('promoters_percent', q.enps.promoters),
        row('passives_percent', q.enps.passives),
        row('detractors_percent', q.enps.detractors),
      );
  }
  return rows;
}

/**
 * The results as CSV for spreadsheets: aggregates only, built from the same suppressed results
 * (and the same release) the API returns, so it never holds an individual response, a comment or
 * a hidden figure.
 */
export function resultsCsv(results: SurveyResults): string {
  const rows: Row[] = [
    ['survey', '', '', '', 'name', '', results.survey.name],
    ['survey', '', '', '', 'template', '', results.survey.templateId],
    ['survey', '', '', '', 'status', '', results.survey.status],
    ['survey', '', '', '', 'opens_at', '', results.survey.opensAt],
    ['survey', '', '', '', 'closes_at', '', results.survey.closesAt],
    ['survey', '', '', '', 'anonymity_threshold', '', results.survey.threshold],
    ['release', '', '', '', 'number', '', results.release.number],
    ['release', '', '', '', 'released_at', '', results.release.releasedAt ?? ''],
    ['release', '', '', '', 'next_update_after', '', results.release.nextUpdateAfter ?? ''],
    ['release', '', '', '', 'final', '', results.release.final ? 'yes' : 'no'],
    ['release', '', '', '', 'note', '', results.release.note],
  ];
  if (results.responses.suppressed) rows.push(['overall', '', '', '', 'suppressed', '', results.responses.reason]);
  else {
    rows.push(['overall', '', '', '', 'responses', '', results.responses.count], ['overall', '', '', '', 'invited', '', results.responses.invited]);
    if (results.responses.rate !== null) rows.push(['overall', '', '', '', 'response_rate_percent', '', results.responses.rate]);
  }
  if (!results.questions.suppressed) rows.push(...questionRows('overall', '', results.questions.items));
  if (!results.segments.suppressed) {
    for (const breakdown of [results.segments.sector, results.segments.locality]) {
      for (const segment of breakdown.shown) {
        rows.push(
          [breakdown.dimension, segment.label, '', '', 'responses', '', segment.responses],
          ...questionRows(breakdown.dimension, segment.label, segment.questions),
        );
      }
      if (breakdown.hidden) rows.push([breakdown.dimension, '', '', '', 'suppressed_segments', '', breakdown.hidden.segments]);
    }
  }
  if (!results.trend.suppressed) {
    for (const item of results.trend.items) {
      for (const key of ['mean', 'favourable', 'enps'] as const) {
        if (item.change[key] === undefined) continue;
        rows.push(
          ['trend', results.trend.previous.name, item.questionId, item.text, `previous_${key}`, '', item.previous[key]!],
          ['trend', results.trend.previous.name, item.questionId, item.text, `change_${key}`, '', item.change[key]!],
        );
      }
    }
  }
  return stringify([HEADER, ...rows.map((r) => r.map(safe))]);
}
