import { Activity, ActivityTypes } from 'botbuilder';
import type { OutgoingMessage } from '../../bot/platform/delivery/outgoingMessage';
import { BuiltCard } from './adaptiveCard';

/** A message carrying one card, with its fallback as the notification summary, as the delivery engine sends it. */
export function cardMessage(card: BuiltCard): OutgoingMessage {
  return {
    attachments: [card.attachment],
    summary: card.text.split('\n')[0].slice(0, 200),
  };
}

/** The same message as a reply within a turn. */
export function cardActivity(card: BuiltCard): Partial<Activity> {
  return { type: ActivityTypes.Message, ...cardMessage(card) };
}
