import { Activity, ActivityTypes } from 'botbuilder';
import { BuiltCard } from './adaptiveCard';

/** A message carrying one card, with its fallback as the notification summary. */
export function cardActivity(card: BuiltCard): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    attachments: [card.attachment],
    summary: card.text.split('\n')[0].slice(0, 200),
  };
}
