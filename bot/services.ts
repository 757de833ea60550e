import { Storage, TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { Logger } from 'pino';
import { KnowledgeBase, loadOrBuildKnowledgeBase } from '../knowledge/knowledgeBaseFile';
import { KnowledgeSearch } from '../knowledge/knowledgeSearch';
import { RootDialog } from '../dialogs/rootDialog';
import { createAdapter } from './adapter';
import { FeedbackLog } from './answers/feedbackLog';
import { QuestionAnswerer } from './answers/questionAnswerer';
import { CardActionRouter } from './cardActions/cardActionRouter';
import { registerKnowledgeCardActions } from './cardActions/knowledgeCardActions';
import { Config } from './config';
import { createLogger } from './logger';
import { BotMetrics } from './metrics';
import { conversationRecordOf, storedConversationId } from './conversations/conversationRecord';
import { RoleService } from './roles/roleService';
import { TurnAccess } from './roles/turnAccess';
import { DatabaseStorage } from './state/databaseStorage';
import { createBotStates } from './state/createBotStates';
import { createStore } from './store/createStore';
import { startHousekeeping } from './store/housekeeping';
import { openDatabase, OpenDatabase } from './store/openDatabase';
import { FORGET_TURN_STATE, StaffBot } from './staffBot';
import { createWebChatServices } from './webchat/webChatServices';

/** The time zone every date the bot shows or schedules is in. */
export const ZONE = 'Europe/London';

/** Replacements for tests: a fixed clock, a small knowledge base, a quiet logger. */
export interface ServiceOverrides {
  now?: () => DateTime;
  kb?: KnowledgeBase;
  logger?: Logger;
  feedbackLog?: FeedbackLog;
  storage?: Storage;
  /** An already open database (tests share one between service instances). */
  database?: OpenDatabase;
}

/** True for the activities that say the bot was removed, which must not re-activate a reference. */
function isRemoval(context: TurnContext): boolean {
  const { activity } = context;
  if (activity.type === 'installationUpdate') return activity.action === 'remove' || activity.action === 'remove-upgrade';
  return (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient?.id);
}

/** The composition root: builds every service the process needs, once. */
export async function createServices(config: Config, overrides: ServiceOverrides = {}) {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const now = overrides.now ?? (() => DateTime.now().setZone(ZONE));
  const kb = overrides.kb ?? loadOrBuildKnowledgeBase().kb;
  const search = new KnowledgeSearch(kb, { authority: config.authority });
  const database =
    overrides.database ??
    (await openDatabase({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      databaseSchema: config.databaseSchema,
      connectTimeoutMs: config.databaseConnectTimeoutMs,
      logger,
    }));
  const store = createStore(database.db, now);
  const feedbackLog = overrides.feedbackLog ?? store.feedback;
  const answerer = new QuestionAnswerer(search, feedbackLog, now);
  const metrics = new BotMetrics();
  const storage = overrides.storage ?? new DatabaseStorage(store.stateDocuments);
  const { conversationState, userState } = createBotStates(storage);
  const roles = new RoleService(config);
  const access = new TurnAccess(roles);
  const rootDialog = new RootDialog({
    answerer,
    settings: config,
    metrics,
    now,
    profiles: store.profiles,
    userData: store.userData,
    gaps: store.feedback,
    access,
    forgetTurnState: (context) => context.turnState.set(FORGET_TURN_STATE, true),
  });
  const cardActions = new CardActionRouter();
  registerKnowledgeCardActions(cardActions, answerer);
  const bot = new StaffBot({
    conversationState,
    userState,
    rootDialog,
    cardActions,
    botName: config.botName,
    logger,
    onActivity: async (context) => {
      const record = conversationRecordOf(context.activity);
      if (record && !isRemoval(context)) await store.conversations.upsert(record);
    },
    onRemoved: async (context) => {
      const conversationId = context.activity.conversation?.id;
      if (conversationId) await store.conversations.deactivateConversation(storedConversationId(conversationId));
    },
  });
  const adapter = createAdapter(config, logger);
  const webChat = createWebChatServices(config, now);
  const housekeeping = startHousekeeping({ feedback: store.feedback, retentionDays: config.retentionDays, now, logger });
  return {
    config,
    logger,
    now,
    search,
    answerer,
    feedbackLog,
    metrics,
    database,
    store,
    roles,
    adapter,
    bot,
    webChat,
    /** Releases what the services hold open (database connections, timers). */
    async close(): Promise<void> {
      housekeeping.stop();
      webChat.close();
      if (!overrides.database) await database.db.destroy();
    },
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
