import { BriefingStatusReport } from '../../bot/features/briefings/briefingService';
import { describeAudience } from '../../bot/features/audience/audienceFilter';
import { ActionStyle, adaptiveCard, built, BuiltCard, Fact, heading, paragraph, typedAction } from '../cards/adaptiveCard';
import { formatLondonDateTime } from '../cards/londonTime';

/** Delivery progress of one briefing for its author, with edit and recall. */
export function createBriefingStatusCard(report: BriefingStatusReport, style: ActionStyle): BuiltCard {
  const { briefing, counts } = report;
  const facts: Fact[] = [
    { title: 'Status', value: briefing.status === 'recalled' ? 'Recalled' : briefing.status === 'publishing' ? 'Being queued' : 'Published' },
    { title: 'Audience', value: `${describeAudience(briefing.audience)} (${briefing.recipients} reachable)` },
    { title: 'Publish', value: formatLondonDateTime(briefing.publishAt) },
    { title: 'Pending', value: String(counts.pending) },
    { title: 'Sent', value: String(counts.sent) },
    { title: 'Acknowledged', value: `${counts.acknowledged}${counts.sent ? ` (${Math.round((100 * counts.acknowledged) / counts.sent)}%)` : ''}` },
    { title: 'Failed', value: String(counts.failed) },
    { title: 'Unreachable', value: String(counts.unreachable) },
  ];
  if (counts.recalled || counts.cancelled) facts.push({ title: 'Recalled or cancelled', value: String(counts.recalled + counts.cancelled) });
  if (counts.expired) facts.push({ title: 'Expired before sending', value: String(counts.expired) });
  if (counts.opened) facts.push({ title: 'Read from "latest briefings"', value: String(counts.opened) });
  const body = [
    heading(`Briefing #${briefing.id}: ${briefing.title}`),
    { type: 'FactSet' as const, facts },
    paragraph(`Per-person status: GET /api/briefings/${briefing.id}/deliveries.csv on the admin API.`, { size: 'small', isSubtle: true }),
  ];
  const actions =
    briefing.status === 'recalled'
      ? []
      : [typedAction(style, 'Edit', `edit briefing #${briefing.id}`), typedAction(style, 'Recall', `recall briefing #${briefing.id}`)];
  const fallback = [`Briefing #${briefing.id}: ${briefing.title}`, ...facts.map((f) => `${f.title}: ${f.value}`)].join('\n');
  return built(adaptiveCard(body, fallback, actions));
}
