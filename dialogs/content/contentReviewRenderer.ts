import type { MessageRenderer } from '../../bot/platform/delivery/messageRenderer';
import { ReviewReminders } from '../../bot/features/content/reviewReminders';
import { cardMessage } from '../cards/cardActivity';
import { createContentReviewCard } from './createContentReviewCard';

/** Builds each review reminder when it is sent; one whose entry was reviewed meanwhile (a new review date) is dropped. */
export function contentReviewRenderer(reminders: Pick<ReviewReminders, 'due'>, publicBaseUrl: string): MessageRenderer {
  return async (copy) => {
    const entry = await reminders.due(copy.messageId);
    return entry ? cardMessage(createContentReviewCard(entry, publicBaseUrl)) : undefined;
  };
}
