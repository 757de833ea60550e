import { DateTime } from 'luxon';
import { Logger } from 'pino';
import { Request, Response, Server } from 'restify';
import { authorize, DirectLineError } from './directLineAuth';
import { DirectLineConversation, DirectLineConversations, newConversationId } from './directLineConversations';
import { DIRECT_LINE_PATH } from './directLinePath';
import { bearerToken, DirectLineTokenClaims, DirectLineTokens } from './directLineTokens';
import { streamUrl } from './directLineStream';
import { requestOrigin } from './requestOrigin';
import {
  Account,
  activityForBot,
  clientActivityId,
  clientActivityProblem,
  conversationStartActivity,
  MAX_CLIENT_ACTIVITY_BYTES,
  userActivity,
} from './webChatActivity';
import { anonymousUser } from './webChatUser';

/** What the built-in Direct Line routes need. */
export interface DirectLineRouteDependencies {
  conversations: DirectLineConversations;
  tokens: DirectLineTokens;
  /** Runs an activity through the CloudAdapter and the bot. */
  runTurn(activity: Record<string, unknown> & { type: string }): Promise<void>;
  bot: Account;
  /** The internal connector address bot turns reply through. */
  serviceUrl(): string;
  now: () => DateTime;
  logger: Logger;
}

const fail = (res: Response, error: DirectLineError): void => {
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  res.send(error.status, { error: { code: error.code, message: error.message } });
};

const notFound: DirectLineError = { status: 404, code: 'ConversationNotFound', message: 'There is no such conversation, or it has ended.' };

/** A query-string parameter (restify leaves the query unparsed unless a plugin parses it). */
function queryParam(req: Request, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get(name) ?? undefined;
}

/** The size of the request body as the client sent it. */
function bodyBytes(req: Request): number {
  const raw = (req as Request & { rawBody?: string | Buffer }).rawBody;
  if (typeof raw === 'string' || Buffer.isBuffer(raw)) return Buffer.byteLength(raw);
  return Buffer.byteLength(JSON.stringify(req.body ?? ''));
}

/**
 * The Direct Line 3.0 REST routes of the built-in endpoint: start (and reconnect to) a
 * conversation, post an activity, get activities since a watermark, refresh a token. Every route
 * but an anonymous start needs a token bound to the conversation. Errors are JSON in Azure's shape.
 */
export function registerDirectLineRoutes(server: Server, deps: DirectLineRouteDependencies): void {
  const { conversations, tokens, now, logger } = deps;
  const timestamp = (): string => now().toUTC().toISO()!;

  /** Checks the token and finds the conversation the route names. */
  const conversationFor = async (req: Request): Promise<{ conversation: DirectLineConversation; claims: DirectLineTokenClaims; token: string } | DirectLineError> => {
    const token = bearerToken(req.headers.authorization);
    const auth = await authorize(tokens, token, String(req.params.conversationId));
    if (!auth.ok) return auth.error;
    const conversation = conversations.find(auth.claims.conversationId);
    return conversation ? { conversation, claims: auth.claims, token: token! } : notFound;
  };

  const conversationInfo = (req: Request, conversation: DirectLineConversation, token: string, expiresIn: number, watermark?: string) => ({
    conversationId: conversation.id,
    token,
    expires_in: expiresIn,
    streamUrl: streamUrl(requestOrigin(req), conversation.id, token, watermark),
  });

  server.post(`${DIRECT_LINE_PATH}/conversations`, async (req: Request, res: Response) => {
    const token = bearerToken(req.headers.authorization);
    let conversationId: string;
    let user: Account;
    if (token) {
      const auth = await authorize(tokens, token);
      if (!auth.ok) return fail(res, auth.error);
      conversationId = auth.claims.conversationId;
      user = { id: auth.claims.userId, name: auth.claims.userName };
    } else {
      // No token: an anonymous conversation, as a local Direct Line lets any client start one.
      const body = req.body as { user?: { id?: unknown } } | undefined;
      conversationId = newConversationId();
      user = { id: anonymousUser(body?.user?.id).id };
    }
    const { conversation, created } = conversations.start(conversationId, user);
    const issued = await tokens.issue({ conversationId, userId: user.id, userName: user.name });
    if (created) {
      const start = conversationStartActivity(conversationId, user, deps.bot, deps.serviceUrl(), timestamp());
      await deps.runTurn(start).catch((err: unknown) => logger.error({ err }, 'web chat welcome turn failed'));
    }
    res.send(created ? 201 : 200, conversationInfo(req, conversation, issued.token, issued.expiresIn));
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const found = await conversationFor(req);
    if ('status' in found) return fail(res, found);
    const expiresIn = Math.max(0, (found.claims.expiresAt ?? 0) - Math.floor(now().toSeconds()));
    res.send(200, conversationInfo(req, found.conversation, found.token, expiresIn, queryParam(req, 'watermark')));
  });

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const found = await conversationFor(req);
    if ('status' in found) return fail(res, found);
    const { conversation } = found;
    if (bodyBytes(req) > MAX_CLIENT_ACTIVITY_BYTES) {
      return fail(res, { status: 413, code: 'ActivityTooLarge', message: `An activity may be at most ${MAX_CLIENT_ACTIVITY_BYTES / 1024} KB.` });
    }
    const problem = clientActivityProblem(req.body);
    if (problem) return fail(res, { status: 400, code: 'BadArgument', message: problem });
    const body = req.body as Record<string, unknown>;
    const clientId = clientActivityId(body);
    const earlier = conversations.resent(conversation, clientId);
    if (earlier) {
      res.send(200, { id: earlier });
      return;
    }
    const verdict = conversations.admit(conversation);
    if (!verdict.accepted) {
      return fail(res, {
        status: 429,
        code: 'Throttled',
        message: 'Too many activities in this conversation; wait and send again.',
        headers: { 'Retry-After': String(verdict.retryAfterSeconds) },
      });
    }
    const user: Account = { id: conversation.user.id, name: conversation.user.name };
    const stored = conversations.append(conversation, userActivity(body, conversation.id, user, timestamp()), { clientActivityId: clientId });
    try {
      await deps.runTurn(activityForBot(stored, deps.bot, deps.serviceUrl()));
    } catch (err) {
      logger.error({ err }, 'web chat turn failed');
      return fail(res, { status: 502, code: 'BotError', message: 'The bot could not process the activity.' });
    }
    res.send(200, { id: stored.id });
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const found = await conversationFor(req);
    if ('status' in found) return fail(res, found);
    res.send(200, conversations.since(found.conversation, queryParam(req, 'watermark')));
  });

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/upload`, async (req: Request, res: Response) => {
    const found = await conversationFor(req);
    if ('status' in found) return fail(res, found);
    fail(res, { status: 400, code: 'BadArgument', message: 'This bot does not accept file uploads.' });
  });

  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (req: Request, res: Response) => {
    const auth = await authorize(tokens, bearerToken(req.headers.authorization));
    if (!auth.ok) return fail(res, auth.error);
    const conversation = conversations.find(auth.claims.conversationId);
    if (!conversation) return fail(res, notFound);
    const issued = await tokens.issue({ conversationId: conversation.id, userId: auth.claims.userId, userName: auth.claims.userName });
    res.send(200, { conversationId: conversation.id, token: issued.token, expires_in: issued.expiresIn });
  });
}
