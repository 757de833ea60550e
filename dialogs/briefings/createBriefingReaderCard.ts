import { Briefing } from '../../bot/features/briefings/briefings';
import { adaptiveCard, built, BuiltCard, CardAction, CardElement, heading, paragraph } from '../cards/adaptiveCard';
import { pagesOf } from './briefingText';
import { READ_BRIEFING_VERB } from './createBriefingCard';

/** One page of a briefing's full text, and where it sits among the pages. */
export interface BriefingPage {
  card: BuiltCard;
  page: number;
  pages: number;
}

/**
 * A page of a long briefing's full text (in a Teams task module, or posted in web chat), with
 * "Previous page" and "Next page"; each page is sized to stay well under Teams' message limit.
 * Out-of-range page numbers show the nearest page.
 */
export function createBriefingReaderCard(briefing: Pick<Briefing, 'id' | 'title' | 'body' | 'link'>, requestedPage: number): BriefingPage {
  const texts = pagesOf(briefing.body);
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), texts.length);
  const body: CardElement[] = [heading(briefing.title)];
  if (texts.length > 1) body.push(paragraph(`Page ${page} of ${texts.length}`, { size: 'small', isSubtle: true, spacing: 'none' }));
  for (const block of texts[page - 1].split(/\n{2,}/)) if (block.trim()) body.push(paragraph(block));
  const actions: CardAction[] = [];
  const turn = (title: string, to: number): CardAction => ({
    type: 'Action.Submit',
    title,
    data: { verb: READ_BRIEFING_VERB, briefingId: briefing.id, page: to },
  });
  if (page > 1) actions.push(turn('Previous page', page - 1));
  if (page < texts.length) actions.push(turn('Next page', page + 1));
  if (briefing.link) actions.push({ type: 'Action.OpenUrl', title: 'Open link', url: briefing.link });
  // The fallback names the page without repeating the body, which would double the message's size.
  const fallback = `${briefing.title}${texts.length > 1 ? ` (page ${page} of ${texts.length})` : ''}: the full text of this briefing.`;
  return { card: built(adaptiveCard(body, fallback, actions)), page, pages: texts.length };
}
