import { DateTime } from 'luxon';
import { Logger } from 'pino';
import { Request, Response, Server } from 'restify';
import { Config } from '../platform/config';
import { DIRECT_LINE_PATH } from './directLinePath';
import { newConversationId } from './directLineStore';
import { clientAddress } from './clientAddress';
import { DirectLineConversations } from './directLineConversations';
import { DirectLineTokens } from './directLineTokens';
import { exchangeDirectLineSecret, TokenExchangeError } from './tokenExchange';
import { verifyUserToken } from './userToken';
import { VerifiedUsers } from './verifiedUsers';
import { WebChatMode } from './webChatMode';
import { anonymousUser, WebChatUser } from './webChatUser';

/** The route the page asks for a Direct Line token. */
export const TOKEN_ROUTE = '/api/directline/token';

/** What the page gets: a token, where to use it, and who it is for. */
export interface WebChatTokenResponse {
  token: string;
  conversationId: string;
  expiresIn: number;
  /** Direct Line's base URL for Web Chat's `domain` (a path on this server for the built-in endpoint). */
  domain: string;
  user: { id: string; name?: string; verified: boolean };
}

/** What the token route needs. */
export interface TokenRouteDependencies {
  mode: WebChatMode;
  config: Config['webChat'];
  tokens: DirectLineTokens;
  /** Where the per-address limit on new chats is counted, shared by every replica. */
  conversations: DirectLineConversations;
  users: VerifiedUsers;
  now: () => DateTime;
  logger: Logger;
}

const refuse = (res: Response, status: number, code: string, message: string): void => {
  res.setHeader('cache-control', 'no-store');
  res.send(status, { error: { code, message } });
};

/**
 * `POST /api/directline/token`: works out who is asking (a signed user token, or the anonymous
 * id the browser kept), then gets a Direct Line token for them: from Azure with the secret, which
 * stays on the server, or from the built-in endpoint, a short-lived credential that can start
 * one conversation and nothing else. Each client address may start WEBCHAT_STARTS_PER_MINUTE
 * chats a minute (429 with Retry-After beyond), counted across replicas, so nobody can start
 * conversations by the thousand. A bad or expired user token is refused with a message the page
 * shows before it carries on anonymously.
 */
export function registerTokenRoute(server: Server, deps: TokenRouteDependencies): void {
  const { mode, config, tokens, conversations, users, now, logger } = deps;

  server.post(TOKEN_ROUTE, async (req: Request, res: Response) => {
    if (mode === 'off') {
      return refuse(res, 503, 'WebChatNotConfigured', 'Web chat is not set up on this server: set DIRECT_LINE_SECRET to use Azure Direct Line.');
    }
    const verdict = await conversations.take(`start:${clientAddress(req, config.proxyHops)}`, { max: config.startsPerMinute, windowMs: 60_000 });
    if (!verdict.accepted) {
      res.setHeader('retry-after', String(verdict.retryAfterSeconds));
      return refuse(
        res,
        429,
        'TooManyChats',
        `Too many chats have been started from your network just now. Please try again in ${verdict.retryAfterSeconds} seconds.`,
      );
    }
    const body = (req.body ?? {}) as { userToken?: unknown; userId?: unknown };
    let user: WebChatUser;
    if (typeof body.userToken === 'string' && body.userToken) {
      const check = await verifyUserToken(body.userToken, config.userTokenSecret, now);
      if (!check.ok) return refuse(res, 401, check.error, check.message);
      user = check.user;
      users.remember(user);
    } else {
      user = anonymousUser(body.userId);
    }

    let reply: WebChatTokenResponse;
    if (mode === 'azure') {
      try {
        const exchanged = await exchangeDirectLineSecret(config.directLineEndpoint, config.directLineSecret!, user);
        reply = { ...exchanged, domain: `${config.directLineEndpoint}${DIRECT_LINE_PATH}`, user: publicUser(user) };
      } catch (err) {
        logger.error(
          { status: err instanceof TokenExchangeError ? err.status : undefined, message: (err as Error).message },
          'Direct Line token exchange failed',
        );
        return refuse(res, 502, 'DirectLineUnavailable', 'Web chat is not available right now. Please try again in a few minutes.');
      }
    } else {
      const conversationId = newConversationId();
      const issued = await tokens.issueStart({ conversationId, userId: user.id, userName: user.name, userEmail: user.email, userOid: user.oid });
      reply = { token: issued.token, conversationId, expiresIn: issued.expiresIn, domain: DIRECT_LINE_PATH, user: publicUser(user) };
    }
    res.setHeader('cache-control', 'no-store');
    res.send(200, reply);
  });
}

/** The user as the page may see them (no email: the page has no use for it). */
const publicUser = (user: WebChatUser): WebChatTokenResponse['user'] => ({
  id: user.id,
  ...(user.name ? { name: user.name } : {}),
  verified: user.verified,
});
