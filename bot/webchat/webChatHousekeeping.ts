import { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { Logger } from 'pino';
import { conversationStateKey } from '../platform/state/stateKeys';
import { DatabaseSchema } from '../platform/store/schema';
import { periodicTask, StartablePeriodicTask } from '../platform/store/periodicTask';
import { stamp } from '../platform/store/timestamps';
import { DirectLineStore } from './directLineStore';
import { ANONYMOUS_USER_PREFIX } from '../platform/webChatUserIds';

/** How often housekeeping runs. */
const EVERY_MS = 5 * 60_000;

/** Visitors and state documents looked at per run, so one run stays short however much piled up. */
const BATCH = 200;

/** What one run removed. */
export interface WebChatPurge {
  conversations: number;
  visitors: number;
  stateDocuments: number;
}

/** What housekeeping needs. */
export interface WebChatHousekeepingOptions {
  store: DirectLineStore;
  db: Kysely<DatabaseSchema>;
  /** Erases everything held about a user: profile, conversation references and state. */
  eraseUser(userId: string): Promise<unknown>;
  idleMinutes: number;
  now: () => DateTime;
  logger: Logger;
}

/**
 * Purges what web chat leaves behind, once started and then every five minutes on every replica (each
 * step is idempotent): conversations idle for longer than the limit, then anonymous visitors
 * with no conversation left (their random id lived in one browser session, so nobody can come
 * back as them) with everything held about them, then the dialog state of web chat
 * conversations that have gone.
 */
export function webChatHousekeeping(options: WebChatHousekeepingOptions): StartablePeriodicTask<WebChatPurge> {
  const { store, db, logger } = options;
  const work = async (): Promise<WebChatPurge> => {
    const cutoff = options.now().minus({ minutes: options.idleMinutes });
    const conversations = await store.purgeIdle(cutoff);

    // A visitor still counts while any of their conversations is held, even one only being read.
    const idleVisitors = await db
      .selectFrom('conversation_refs')
      .select('user_id')
      .where('channel_id', '=', 'webchat')
      .where('user_id', 'like', `${ANONYMOUS_USER_PREFIX}%`)
      .groupBy('user_id')
      .having((eb) => eb.fn.max('updated_at'), '<', stamp(cutoff))
      .limit(BATCH)
      .execute();
    let visitors = 0;
    for (const { user_id: userId } of idleVisitors) {
      if (!userId.startsWith(ANONYMOUS_USER_PREFIX)) continue;
      const refs = await db.selectFrom('conversation_refs').select('conversation_id').where('user_id', '=', userId).execute();
      const live = await Promise.all(refs.map((r) => store.exists(r.conversation_id)));
      if (live.some(Boolean)) continue;
      await options.eraseUser(userId);
      visitors++;
    }

    const statePrefix = conversationStateKey('webchat', '');
    const idleStates = await db
      .selectFrom('bot_state')
      .select('key')
      .where('key', 'like', `${statePrefix}%`)
      .where('updated_at', '<', stamp(cutoff))
      .limit(BATCH)
      .execute();
    const goneStates: string[] = [];
    for (const { key } of idleStates) {
      if (key.startsWith(statePrefix) && !(await store.exists(key.slice(statePrefix.length)))) goneStates.push(key);
    }
    if (goneStates.length) await db.deleteFrom('bot_state').where('key', 'in', goneStates).execute();

    const purged = { conversations, visitors, stateDocuments: goneStates.length };
    if (conversations || visitors || goneStates.length) logger.info(purged, 'purged idle web chat conversations and departed anonymous visitors');
    return purged;
  };
  return periodicTask({ name: 'web chat housekeeping', intervalMs: EVERY_MS, logger, work });
}
