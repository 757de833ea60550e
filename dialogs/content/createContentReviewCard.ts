import { KnowledgeEntry } from '../../knowledge/entry';
import { adaptiveCard, built, BuiltCard, heading, paragraph } from '../cards/adaptiveCard';

/**
 * Tells an entry's owner that its review date has passed: which entry, since when, and where to
 * review it (the Content page of the dashboard). Its only button opens a link, so it works in any channel.
 */
export function createContentReviewCard(entry: KnowledgeEntry, publicBaseUrl: string): BuiltCard {
  const title = `Review due: ${entry.title}`;
  const when = `Its review date was ${entry.reviewBy}. Staff are still being answered with it, so check it is correct and current.`;
  const how = 'Open Content in the Dashboard tab, change what needs changing and set a new review date; another content editor approves it.';
  const body = [
    heading(title),
    paragraph(when),
    paragraph(`You get this because you are listed for "${entry.owner}".`, { size: 'small', isSubtle: true }),
    paragraph(how, { size: 'small' }),
  ];
  const url = `${publicBaseUrl.replace(/\/$/, '')}/dashboard/content`;
  return built(adaptiveCard(body, `${title}\n${when}\n${how}`, [{ type: 'Action.OpenUrl', title: 'Open Content', url }]));
}
