import restify, { Request, RequestHandler, Response, Server } from 'restify';
import { isLocalMode } from '../platform/botFrameworkSettings';
import { activityBodyProblem, isAllowedLocalServiceUrl } from '../platform/http/activityBody';
import { processBotRequest } from './botEndpoint';
import { checkMetricsAccess } from '../platform/http/metricsAccess';
import { runLoggedTurn } from './loggedTurn';
import { registerDashboardRoutes } from '../dashboard/registerDashboardRoutes';
import { keepCsvAsText } from '../platform/http/csvBody';
import { registerFeatureRoutes } from './featureRoutes';
import { registerPolicyRoutes } from '../webchat/policyRoutes';
import type { Services } from './services';
import { checkDatabase } from '../platform/store/databaseHealth';
import { registerWebChatRoutes } from '../webchat/registerWebChatRoutes';

/** Largest activity accepted on /api/messages; Teams activities are far smaller. */
const MAX_ACTIVITY_BYTES = 256 * 1024;

/** Builds the HTTP server: the Bot Framework endpoint, health and metrics. Routes only. */
export function createServer(services: Services): Server {
  const { adapter, bot, logger, metrics, config, search } = services;
  const server = restify.createServer({ name: config.botName, handleUncaughtExceptions: false });
  server.use(keepCsvAsText(restify.plugins.bodyParser({ maxBodySize: MAX_ACTIVITY_BYTES, mapParams: false }) as RequestHandler[]));

  server.post('/api/messages', async (req: Request, res: Response) => {
    const problem = activityBodyProblem(req.body);
    if (problem) {
      res.send(400, { error: 'BadRequest', message: problem });
      return;
    }
    if (isLocalMode(config) && !isAllowedLocalServiceUrl((req.body as { serviceUrl?: unknown }).serviceUrl, config.localServiceUrlHosts)) {
      res.send(400, { error: 'BadRequest', message: 'in local mode replies only go to a loopback serviceUrl or a host in LOCAL_SERVICE_URL_HOSTS' });
      return;
    }
    const activity = req.body as { type: string; channelId?: string; text?: string };
    await runLoggedTurn(
      { bot, logger, metrics },
      activity,
      (logic) => processBotRequest(adapter, req, res, logic, { logger, authenticated: !isLocalMode(config) }),
      () => ({ status: res.statusCode }),
    );
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    try {
      await checkDatabase(services.database.db);
    } catch (err) {
      logger.error({ err: { message: (err as Error).message } }, 'health check: the database did not answer');
      res.send(503, { status: 'unavailable', version: config.version, database: services.database.engine, problem: 'the database did not answer' });
      return;
    }
    res.send(200, { status: 'ok', version: config.version, knowledgeBase: { entries: search.size }, database: services.database.engine });
  });

  server.get('/metrics', async (req: Request, res: Response) => {
    const refusal = checkMetricsAccess({ token: config.metricsToken, localMode: isLocalMode(config) }, req.header('authorization'));
    if (refusal) {
      res.send(refusal.status, refusal.body);
      return;
    }
    const body = await metrics.registry.metrics();
    res.setHeader('content-type', metrics.registry.contentType);
    res.sendRaw(200, body);
  });

  registerFeatureRoutes(server, services);

  registerWebChatRoutes(server, services);

  registerDashboardRoutes(server, services);

  registerPolicyRoutes(server, config);

  return server;
}
