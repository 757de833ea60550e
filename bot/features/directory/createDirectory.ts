import path from 'node:path';
import { DateTime } from 'luxon';
import { Logger } from 'pino';
import { projectRoot } from '../../../knowledge/projectRoot';
import type { AudienceDirectory } from '../audience/resolveAudience';
import { Config } from '../../platform/config';
import { ReadOutcome } from '../../platform/delivery/connectorSender';
import { Store } from '../../platform/store/createStore';
import { Clock } from '../../platform/store/timestamps';
import { AppInstaller } from './appInstaller';
import { AttributeMapping } from './attributeMapping';
import { DirectoryStore } from './directoryStore';
import { DirectorySyncJob } from './directorySync';
import { GraphClient } from './graphClient';
import { SendTimeInstaller } from './sendTimeInstaller';

export interface DirectoryDependencies {
  config: Config;
  store: Store;
  now: Clock;
  logger: Logger;
  /** Waits for a turn under the shared connector rate limit (Graph calls and installs count like sends). */
  pace: (tenant: string, key: string) => Promise<void>;
  fetch?: typeof fetch;
  /** GETs on the Bot Connector with the bot's token (reads a new chat's members). */
  connector?: { read(url: string): Promise<ReadOutcome> };
}

/**
 * Whether a scheduled sync is due: none has started yet, or the last (by any replica) started at
 * least most of an interval ago (timers drift, so a tenth of the interval is allowed for).
 */
export function dueForScheduledSync(lastStartedAt: string | undefined, now: DateTime, hours: number): boolean {
  if (!lastStartedAt) return true;
  return now.diff(DateTime.fromISO(lastStartedAt), 'hours').hours >= hours * 0.9;
}

/** Everything the organisation's directory needs, built from the settings (Graph optional). */
export function createDirectory(deps: DirectoryDependencies) {
  const { config, store, now, logger } = deps;
  const settings = config.directory;
  const people = new DirectoryStore(store.db, now);
  const mappingFile = path.isAbsolute(settings.mappingFile) ? settings.mappingFile : path.join(projectRoot(), settings.mappingFile);
  const mapping = () => AttributeMapping.load(mappingFile);
  // Checked at start-up so a broken mapping file stops the bot with its problems listed.
  mapping();
  let calls = 0;
  const graph = settings.graph
    ? new GraphClient(settings.graph, { fetch: deps.fetch, pace: () => deps.pace(settings.graph!.tenantId, `graph:${calls++ % 50000}`) })
    : undefined;
  const installer =
    graph && settings.teamsAppId
      ? new AppInstaller(
          graph,
          {
            catalogAppId: settings.teamsAppId,
            tenantId: settings.graph!.tenantId,
            serviceUrl: settings.teamsServiceUrl,
            botId: config.microsoftApp.appId ?? 'bot',
          },
          { install: (i) => people.saveInstall(i), conversation: (r) => store.conversations.upsert(r) },
          deps.connector
            ? async (serviceUrl, chatId) => {
                await deps.pace(settings.graph!.tenantId, chatId);
                return deps.connector!.read(`${serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(chatId)}/members`);
              }
            : undefined,
        )
      : undefined;
  const sync = new DirectorySyncJob({
    store: people,
    mapping,
    graph,
    installer,
    groups: settings.groups,
    reachable: async () => {
      const out = new Set<string>();
      for (const c of await store.conversations.activePersonalChats()) if (c.aadObjectId) out.add(c.aadObjectId);
      for (const m of await store.rosters.reachableMembers()) if (m.aadObjectId) out.add(m.aadObjectId);
      return out;
    },
    now,
    logger,
  });
  // Scheduled syncs only with Graph; the first waits one interval so a restart does not re-read the tenant.
  const scheduled = async () => {
    const [last] = await people.recentSyncs(1);
    // Replicas share the database: a sync another replica started within the interval counts.
    if (!dueForScheduledSync(last?.startedAt, now(), settings.syncHours)) return;
    await sync.start('schedule');
  };
  let timer: NodeJS.Timeout | undefined;
  const audience: AudienceDirectory = { people, canInstall: !!installer, tenantId: settings.graph?.tenantId };
  // The delivery engine installs the app for directory people on their first send, through the same installer.
  const installsAtSend = installer ? new SendTimeInstaller({ installer, people, conversations: store.conversations }) : undefined;
  return {
    people,
    mapping,
    graph,
    installer,
    installsAtSend,
    sync,
    /** What resolveAudience needs to reach and target the directory's people. */
    audience,
    /** Starts the scheduled syncs (with Graph only); building the directory starts nothing. */
    start(): void {
      if (timer || !graph || settings.syncHours <= 0) return;
      timer = setInterval(
        () => void scheduled().catch((err: unknown) => logger.error({ err }, 'could not start the directory sync')),
        settings.syncHours * 3_600_000,
      );
      timer.unref();
    },
    async close(): Promise<void> {
      if (timer) clearInterval(timer);
      await sync.finished();
    },
  };
}

export type Directory = ReturnType<typeof createDirectory>;
