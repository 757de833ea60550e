import { fromAudienceChannel } from '../../bot/features/audience/audienceFilter';
import { BriefingService } from '../../bot/features/briefings/briefingService';
import { briefingMessageId, isLive } from '../../bot/features/briefings/briefings';
import { DeliveryEngine } from '../../bot/platform/delivery/deliveryEngine';
import { Profiles } from '../../bot/platform/store/profiles';
import { adaptiveCard, built, paragraph } from '../cards/adaptiveCard';
import { ACKNOWLEDGE_BRIEFING_VERB, createBriefingCard, READ_BRIEFING_VERB, REFRESH_BRIEFING_VERB } from './createBriefingCard';
import { readBriefingPage } from './briefingReading';
import { SHOW_BRIEFING_VERB } from './createBriefingListCard';
import { CardActionRouter } from '../core/cardActionRouter';

const NOT_YOURS = 'That briefing was not sent to you, so there is nothing to confirm.';

/** Registers the briefing card's buttons: "Got it" (records the acknowledgement) and "Read" from the latest list. */
export function registerBriefingCardActions(
  router: CardActionRouter,
  deps: {
    briefings: BriefingService;
    delivery: Pick<DeliveryEngine, 'acknowledgedAt'>;
    profiles: Pick<Profiles, 'get'>;
    now: () => import('luxon').DateTime;
    /** Whether the person may read any briefing (comms users previewing a test copy). */
    mayPreview?: (context: import('botbuilder').TurnContext) => Promise<boolean>;
  },
): void {
  // Web chat has no task modules: "Read the full briefing" posts the text a page at a time.
  router.register(READ_BRIEFING_VERB, async ({ data, context }) => {
    const reading = await readBriefingPage({ ...deps, mayPreview: deps.mayPreview ?? (async () => false) }, context, data);
    if (!reading.ok) return { kind: 'refused', text: reading.text, statusCode: 404 };
    return { kind: 'post', card: reading.page.card, note: `${reading.briefing.title}, page ${reading.page.page} of ${reading.page.pages}` };
  });

  router.register(ACKNOWLEDGE_BRIEFING_VERB, async ({ data, style, context }) => {
    const id = Number(data.briefingId);
    const userId = context.activity.from.id;
    const briefing = Number.isInteger(id) ? await deps.briefings.get(id) : undefined;
    if (!briefing) return { kind: 'refused', text: NOT_YOURS, statusCode: 403 };
    // Someone sent a copy acknowledges it; someone in the live audience who opened it from "latest
    // briefings", or pressed it on the card in one of its channels, is recorded too. Anyone else (a tampered or stale button) is refused.
    let acknowledged = await deps.briefings.acknowledge(id, userId);
    const inAudience = async () =>
      fromAudienceChannel(briefing.audience, context.activity) || deps.briefings.isMeantFor(briefing, userId, await deps.profiles.get(userId));
    if (!acknowledged && isLive(briefing, deps.now()) && (await inAudience())) {
      await deps.briefings.acknowledgeOpened(id, userId);
      acknowledged = true;
    }
    if (!acknowledged) return { kind: 'refused', text: NOT_YOURS, statusCode: 403 };
    const acknowledgedAt = await deps.delivery.acknowledgedAt(briefingMessageId(id), userId);
    return {
      kind: 'refresh',
      card: createBriefingCard(briefing, { style, acknowledgedAt, readerId: userId }),
      note: `Thanks, I've recorded that you have read "${briefing.title}".`,
    };
  });

  router.register(REFRESH_BRIEFING_VERB, async ({ data, style, context }) => {
    const id = Number(data.briefingId);
    const userId = context.activity.from.id;
    const briefing = Number.isInteger(id) ? await deps.briefings.get(id) : undefined;
    if (!briefing || !(await deps.briefings.wasSentTo(id, userId))) return { kind: 'refused', text: NOT_YOURS, statusCode: 403 };
    if (briefing.status === 'recalled') {
      const text = 'This briefing was withdrawn by the communications team.';
      return { kind: 'refresh', card: built(adaptiveCard([paragraph(text, { isSubtle: true })], text)), note: text };
    }
    const acknowledgedAt = await deps.delivery.acknowledgedAt(briefingMessageId(id), userId);
    return { kind: 'refresh', card: createBriefingCard(briefing, { style, acknowledgedAt, readerId: userId }), note: briefing.title };
  });

  router.register(SHOW_BRIEFING_VERB, async ({ data, style, context }) => {
    const id = Number(data.briefingId);
    const userId = context.activity.from.id;
    const briefing = Number.isInteger(id) ? await deps.briefings.get(id) : undefined;
    const meantForYou =
      briefing &&
      isLive(briefing, deps.now()) &&
      ((await deps.briefings.isMeantFor(briefing, userId, await deps.profiles.get(userId))) || (await deps.briefings.wasSentTo(id, userId)));
    if (!briefing || !meantForYou) return { kind: 'refused', text: 'That briefing is no longer available.', statusCode: 404 };
    const acknowledgedAt = await deps.delivery.acknowledgedAt(briefingMessageId(id), userId);
    return { kind: 'post', card: createBriefingCard(briefing, { style, acknowledgedAt }), note: briefing.title };
  });
}
