import { Request, Response, Server } from 'restify';
import { isSafeguardingConcern } from '../features/safeguarding/concernDetector';
import { activityReportsConcern } from '../features/safeguarding/submittedTexts';
import type { Services } from '../app/services';
import { connectorServiceUrl, newConnectorKey, registerConnectorRoutes } from './connectorRoutes';
import { registerDirectLineRoutes } from './directLineRoutes';
import { DIRECT_LINE_PATH } from './directLinePath';
import { attachDirectLineStream } from './directLineStream';
import { registerPageRoutes } from './pageRoutes';
import { registerTokenRoute } from './tokenRoute';
import { Account, botActivity } from './webChatActivity';
import { WebChatTurns } from './webChatTurns';

/** The bot's account in built-in Direct Line conversations. */
const BOT_ID = 'staffbot';

/**
 * Gives restify's own errors on Direct Line routes (unknown route, wrong method, a body that is
 * not JSON or too big) Direct Line's shape, `{ error: { code, message } }`, as every other error there has.
 */
function directLineErrorShape(server: Server): void {
  server.on(
    'restifyError',
    (req: Request, _res: Response, err: Error & { body?: { code?: string; message?: string }; toJSON?: () => unknown }, callback: () => void) => {
      if ((req.url ?? '').startsWith(`${DIRECT_LINE_PATH}/`)) {
        const code = err.body?.code ?? err.name ?? 'Error';
        const message = err.body?.message ?? err.message;
        err.toJSON = () => ({ error: { code, message } });
      }
      return callback();
    },
  );
}

/**
 * Adds web chat to the HTTP server: the chat page and its files, `/embed.js`, the token route, and
 * (in local mode without DIRECT_LINE_SECRET) the built-in Direct Line endpoint with its WebSocket
 * stream and the internal Bot Connector routes.
 */
export function registerWebChatRoutes(server: Server, services: Services): void {
  const { config, webChat, logger, now } = services;
  registerPageRoutes(server, config, webChat.mode);
  registerTokenRoute(server, {
    mode: webChat.mode,
    config: config.webChat,
    tokens: webChat.tokens,
    conversations: webChat.conversations,
    users: webChat.users,
    now,
    logger,
  });
  if (webChat.mode === 'off') logger.warn('web chat is off: the bot has Bot Framework credentials but no DIRECT_LINE_SECRET');
  if (webChat.mode !== 'builtin') return;

  directLineErrorShape(server);
  const bot: Account = { id: BOT_ID, name: config.botName };
  const key = newConnectorKey();
  let serviceUrl: string | undefined;
  const { conversations } = webChat;
  const turns = new WebChatTurns({
    adapter: services.adapter,
    bot: services.bot,
    logger,
    metrics: services.metrics,
    deliver: async (conversationId, replies) => {
      const at = now().toUTC().toISO()!;
      const stored = await conversations.appendFromBot(
        conversationId,
        replies.map((reply) => botActivity(reply, conversationId, bot, at)),
      );
      if (!stored) logger.warn({ replies: replies.length }, 'web chat conversation ended before its replies could be kept');
    },
  });
  registerConnectorRoutes(server, key, { conversations, bot, now });
  registerDirectLineRoutes(server, {
    conversations,
    tokens: webChat.tokens,
    reportsConcern: (activity) => activityReportsConcern(activity, isSafeguardingConcern),
    runTurn: (activity) => turns.run(activity),
    bot,
    // Worked out once, from the first request on: a server that is closing no longer has an address.
    serviceUrl: () => (serviceUrl ??= connectorServiceUrl(server.address(), key)),
    now,
    logger,
  });
  const stream = attachDirectLineStream(server.server, {
    conversations,
    tokens: webChat.tokens,
    logger,
    now,
    keepAliveMs: config.webChat.keepAliveSeconds * 1000,
  });

  // Node's close() waits for every open socket, and a browser keeps its Web Chat stream open for
  // as long as the page is, so closing the server first ends the streams. Turns under way finish
  // (their replies need no new connection) before the services close the database.
  const close = server.close.bind(server);
  server.close = ((...args: Parameters<Server['close']>) => {
    stream.close();
    return close(...args);
  }) as Server['close'];
}
