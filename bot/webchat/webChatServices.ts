import crypto from 'node:crypto';
import type Redis from 'ioredis';
import { DateTime } from 'luxon';
import { Logger } from 'pino';
import { Config } from '../platform/config';
import { OpenDatabase } from '../platform/store/openDatabase';
import { ActivityFeed, LocalActivityFeed } from './activityFeed';
import { DirectLineConversations } from './directLineConversations';
import { DEFAULT_CONVERSATION_LIMITS, DirectLineStore } from './directLineStore';
import { DirectLineTokens } from './directLineTokens';
import { PostgresActivityFeed } from './postgresActivityFeed';
import { RedisActivityFeed } from './redisActivityFeed';
import { RedisDirectLineStore, redisKeyPrefix } from './redisDirectLineStore';
import { SqlDirectLineStore } from './sqlDirectLineStore';
import { directLineTokenKey, requireSharedTokenKey } from './tokenKey';
import { VerifiedUsers } from './verifiedUsers';
import { webChatHousekeeping } from './webChatHousekeeping';
import { webChatMode } from './webChatMode';

/** What web chat's services are built from. */
export interface WebChatServiceOptions {
  config: Config;
  now: () => DateTime;
  database: OpenDatabase;
  /** The shared Redis, when REDIS_URL is set: it then holds conversations and carries news between replicas. */
  redis?: Redis;
  logger: Logger;
  /** Erases everything held about a user (an anonymous visitor who has gone for good). */
  eraseUser(userId: string): Promise<unknown>;
}

/**
 * Where the built-in Direct Line keeps its state and how replicas hear of each other's news:
 * Redis (streams and pub/sub) when there is one, else the database, with PostgreSQL's
 * LISTEN/NOTIFY between replicas, or nothing to tell for a single SQLite process.
 */
function sharedState(options: WebChatServiceOptions): { store: DirectLineStore; feed: ActivityFeed } {
  const { config, now, database, redis, logger } = options;
  if (redis) {
    const prefix = redisKeyPrefix(config.databaseSchema);
    return { store: new RedisDirectLineStore(redis, now, prefix), feed: new RedisActivityFeed(redis, prefix, logger) };
  }
  const store = new SqlDirectLineStore(database.db, now);
  if (database.engine === 'postgres' && config.databaseUrl) {
    return { store, feed: new PostgresActivityFeed({ url: config.databaseUrl, schema: config.databaseSchema, db: database.db, logger }) };
  }
  return { store, feed: new LocalActivityFeed() };
}

/**
 * What web chat keeps for the process: the built-in Direct Line's conversations (in the shared
 * store) and tokens (signed with a key every replica shares), verified users, and the
 * housekeeping that purges idle conversations and anonymous visitors who have gone. Building opens
 * no connection: `start()` starts listening for other replicas and housekeeping, `close()` stops both.
 */
export function createWebChatServices(options: WebChatServiceOptions) {
  const { config, now, logger } = options;
  const mode = webChatMode(config);
  const users = new VerifiedUsers();
  // Azure mode and "off" never serve a built-in conversation, so they need no listener or signing key.
  const builtin = mode === 'builtin';
  if (builtin) requireSharedTokenKey(config);
  const { store, feed } = builtin ? sharedState(options) : { store: new SqlDirectLineStore(options.database.db, now), feed: new LocalActivityFeed() };
  const conversations = new DirectLineConversations({ store, feed, users, logger, now });
  const tokens = new DirectLineTokens({
    lifetimeMinutes: config.webChat.tokenMinutes,
    now,
    key: builtin ? directLineTokenKey({ secret: config.webChat.tokenSecret, dataDir: config.dataDir }) : crypto.randomBytes(32),
  });
  const housekeeping = builtin
    ? webChatHousekeeping({
        store,
        db: options.database.db,
        eraseUser: options.eraseUser,
        idleMinutes: DEFAULT_CONVERSATION_LIMITS.idleMinutes,
        now,
        logger,
      })
    : undefined;
  return {
    mode,
    conversations,
    tokens,
    /** Web chat users an intranet vouched for: `users.get(activity.from.id)` gives their name and email. */
    users,
    /** Listens for other replicas' news, and starts purging idle conversations every few minutes (the built-in web chat only). */
    async start(): Promise<void> {
      await feed.start();
      housekeeping?.start();
    },
    /** Purges idle conversations and gone anonymous visitors now (it also runs every few minutes). */
    purge: () => housekeeping?.runOnce() ?? Promise.resolve({ conversations: 0, visitors: 0, stateDocuments: 0 }),
    /** Stops housekeeping and stops listening for other replicas. */
    async close(): Promise<void> {
      housekeeping?.stop();
      await feed.close();
    },
  };
}

/** Web chat's share of the services. */
export type WebChatServices = ReturnType<typeof createWebChatServices>;
