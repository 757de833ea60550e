import { DateTime } from 'luxon';
import { loadTemplatesOrThrow } from '../../../knowledge/surveys/templateLoader';
import { resolveAudience } from '../../../bot/audience/resolveAudience';
import { Store } from '../../../bot/store/createStore';
import { OutboundMessage } from '../../../bot/delivery/deliveryTypes';
import { SurveyService } from '../../../bot/surveys/surveyService';
import { FIXED_NOW, testDialogServices } from '../../helpers/testServices';

/** A survey service over a store, queueing into an array instead of the delivery engine. */
export function recordingSurveyService(store: Store, now: () => DateTime = () => FIXED_NOW): { surveys: SurveyService; queued: OutboundMessage[] } {
  const queued: OutboundMessage[] = [];
  const surveys = new SurveyService({
    db: store.db,
    now,
    templates: loadTemplatesOrThrow(),
    profiles: store.profiles,
    audience: (filter) => resolveAudience(filter, store),
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

/** Staff with personal chats and profiles: `sectors[i]` is person i's sector. */
export async function addStaff(store: Store, sectors: string[], channelId = 'msteams'): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, sector] of sectors.entries()) {
    const userId = `staff-${i + 1}`;
    ids.push(userId);
    await store.profiles.save({ userId, sector, locality: i % 2 ? 'Melton' : 'Charnwood', topics: [] });
    await store.conversations.upsert({ userId, conversationId: `a:staff-${i + 1}`, channelId, scope: 'personal', serviceUrl: 'https://smba.example/', reference: {} });
  }
  return ids;
}
