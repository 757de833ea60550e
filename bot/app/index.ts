import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../knowledge/projectRoot';
import { isLocalMode } from '../platform/botFrameworkSettings';
import { ConfigError, loadConfig } from '../platform/config';
import { StoreStartupError } from '../platform/store/storeStartupError';
import { dataFolderProblem } from '../platform/store/dataFolder';
import type * as IndexBuildModule from '../features/content/indexBuild';
import type * as LoggerModule from '../platform/logger';
import type * as ServerModule from './server';
import type * as ServicesModule from './services';
import { DEFAULT_KB_FILE } from '../../knowledge/knowledgeBaseFraming';

/** Reads the configuration, builds the services and starts listening; stops cleanly on SIGTERM. */
async function main(): Promise<void> {
  const envFile = path.resolve('.env');
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile);
  const { version } = JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  const config = loadConfig(process.env, version);
  // SQLite's folder is checked before the bot's modules load (seconds on a busy machine), so a wrong DATA_DIR fails at once.
  const folderProblem = config.databaseUrl ? undefined : dataFolderProblem(config.dataDir);
  if (folderProblem) throw new StoreStartupError(folderProblem);
  // Requires, not imports, so the bot's modules load only once the data folder is known to work.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createLogger } = require('../platform/logger') as typeof LoggerModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { logWorkerLost, OffThreadIndexer } = require('../features/content/indexBuild') as typeof IndexBuildModule;
  const logger = createLogger(config.logLevel);
  // The index worker starts first and warms up from the built knowledge base while the rest loads, so the first publish after start is not a cold build.
  const knowledgeBuilder = new OffThreadIndexer(logWorkerLost(logger));
  knowledgeBuilder.warmFromBuiltFile(DEFAULT_KB_FILE);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createServices } = require('./services') as typeof ServicesModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createServer } = require('./server') as typeof ServerModule;
  const services = await createServices(config, { logger, knowledgeBuilder });
  await services.start();
  const server = createServer(services);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  logger.info(
    { port: address.port, entries: services.search.size, authority: config.authority ?? 'none', uptimeMs: Math.round(process.uptime() * 1000) },
    `listening on http://localhost:${address.port}/api/messages`,
  );
  // The name finder's library is not warmed here: it loads on the first scrub, which runs after a reply has gone, and warming it would hold up /healthz.
  const resumed = await services.briefings.resumeUnfinished();
  if (resumed) logger.info({ briefings: resumed }, 'finished queueing briefings interrupted by the last stop');
  for (const warning of services.roles.warnings()) logger.warn(warning);
  if (isLocalMode(config))
    logger.warn('local mode: no MicrosoftAppId set, so requests are not authenticated. Set the Bot Framework credentials before exposing this bot.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10000);
    force.unref();
    server.close(() => {
      services
        .close()
        .then(() => process.exit(0))
        .catch((err: unknown) => {
          logger.error({ err }, 'error while shutting down');
          process.exit(1);
        });
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  // Both name what is wrong and what to do; a stack trace would only bury that.
  if (err instanceof ConfigError || err instanceof StoreStartupError) console.error(err.message);
  else console.error('The bot could not start:', err);
  process.exit(1);
});
