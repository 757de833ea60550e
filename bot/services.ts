import { ConversationState, MemoryStorage, Storage, UserState } from 'botbuilder';
import { DateTime } from 'luxon';
import { Logger } from 'pino';
import { KnowledgeBase, loadOrBuildKnowledgeBase } from '../knowledge/knowledgeBaseFile';
import { KnowledgeSearch } from '../knowledge/knowledgeSearch';
import { RootDialog } from '../dialogs/rootDialog';
import { createAdapter } from './adapter';
import { FeedbackLog, InMemoryFeedbackLog } from './answers/feedbackLog';
import { QuestionAnswerer } from './answers/questionAnswerer';
import { CardActionRouter } from './cardActions/cardActionRouter';
import { registerKnowledgeCardActions } from './cardActions/knowledgeCardActions';
import { Config } from './config';
import { createLogger } from './logger';
import { BotMetrics } from './metrics';
import { StaffBot } from './staffBot';

/** The time zone every date the bot shows or schedules is in. */
export const ZONE = 'Europe/London';

/** Replacements for tests: a fixed clock, a small knowledge base, a quiet logger. */
export interface ServiceOverrides {
  now?: () => DateTime;
  kb?: KnowledgeBase;
  logger?: Logger;
  feedbackLog?: FeedbackLog;
  storage?: Storage;
}

/** The composition root: builds every service the process needs, once. */
export async function createServices(config: Config, overrides: ServiceOverrides = {}) {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const now = overrides.now ?? (() => DateTime.now().setZone(ZONE));
  const kb = overrides.kb ?? loadOrBuildKnowledgeBase().kb;
  const search = new KnowledgeSearch(kb, { authority: config.authority });
  const feedbackLog = overrides.feedbackLog ?? new InMemoryFeedbackLog();
  const answerer = new QuestionAnswerer(search, feedbackLog, now);
  const metrics = new BotMetrics();
  const storage = overrides.storage ?? new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const rootDialog = new RootDialog({ answerer, settings: config, metrics });
  const cardActions = new CardActionRouter();
  registerKnowledgeCardActions(cardActions, answerer);
  const bot = new StaffBot({ conversationState, userState, rootDialog, cardActions, botName: config.botName, logger });
  const adapter = createAdapter(config, logger);
  return {
    config,
    logger,
    now,
    search,
    answerer,
    feedbackLog,
    metrics,
    adapter,
    bot,
    /** Releases what the services hold open (database connections, timers). */
    async close(): Promise<void> {},
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
