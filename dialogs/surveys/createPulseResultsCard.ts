import { SegmentBreakdown, SurveyResults, TrendItem } from '../../bot/features/surveys/computeResults';
import { QuestionResult } from '../../bot/features/surveys/questionTally';
import { londonDateTime } from '../../bot/features/surveys/wave';
import { DateTime } from 'luxon';
import { adaptiveCard, built, BuiltCard, CardElement, Fact, heading, paragraph } from '../cards/adaptiveCard';

/** Most comments shown in the card; the admin API returns them all. */
const CARD_COMMENTS = 10;

/** A comment as plain text on one line: Markdown that could make a link, a heading or emphasis is removed. */
const plain = (comment: string): string =>
  comment
    .replace(/[[\]<>*_`~#|\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const signed = (n: number, places = 0): string => `${n > 0 ? '+' : n < 0 ? '\u2212' : ''}${Math.abs(n).toFixed(places)}`;

/** One question's figures in a sentence. */
function headline(q: QuestionResult): string {
  if (q.favourability)
    return `mean ${q.mean?.toFixed(2) ?? '\u2013'} \u00B7 ${q.favourability.favourable}% favourable, ${q.favourability.neutral}% neutral, ${q.favourability.unfavourable}% unfavourable`;
  if (q.enps)
    return `eNPS ${signed(q.enps.score)} (${q.enps.promoters}% promoters, ${q.enps.passives}% passives, ${q.enps.detractors}% detractors) \u00B7 mean ${q.mean?.toFixed(2) ?? '\u2013'}`;
  return q.distribution.map((d) => `${d.label} ${d.percent}%`).join(', ');
}

/** The short figure a segment line shows for a question. */
function short(q: QuestionResult, n: number): string {
  if (q.favourability) return `Q${n} ${q.favourability.favourable}% fav.`;
  if (q.enps) return `Q${n} eNPS ${signed(q.enps.score)}`;
  const top = [...q.distribution].sort((a, b) => b.count - a.count)[0];
  return `Q${n} ${top ? `${top.label} ${top.percent}%` : '\u2013'}`;
}

function segmentLines(b: SegmentBreakdown, numberOf: (id: string) => number): string[] {
  const lines = b.shown.map((s) => `- ${s.label} (${s.responses}): ${s.questions.map((q) => short(q, numberOf(q.id))).join(', ')}`);
  if (b.hidden) lines.push(`- ${b.hidden.segments} smaller group${b.hidden.segments === 1 ? '' : 's'} hidden to protect anonymity.`);
  return lines.length ? lines : ['- No groups to show.'];
}

function trendLine(item: TrendItem, n: number): string {
  const parts: string[] = [];
  if (item.change.mean !== undefined) parts.push(`mean ${item.current.mean?.toFixed(2)} (${signed(item.change.mean, 2)})`);
  if (item.change.favourable !== undefined) parts.push(`${item.current.favourable}% favourable (${signed(item.change.favourable, 1)} points)`);
  if (item.change.enps !== undefined) parts.push(`eNPS ${signed(item.current.enps!)} (${signed(item.change.enps)})`);
  return `- Q${n} ${item.text}: ${parts.join(', ')}`;
}

/**
 * A wave's results for its owner in chat: the same suppressed figures, from the same release, that
 * the API returns, with when the next update comes. Hidden parts say why and show nothing; at
 * most ten comments fit on the card.
 */
export function createPulseResultsCard(results: SurveyResults): BuiltCard {
  const { survey } = results;
  const status =
    survey.status === 'closed'
      ? `closed ${londonDateTime(DateTime.fromISO(survey.closesAt))}`
      : survey.status === 'open'
        ? `open until ${londonDateTime(DateTime.fromISO(survey.closesAt))}`
        : `opens ${londonDateTime(DateTime.fromISO(survey.opensAt))}`;
  const facts: Fact[] = [{ title: 'Status', value: status }];
  const lines: string[] = [`Results: ${survey.name}`, `Status: ${status}`];
  const body: CardElement[] = [heading(`Results: ${survey.name}`)];
  const release = results.release.note;

  if (results.responses.suppressed) {
    const text = `Results are hidden until at least ${survey.threshold} people have answered (${results.responses.reason}).`;
    body.push({ type: 'FactSet', facts }, paragraph(text), paragraph(release, { size: 'small', isSubtle: true }));
    lines.push(text, release);
    return built(adaptiveCard(body, lines.join('\n')));
  }
  facts.push({ title: 'Responses', value: String(results.responses.count) });
  if (results.responses.rate !== null) facts.push({ title: 'Response rate', value: `${results.responses.rate}% of ${results.responses.invited} invited` });
  body.push({ type: 'FactSet', facts }, paragraph(release, { size: 'small', isSubtle: true }));
  lines.push(...facts.slice(1).map((f) => `${f.title}: ${f.value}`), release);

  const section = (title: string, text: string[]) => {
    body.push(paragraph(title, { weight: 'bolder', spacing: 'medium' }), paragraph(text.join('\n')));
    lines.push(title, ...text);
  };
  const items = results.questions.suppressed ? [] : results.questions.items;
  const numbers = new Map(items.map((q, i) => [q.id, i + 1]));
  const numberOf = (id: string) => numbers.get(id) ?? 0;
  section(
    'Questions',
    items.map((q, i) => `- Q${i + 1} ${q.text}: ${headline(q)}`),
  );
  if (!results.trend.suppressed)
    section(
      `Compared with ${results.trend.previous.name} (${results.trend.previous.responses} responses)`,
      results.trend.items.map((t) => trendLine(t, numberOf(t.questionId))),
    );
  else lines.push(`Trend: ${results.trend.reason}`);
  if (!results.segments.suppressed) {
    section('By sector', segmentLines(results.segments.sector, numberOf));
    section('By locality', segmentLines(results.segments.locality, numberOf));
  }
  if (results.comments.suppressed) section('Comments', [`Hidden: ${results.comments.reason}.`]);
  else {
    const shown = results.comments.items.slice(0, CARD_COMMENTS).map((c) => `- \u201C${plain(c)}\u201D`);
    const more = results.comments.items.length - shown.length;
    section(
      'Comments (personal details removed)',
      more > 0 ? [...shown, `Showing ${shown.length} of ${results.comments.items.length}; the admin API has them all.`] : shown,
    );
  }
  body.push(paragraph(`Figures about fewer than ${survey.threshold} people are never shown.`, { size: 'small', isSubtle: true }));
  return built(adaptiveCard(body, lines.join('\n')));
}
