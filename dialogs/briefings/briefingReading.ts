import { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { BriefingService } from '../../bot/features/briefings/briefingService';
import { Briefing, isLive } from '../../bot/features/briefings/briefings';
import { Profiles } from '../../bot/platform/store/profiles';
import { BriefingPage, createBriefingReaderCard } from './createBriefingReaderCard';

/** What reading a briefing's full text needs: the briefings, profiles (for audiences), the clock and who may preview. */
export interface BriefingReadingDependencies {
  briefings: Pick<BriefingService, 'get' | 'wasSentTo' | 'isMeantFor'>;
  profiles: Pick<Profiles, 'get'>;
  now: () => DateTime;
  /** Authors see their drafts' test copies, so comms users and admins may read any briefing. */
  mayPreview: (context: TurnContext) => Promise<boolean>;
}

/** A page to show, or why not. */
export type BriefingReading = { ok: true; briefing: Briefing; page: BriefingPage } | { ok: false; text: string };

const GONE = 'That briefing is no longer available.';

/**
 * A page of a briefing's full text for the person asking: only someone it was sent to, someone in
 * its audience while it is live, or a comms user (a test copy) may read it; a tampered id reads nothing.
 */
export async function readBriefingPage(deps: BriefingReadingDependencies, context: TurnContext, data: Record<string, unknown>): Promise<BriefingReading> {
  const id = Number(data.briefingId);
  const briefing = Number.isInteger(id) && id > 0 ? await deps.briefings.get(id) : undefined;
  if (!briefing || briefing.status === 'recalled') return { ok: false, text: GONE };
  const userId = context.activity.from?.id ?? '';
  const allowed =
    (await deps.briefings.wasSentTo(id, userId)) ||
    (isLive(briefing, deps.now()) && (await deps.briefings.isMeantFor(briefing, userId, await deps.profiles.get(userId)))) ||
    (await deps.mayPreview(context));
  if (!allowed) return { ok: false, text: GONE };
  return { ok: true, briefing, page: createBriefingReaderCard(briefing, Number(data.page) || 1) };
}
