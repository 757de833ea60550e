import { Storage, TurnContext } from 'botbuilder';
import Redis from 'ioredis';
import { DateTime } from 'luxon';
import { Logger } from 'pino';
import { KnowledgeBase, loadOrBuildKnowledgeBase } from '../../knowledge/knowledgeBaseFile';
import { loadTemplatesOrThrow } from '../../knowledge/surveys/templateLoader';
import { createPulseRenderers } from '../../dialogs/surveys/pulseMessages';
import { RootDialog } from '../../dialogs/core/rootDialog';
import { createAdapter } from './adapter';
import { isLocalMode } from '../platform/botFrameworkSettings';
import { FeedbackLog } from '../platform/store/feedbackLog';
import { QuestionAnswerer } from '../features/answers/questionAnswerer';
import { CardActionRouter } from '../../dialogs/core/cardActionRouter';
import { StateFeedbackGiven } from '../../dialogs/glossary/feedbackGiven';
import { registerKnowledgeCardActions } from '../../dialogs/glossary/knowledgeCardActions';
import { registerSurveyCardActions } from '../../dialogs/surveys/surveyCardActions';
import { readerResolver } from '../features/audience/readerTargeting';
import { resolveAudience } from '../features/audience/resolveAudience';
import { resolvePulseAudience } from '../features/audience/pulseAudience';
import { createDirectory } from '../features/directory/createDirectory';
import { Config } from '../platform/config';
import { createLogger } from '../platform/logger';
import { BotMetrics } from './metrics';
import { conversationRecordOf, keepsReference, storedConversationId } from '../platform/delivery/conversationRecord';
import { RoleService } from '../features/roles/roleService';
import { roleSettingsOf } from '../features/roles/roleSettings';
import { TurnAccess } from '../../dialogs/core/turnAccess';
import { DatabaseStorage } from '../platform/state/databaseStorage';
import { createBotStates } from '../platform/state/createBotStates';
import { ConnectorSender, HttpConnectorSender } from '../platform/delivery/connectorSender';
import { createConnectorTokenProvider } from '../platform/delivery/connectorTokens';
import { DeliveryEngine } from '../platform/delivery/deliveryEngine';
import { ConnectorPacing } from '../platform/delivery/connectorPacing';
import { Outbox } from '../platform/delivery/outbox';
import { DatabaseSlotReserver, RedisSlotReserver } from '../platform/delivery/slotReserver';
import { BriefingService, BRIEFING_KIND } from '../features/briefings/briefingService';
import { briefingRenderer } from '../../dialogs/briefings/briefingRenderer';
import { BriefingSearch } from '../features/briefings/briefingSearch';
import { Briefings } from '../features/briefings/briefings';
import { registerBriefingCardActions } from '../../dialogs/briefings/briefingCardActions';
import { briefingTaskModules } from './teams/briefingTaskModule';
import { GlossaryMessageExtension } from './teams/glossaryMessageExtension';
import { createStore } from '../platform/store/createStore';
import { IdempotencyKeys } from '../platform/store/idempotencyKeys';
import { PULSE_KIND, PULSE_REMINDER_KIND } from '../features/surveys/pulseSchedule';
import { surveyHousekeeping } from '../features/surveys/surveyHousekeeping';
import { SurveyService } from '../features/surveys/surveyService';
import { resolveLedgerSecret } from '../features/surveys/ledgerSecret';
import { PulseKeys } from '../features/surveys/pulseKeys';
import { respondentOfChat } from '../features/surveys/respondent';
import { TeamRosterSync } from '../features/directory/teamRosterSync';
import { webChatGreeting } from '../webchat/webChatGreeting';
import { checkLedgerSecret } from '../features/surveys/secretCheck';
import { IN_MEMORY } from '../platform/store/sqliteDatabase';
import { stamp } from '../platform/store/timestamps';
import { feedbackHousekeeping } from '../platform/store/housekeeping';
import { openDatabase, OpenDatabase } from '../platform/store/openDatabase';
import { FORGET_TURN_STATE, StaffBot } from './staffBot';
import { TurnScope } from './turnScope';
import { createWebChatServices } from '../webchat/webChatServices';
import { TrainingCatalogue } from '../../knowledge/training/catalogue';
import { loadCheckedCatalogue } from '../../knowledge/training/checkedCatalogue';
import { StateConversationMemory } from '../../dialogs/core/conversationMemory';
import { trainingReminderRenderer } from '../../dialogs/training/trainingReminderRenderer';
import { checkCardSubmission } from '../../dialogs/safeguarding/safeguardingReply';
import { isSafeguardingConcern } from '../features/safeguarding/concernDetector';
import { emptyConcernTexts } from '../features/safeguarding/submittedTexts';
import { registerTrainingCardActions } from '../../dialogs/training/trainingCardActions';
import { TRAINING_REMINDER_KIND } from '../features/training/reminderPlan';
import { ReminderRequests } from '../features/training/reminderRequests';
import { TrainingFinder } from '../features/training/trainingFinder';
import { TrainingReminders } from '../features/training/trainingReminders';
import { LONDON_ZONE } from '../../knowledge/londonZone';
import { zonedClock } from '../platform/zonedClock';
import { ContentEntries } from '../features/content/contentEntries';
import { announceContent, contentChannel, ContentListener } from '../features/content/contentSignal';
import { periodicTask } from '../platform/store/periodicTask';
import { ownerRecipients } from '../features/content/ownerRecipients';
import { CONTENT_REVIEW_KIND, ReviewReminders } from '../features/content/reviewReminders';
import { contentReviewRenderer } from '../../dialogs/content/contentReviewRenderer';
import { LiveKnowledge } from '../features/content/liveKnowledge';
import type { KnowledgeBuilder } from '../features/content/indexBuild';
import { ContentEditing } from '../features/content/contentEditing';
import { CatalogueStore } from '../features/catalogue/catalogueItems';
import { LiveCatalogue } from '../features/catalogue/liveCatalogue';
import { CatalogueEditing } from '../features/catalogue/catalogueEditing';
import { migrationFolders } from './migrationFolders';

/** Replacements for tests: a fixed clock, a small knowledge base, a quiet logger. */
export interface ServiceOverrides {
  now?: () => DateTime;
  kb?: KnowledgeBase;
  logger?: Logger;
  feedbackLog?: FeedbackLog;
  storage?: Storage;
  /** An already open database (tests share one between service instances). */
  database?: OpenDatabase;
  /** A training catalogue in place of the shipped one in knowledge/training. */
  trainingCatalogue?: TrainingCatalogue;
  /** How proactive messages reach the Bot Connector (tests and benchmarks may wrap it). */
  sender?: ConnectorSender;
  /** The index worker, when the process started it (and its warm-up) before loading the services. */
  knowledgeBuilder?: KnowledgeBuilder;
}

/**
 * The composition root: builds every service the process needs, once, each after what it depends
 * on, and starts nothing; `start()` starts the pollers, listeners and timers, `close()` stops them.
 */
export async function createServices(config: Config, overrides: ServiceOverrides = {}) {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const now = overrides.now ?? zonedClock(LONDON_ZONE);
  const kb = overrides.kb ?? loadOrBuildKnowledgeBase().kb;
  const database =
    overrides.database ??
    (await openDatabase({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      databaseSchema: config.databaseSchema,
      connectTimeoutMs: config.databaseConnectTimeoutMs,
      logger,
      migrations: migrationFolders,
    }));
  const contentEntries = new ContentEntries(database.db, now);
  // Content owners publish to the database; the shipped files seed it and every replica follows it.
  // With PostgreSQL, replicas hear of a publish at once (LISTEN/NOTIFY); the poll stays as the safety net.
  const channel = database.engine === 'postgres' && config.databaseUrl ? contentChannel(database.schema ?? config.databaseSchema) : undefined;
  const knowledge = new LiveKnowledge(kb, {
    content: contentEntries,
    authority: config.authority,
    logger,
    announce: channel ? () => announceContent(database.db, channel) : undefined,
    builder: overrides.knowledgeBuilder,
  });
  const search = knowledge.search;
  const turnScope = new TurnScope();
  const store = createStore(database.db, now, { askerOf: () => turnScope.current()?.asker });
  const feedbackLog = overrides.feedbackLog ?? store.feedback;
  const trainingFinder = new TrainingFinder(overrides.trainingCatalogue ?? loadCheckedCatalogue(undefined, new Set(kb.entries.map((e) => e.id))));
  // The training catalogue is edited in the database too; the shipped YAML (or the override) seeds it.
  const catalogueStore = new CatalogueStore(database.db, now);
  const liveCatalogue = new LiveCatalogue(
    catalogueStore,
    trainingFinder,
    logger,
    channel ? () => announceContent(database.db, channel, 'catalogue') : undefined,
  );
  // One listener for both: each announcement says whether the knowledge entries or the catalogue changed.
  const contentListener =
    channel && config.databaseUrl
      ? new ContentListener({
          url: config.databaseUrl,
          channel,
          onChange: (what) => (what === 'catalogue' ? liveCatalogue.refreshFromSignal() : knowledge.refreshFromSignal()),
          logger,
        })
      : undefined;
  const catalogueEditing = new CatalogueEditing(catalogueStore, liveCatalogue, async () => new Set((await contentEntries.liveEntries()).map((e) => e.id)));
  const briefingRecords = new Briefings(database.db, now);
  const answerer = new QuestionAnswerer(search, feedbackLog, now, trainingFinder, new BriefingSearch(briefingRecords, now, () => now().toMillis()));
  const metrics = new BotMetrics();
  const storage = overrides.storage ?? new DatabaseStorage(store.stateDocuments);
  const { conversationState } = createBotStates(storage);
  const roles = new RoleService(roleSettingsOf(config));
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
  const webChat = createWebChatServices({ config, now, database, redis, logger, eraseUser: (userId) => store.userData.erase(userId) });
  // A verified web chat user's email is only looked up during turns.
  const access = new TurnAccess(roles, (userId) => webChat.users.get(userId)?.email, isLocalMode(config));
  const idempotencyKeys = new IdempotencyKeys(database.db, now);
  // The pulse secret keys ledgers and seals waiting answers; it never goes into the database.
  // Configuration requires the variable with DATABASE_URL; a database handed in by a test without one gets a secret for the process.
  const ledgerSecret = resolveLedgerSecret({
    configured: config.pulses.ledgerSecret,
    dataDir: config.dataDir,
    inMemory: config.dataDir === IN_MEMORY || database.engine === 'postgres',
  });
  if (ledgerSecret.source === 'generated-file')
    logger.warn(
      { dataDir: config.dataDir },
      'generated a pulse secret in the data folder (pulse-ledger.secret); set PULSE_LEDGER_SECRET from your secret store in production',
    );
  const pulseKeys = new PulseKeys(ledgerSecret.secret);
  await checkLedgerSecret(database.db, pulseKeys, stamp(now()));

  const connectorHttp = new HttpConnectorSender(createConnectorTokenProvider(config));
  const deliverySettings = { ...config.delivery, baseDelayMs: 1000, maxDelayMs: 60000, pollMs: 1000, zone: LONDON_ZONE };
  const slots = redis ? new RedisSlotReserver(redis) : new DatabaseSlotReserver(database.db);
  // One connector rate limit for sends, installs and Graph calls, built before both the directory and the engine that share it.
  const pacing = new ConnectorPacing(slots, deliverySettings);
  const pace = (tenant: string, key: string) => pacing.waitTurn(tenant, key);
  const directory = createDirectory({ config, store, now, logger, pace, connector: connectorHttp });
  const delivery = new DeliveryEngine({
    outbox: new Outbox(database.db, now, database.engine),
    conversations: store.conversations,
    profiles: store.profiles,
    sender: overrides.sender ?? connectorHttp,
    rosters: store.rosters,
    installs: directory.installsAtSend,
    pacing,
    now,
    logger,
    settings: deliverySettings,
    engine: database.engine,
  });
  const rosterSync = new TeamRosterSync({ rosters: store.rosters, connector: connectorHttp, pace, logger });

  const tenantId = config.microsoftApp.tenantId;
  const surveys = new SurveyService({
    db: database.db,
    engine: database.engine,
    now,
    keys: pulseKeys,
    identity: { tenantId, webObjectId: (userId) => webChat.users.get(userId)?.oid },
    recipient: async (userId) => {
      const chat = await store.conversations.personalChat(userId);
      return chat ? respondentOfChat(chat, tenantId) : undefined;
    },
    logger,
    templates: loadTemplatesOrThrow(),
    profiles: store.profiles,
    // Pulses reach identified people only, directory people included: the personal app is installed for them on first send, as for briefings.
    audience: (filter) => resolvePulseAudience(filter, { ...store, directory: directory.audience }, tenantId, { installAtSend: true }),
    settings: { defaultThreshold: config.pulses.defaultThreshold, reminderTime: config.pulses.reminderTime },
    queue: delivery,
  });
  const trainingReminders = new TrainingReminders(new ReminderRequests(database.db, now), trainingFinder.index, delivery, now);
  const briefings = new BriefingService({
    briefings: briefingRecords,
    delivery,
    audience: (briefing) => resolveAudience(briefing.audience, { ...store, directory: directory.audience }, { installAtSend: true }),
    now,
    // "Latest briefings" and card buttons judge a reader as fan-out does: directory attributes and Entra groups first.
    reader: readerResolver({
      profiles: store.profiles,
      conversations: store.conversations,
      rosters: store.rosters,
      directory: { person: (id) => directory.people.person(id), groupsOfPerson: (aad) => directory.people.groupsOfPerson(aad) },
      webObjectId: (userId) => webChat.users.get(userId)?.oid,
    }),
  });
  const reviewReminders = new ReviewReminders({
    liveEntries: () => contentEntries.liveEntries(),
    contacts: config.contentOwners,
    recipients: (people) => ownerRecipients(database.db, people),
    enqueue: (m) => delivery.enqueue(m),
    now,
    logger,
  });
  const pulseRenderers = createPulseRenderers(surveys, now);
  delivery.registerRenderer(PULSE_KIND, pulseRenderers.pulse);
  delivery.registerRenderer(PULSE_REMINDER_KIND, pulseRenderers.reminder, { forgetWhenDone: true });
  delivery.registerRenderer(BRIEFING_KIND, briefingRenderer({ get: (id) => briefings.get(id), nowMs: () => now().toMillis() }));
  delivery.registerRenderer(TRAINING_REMINDER_KIND, trainingReminderRenderer(trainingReminders, config.publicBaseUrl));
  delivery.registerRenderer(CONTENT_REVIEW_KIND, contentReviewRenderer(reviewReminders, config.publicBaseUrl));
  // Hourly rather than daily: the outbox keeps one copy per entry, review date and owner, so reruns queue nothing twice.
  const reviewReminderTask = periodicTask({ name: 'content review reminders', intervalMs: 60 * 60 * 1000, logger, work: () => reviewReminders.run() });
  const pulseUpkeep = surveyHousekeeping({ surveys, idempotencyKeys, now, logger });
  const feedbackUpkeep = feedbackHousekeeping({ feedback: store.feedback, retentionDays: config.retentionDays, now, logger });

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
    surveys,
    briefings,
    training: { finder: trainingFinder, reminders: trainingReminders },
    conversationMemory: new StateConversationMemory(conversationState),
  });
  const cardActions = new CardActionRouter();
  registerKnowledgeCardActions(cardActions, answerer, new StateFeedbackGiven(conversationState, now));
  registerSurveyCardActions(cardActions, surveys);
  const mayPreviewBriefings = (context: TurnContext) => access.hasRole(context, 'comms');
  registerBriefingCardActions(cardActions, { briefings, delivery, profiles: store.profiles, now, mayPreview: mayPreviewBriefings });
  registerTrainingCardActions(cardActions, { answerer, reminders: trainingReminders, publicBaseUrl: config.publicBaseUrl });
  const bot = new StaffBot({
    conversationState,
    rootDialog,
    cardActions,
    botName: config.botName,
    logger,
    messageExtension: new GlossaryMessageExtension(search, (limit) => store.answerCounts.top(limit)),
    checkSubmission: async (context, verb, data) => {
      const concern = await checkCardSubmission(context, { settings: config, metrics }, verb, data);
      // Whatever saves the submission next (a pulse comment, a settings or authoring field) finds the worrying words already gone.
      if (concern) emptyConcernTexts(data, isSafeguardingConcern);
      return concern;
    },
    turnScope,
    // A verified web chat user opening the chat is told of unread briefings and open pulses meant for them (web chat gets no proactive messages).
    webChatGreeting: (context) =>
      webChatGreeting(
        {
          unreadBriefings: (userId, profile) => briefings.unreadFor(userId, profile),
          profile: (userId) => store.profiles.get(userId),
          identify: (activity) => surveys.identify(activity),
          openPulses: (respondent) => surveys.openPulsesFor(respondent),
        },
        context.activity,
      ),
    taskModules: briefingTaskModules({ briefings, profiles: store.profiles, now, mayPreview: mayPreviewBriefings }),
    onActivity: async (context) => {
      const record = keepsReference(context.activity) ? conversationRecordOf(context.activity) : undefined;
      if (record) await store.conversations.upsert(record);
      // A roster read can take many paced requests, longer than a turn may last: it carries on in the background.
      if (context.activity.channelId === 'msteams')
        rosterSync.onActivity(context.activity).catch((err: unknown) => logger.error({ err }, 'could not update a team roster'));
    },
    onRemoved: async (context) => {
      const conversationId = context.activity.conversation?.id;
      if (conversationId) await store.conversations.deactivateConversation(storedConversationId(conversationId));
    },
  });
  const adapter = createAdapter(config, logger);
  let started = false;
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
    /** Every card button's handler, by verb. */
    cardActions,
    webChat,
    delivery,
    /** The Bot Connector client the delivery engine sends with, for one-off sends such as an author's test copy. */
    connector: overrides.sender ?? connectorHttp,
    /** Installed teams and their rosters, read from the Bot Connector. */
    rosterSync,
    /** The organisation's directory (Microsoft Graph, HR imports), its mapping and its sync. */
    directory,
    briefings,
    surveys,
    /** The training catalogue (search, sessions) and "remind me" reminders. */
    training: { finder: trainingFinder, reminders: trainingReminders },
    /** Idempotency-Key store for admin API creations (pulses; briefings may reuse it). */
    idempotencyKeys,
    /** Knowledge entries as content owners edit them, and the live index that follows them. */
    content: {
      entries: contentEntries,
      knowledge,
      editing: new ContentEditing(contentEntries, knowledge, now),
      reviewReminders: { reminders: reviewReminders, task: reviewReminderTask },
    },
    /** The training catalogue as editors change it (courses, sessions, LMS imports), and the live copy chat answers from. */
    catalogue: { store: catalogueStore, live: liveCatalogue, editing: catalogueEditing },
    /**
     * Loads the published content and catalogue, then starts what runs in the background: their
     * polls and listener, the housekeeping timers, the directory's scheduled sync and the delivery
     * worker (by default when DELIVERY_WORKER=on; tests and the demo run it themselves). A second call does nothing.
     */
    async start(options: { deliveryWorker?: boolean } = {}): Promise<void> {
      if (started) return;
      started = true;
      await knowledge.start(kb.entries, config.contentPollMs);
      await contentListener?.start();
      await liveCatalogue.start(trainingFinder.index.catalogue, config.contentPollMs);
      reviewReminderTask.start();
      pulseUpkeep.start();
      feedbackUpkeep.start();
      await webChat.start();
      directory.start();
      if (options.deliveryWorker ?? config.delivery.worker) await delivery.start();
    },
    /** Releases what the services hold open (database connections, timers). */
    async close(): Promise<void> {
      feedbackUpkeep.stop();
      reviewReminderTask.stop();
      knowledge.stop();
      liveCatalogue.stop();
      await contentListener?.stop();
      pulseUpkeep.stop();
      await rosterSync.idle();
      await directory.close();
      await delivery.stop();
      await webChat.close();
      await redis?.quit().catch(() => undefined);
      if (!overrides.database) await database.db.destroy();
    },
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
