import { actionStyleFor } from '../cards/adaptiveCard';
import { cardMessage } from '../cards/cardActivity';
import { createBriefingCard } from './createBriefingCard';
import { channelOf } from '../../bot/platform/delivery/channelRecipient';
import { RENDER_CACHE_GRACE_MS } from '../../bot/platform/delivery/deliveryEngine';
import { MessageRenderer } from '../../bot/platform/delivery/messageRenderer';
import { Briefing } from '../../bot/features/briefings/briefings';

/** How long a loaded briefing is reused while thousands of copies are rendered (under the engine's grace period for updates). */
const CACHE_MS = RENDER_CACHE_GRACE_MS / 2;

/**
 * Builds each recipient's briefing card at send time (so edits reach copies not yet sent), with
 * "Got it" done if they already acknowledged; a recalled briefing renders nothing.
 */
export function briefingRenderer(deps: { get(id: number): Promise<Briefing | undefined>; nowMs?: () => number }): MessageRenderer {
  const cache = new Map<number, { briefing?: Briefing; at: number }>();
  const nowMs = deps.nowMs ?? Date.now;
  return async ({ messageId, userId, channelId, acknowledgedAt }) => {
    const id = Number(messageId.split(':')[1]);
    let hit = cache.get(id);
    if (!hit || nowMs() - hit.at > CACHE_MS) {
      hit = { briefing: await deps.get(id), at: nowMs() };
      cache.set(id, hit);
    }
    const briefing = hit.briefing;
    if (!briefing || briefing.status === 'recalled') return undefined;
    // A channel's card is everyone's: no single reader to refresh it for, and "Got it" is counted per person who presses it.
    const channel = channelOf(userId) !== undefined;
    return cardMessage(
      createBriefingCard(briefing, {
        style: actionStyleFor(channelId),
        acknowledgedAt: channel ? undefined : acknowledgedAt,
        readerId: channel ? undefined : userId,
      }),
    );
  };
}
