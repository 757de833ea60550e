import { DateTime } from 'luxon';
import { loadTemplatesOrThrow } from '../../../../knowledge/surveys/templateLoader';
import { resolveAudience } from '../../../../bot/features/audience/resolveAudience';
import { Store } from '../../../../bot/platform/store/createStore';
import { OutboundMessage } from '../../../../bot/platform/delivery/deliveryTypes';
import { SurveyService } from '../../../../bot/features/surveys/surveyService';
import { PulseKeys } from '../../../../bot/features/surveys/pulseKeys';
import { Respondent, respondentOfChat } from '../../../../bot/features/surveys/respondent';
import type { Engine } from '../../../../bot/platform/store/migrations/columns';
import { FIXED_NOW, TEST_PULSE_LEDGER_SECRET, testDialogServices } from '../../../helpers/testServices';

/** The keys the test services derive from the tests' pulse secret. */
export const testPulseKeys = (): PulseKeys => new PulseKeys(Buffer.from(TEST_PULSE_LEDGER_SECRET, 'utf8'));

/** A member of staff in Teams as a respondent: their channel id, and an AAD identity made from it. */
export const teamsRespondent = (userId: string): Respondent => ({ userId, identities: [`aad:${userId.toLowerCase()}`] });

/** A survey service over a store, queueing into an array instead of the delivery engine. */
export function recordingSurveyService(
  store: Store,
  now: () => DateTime = () => FIXED_NOW,
  engine: Engine = 'sqlite',
): { surveys: SurveyService; queued: OutboundMessage[] } {
  const queued: OutboundMessage[] = [];
  const surveys = new SurveyService({
    db: store.db,
    engine,
    now,
    keys: testPulseKeys(),
    identity: {},
    recipient: async (userId) => {
      const chat = await store.conversations.personalChat(userId);
      return chat ? respondentOfChat(chat) : undefined;
    },
    templates: loadTemplatesOrThrow(),
    profiles: store.profiles,
    audience: (filter) => resolveAudience(filter, store, { only: (chat) => respondentOfChat(chat) !== undefined }),
    settings: { defaultThreshold: 5, reminderTime: '10:00' },
    queue: {
      enqueue: async (copies) => {
        queued.push(...copies);
        return { queued: copies.length, duplicates: 0, unreachable: 0 };
      },
    },
  });
  return { surveys, queued };
}

/** Answers to every question of the wellbeing pulse, as its card sends them. */
export const wellbeingAnswers = (rating: number, recommend: number, comment?: string) => ({
  'q.workload': String(rating),
  'q.manager-support': String(rating),
  'q.supervision': String(rating),
  'q.valued': String(rating),
  'q.wellbeing': String(rating),
  'q.recommend': String(recommend),
  ...(comment ? { 'q.comment': comment } : {}),
});

/** The dialog test services with pulses turned on. */
export async function pulseDialogServices(env: Record<string, string> = {}) {
  const base = await testDialogServices(env);
  const { surveys, queued } = recordingSurveyService(base.store);
  base.services.surveys = surveys;
  return { ...base, surveys, queued };
}

/** Staff with personal chats and profiles (Teams users whose AAD object id is their user id): `sectors[i]` is person i's sector. */
export async function addStaff(store: Store, sectors: string[], channelId = 'msteams'): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, sector] of sectors.entries()) {
    const userId = `staff-${i + 1}`;
    ids.push(userId);
    await store.profiles.save({ userId, sector, locality: i % 2 ? 'Melton' : 'Charnwood', topics: [] });
    await store.conversations.upsert({
      userId,
      conversationId: `a:staff-${i + 1}`,
      channelId,
      aadObjectId: userId,
      scope: 'personal',
      serviceUrl: 'https://smba.example/',
      reference: {},
    });
  }
  return ids;
}
