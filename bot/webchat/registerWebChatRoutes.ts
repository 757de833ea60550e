import { Server } from 'restify';
import type { Services } from '../services';
import { connectorServiceUrl, newConnectorKey, registerConnectorRoutes } from './connectorRoutes';
import { registerDirectLineRoutes } from './directLineRoutes';
import { attachDirectLineStream } from './directLineStream';
import { registerPageRoutes } from './pageRoutes';
import { registerTokenRoute } from './tokenRoute';
import { Account } from './webChatActivity';
import { WebChatTurns } from './webChatTurns';

/** The bot's account in built-in Direct Line conversations. */
const BOT_ID = 'staffbot';

/**
 * Adds web chat to the HTTP server: the chat page and its files, `/embed.js`, the token route, and
 * (in local mode without DIRECT_LINE_SECRET) the built-in Direct Line endpoint with its WebSocket
 * stream and the internal Bot Connector routes the bot replies through.
 */
export function registerWebChatRoutes(server: Server, services: Services): void {
  const { config, webChat, logger, now } = services;
  registerPageRoutes(server, config, webChat.mode);
  registerTokenRoute(server, { mode: webChat.mode, config: config.webChat, tokens: webChat.tokens, users: webChat.users, now, logger });
  if (webChat.mode === 'off') logger.warn('web chat is off: the bot has Bot Framework credentials but no DIRECT_LINE_SECRET');
  if (webChat.mode !== 'builtin') return;

  const bot: Account = { id: BOT_ID, name: config.botName };
  const key = newConnectorKey();
  const turns = new WebChatTurns({ adapter: services.adapter, bot: services.bot, logger, metrics: services.metrics });
  registerConnectorRoutes(server, key, { conversations: webChat.conversations, bot, now });
  registerDirectLineRoutes(server, {
    conversations: webChat.conversations,
    tokens: webChat.tokens,
    runTurn: (activity) => turns.run(activity),
    bot,
    serviceUrl: () => connectorServiceUrl(server.address(), key),
    now,
    logger,
  });
  const stream = attachDirectLineStream(server.server, { conversations: webChat.conversations, tokens: webChat.tokens, logger });

  // Node's close() waits for every open socket, and a browser keeps its Web Chat stream open for
  // as long as the page is, so closing the server first ends the streams.
  const close = server.close.bind(server);
  server.close = ((...args: Parameters<Server['close']>) => {
    stream.close();
    return close(...args);
  }) as Server['close'];
}
