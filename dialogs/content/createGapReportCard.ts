import { GapReport } from '../../bot/platform/store/feedbackStore';
import { adaptiveCard, built, BuiltCard, CardElement, heading, paragraph } from '../cards/adaptiveCard';

/** The content gap report for the content team: what people ask that has no answer, and answers marked unhelpful. */
export function createGapReportCard(report: GapReport, titleOf: (entryId: string) => string, days: number): BuiltCard {
  const unanswered = report.unanswered.map((u) => `- ${u.question} (${u.times}\u00D7)`);
  const unhelpful = report.unhelpful.map((u) => `- ${titleOf(u.entryId)}: ${u.notHelpful} not helpful, ${u.helpful} helpful`);
  const section = (title: string, lines: string[], empty: string): CardElement[] => [
    paragraph(title, { weight: 'bolder', spacing: 'medium' }),
    paragraph(lines.length ? lines.join('\n') : empty),
  ];
  const body = [
    heading(`Content gaps, last ${days} days`),
    ...section('Most-asked questions without an answer', unanswered, 'None: every question found an answer.'),
    ...section('Entries most often marked not helpful', unhelpful, 'None marked not helpful.'),
    paragraph('Questions are stored with personal details removed.', { size: 'small', isSubtle: true }),
  ];
  const fallback = [`Content gaps, last ${days} days`, 'Unanswered:', ...unanswered, 'Not helpful:', ...unhelpful].join('\n');
  return built(adaptiveCard(body, fallback));
}
