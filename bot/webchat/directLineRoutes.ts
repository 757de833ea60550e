import { DateTime } from 'luxon';
import { Logger } from 'pino';
import { Request, Response, Server } from 'restify';
import { authorize, DirectLineError } from './directLineAuth';
import { DirectLineConversations } from './directLineConversations';
import { DIRECT_LINE_PATH } from './directLinePath';
import { REDACTED_TEXT, StoredConversation } from './directLineStore';
import { bearerToken } from '../platform/http/bearerToken';
import { DirectLineTokenClaims, DirectLineTokens } from './directLineTokens';
import { streamUrl } from './directLineStream';
import { requestOrigin } from '../platform/http/requestOrigin';
import { BAD_WATERMARK, parseWatermark } from './watermark';
import {
  Account,
  activityForBot,
  clientActivityId,
  clientActivityProblem,
  conversationStartActivity,
  MAX_CLIENT_ACTIVITY_BYTES,
  userActivity,
} from './webChatActivity';

/** What the built-in Direct Line routes need. */
export interface DirectLineRouteDependencies {
  conversations: DirectLineConversations;
  tokens: DirectLineTokens;
  /** Whether an activity's words report a safeguarding concern, so the kept copy is redacted before the bot answers. */
  reportsConcern(activity: { text?: unknown; value?: unknown }): boolean;
  /** Runs an activity through the CloudAdapter and the bot, and stores the replies. */
  runTurn(activity: Record<string, unknown> & { type: string }): Promise<void>;
  bot: Account;
  /** The internal connector address bot turns carry (for the updates and deletes it refuses). */
  serviceUrl(): string;
  now: () => DateTime;
  logger: Logger;
}

/** Sends a Direct Line error: `{ error: { code, message } }` with its status and headers. */
export function sendDirectLineError(res: Response, error: DirectLineError): void {
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  res.send(error.status, { error: { code: error.code, message: error.message } });
}

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
 * conversation, post an activity, get activities since a watermark, refresh a token. Starting
 * needs the start credential the page's token route hands out (or a conversation token, to
 * rejoin); every other route needs a token bound to the conversation. Conversations live in the
 * shared store, so any replica, or this one after a restart, serves any conversation. Errors are
 * JSON in Azure's shape.
 */
export function registerDirectLineRoutes(server: Server, deps: DirectLineRouteDependencies): void {
  const { conversations, tokens, now, logger } = deps;
  const timestamp = (): string => now().toUTC().toISO()!;

  /** Checks the token and finds the conversation the route names. */
  const conversationFor = async (req: Request): Promise<{ conversation: StoredConversation; claims: DirectLineTokenClaims } | DirectLineError> => {
    const auth = await authorize(tokens, bearerToken(req.headers.authorization), String(req.params.conversationId));
    if (!auth.ok) return auth.error;
    const conversation = await conversations.find(auth.claims.conversationId);
    return conversation ? { conversation, claims: auth.claims } : notFound;
  };

  /** What start and reconnect answer: a fresh conversation token and a stream URL from the watermark. */
  const conversationInfo = async (req: Request, conversation: StoredConversation, watermark?: number) => {
    const issued = await tokens.issue({ conversationId: conversation.id, userId: conversation.user.id, userName: conversation.user.name });
    return {
      conversationId: conversation.id,
      token: issued.token,
      expires_in: issued.expiresIn,
      streamUrl: streamUrl(requestOrigin(req), conversation.id, issued.token, watermark),
    };
  };

  server.post(`${DIRECT_LINE_PATH}/conversations`, async (req: Request, res: Response) => {
    const auth = await authorize(tokens, bearerToken(req.headers.authorization), undefined, ['start', 'conversation']);
    if (!auth.ok) return sendDirectLineError(res, auth.error);
    const { claims } = auth;
    const user = {
      id: claims.userId,
      ...(claims.userName ? { name: claims.userName } : {}),
      ...(claims.userEmail ? { email: claims.userEmail } : {}),
      ...(claims.userOid ? { oid: claims.userOid } : {}),
    };
    const { conversation, created } = await conversations.start(claims.conversationId, user);
    if (created) {
      const start = conversationStartActivity(conversation.id, { id: user.id, name: user.name }, deps.bot, deps.serviceUrl(), timestamp());
      await deps.runTurn(start).catch((err: unknown) => logger.error({ err }, 'web chat welcome turn failed'));
    }
    res.send(created ? 201 : 200, await conversationInfo(req, conversation));
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const from = parseWatermark(queryParam(req, 'watermark'));
    if (!from.ok) return sendDirectLineError(res, BAD_WATERMARK);
    const found = await conversationFor(req);
    if ('status' in found) return sendDirectLineError(res, found);
    // A fresh token: a client whose stream closed as its token neared expiry carries on with this one.
    res.send(200, await conversationInfo(req, found.conversation, from.watermark));
  });

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const found = await conversationFor(req);
    if ('status' in found) return sendDirectLineError(res, found);
    const { conversation } = found;
    if (bodyBytes(req) > MAX_CLIENT_ACTIVITY_BYTES) {
      return sendDirectLineError(res, { status: 413, code: 'ActivityTooLarge', message: `An activity may be at most ${MAX_CLIENT_ACTIVITY_BYTES / 1024} KB.` });
    }
    const problem = clientActivityProblem(req.body);
    if (problem) return sendDirectLineError(res, { status: 400, code: 'BadArgument', message: problem });
    const body = req.body as Record<string, unknown>;
    // Typing is neither stored nor passed to the bot, so it costs nothing and cannot flood anything.
    if (body.type === 'typing') {
      res.send(200, { id: `${conversation.id}|typing` });
      return;
    }
    const user: Account = { id: conversation.user.id, name: conversation.user.name };
    const clientId = clientActivityId(body);
    const appended = await conversations.appendFromClient(conversation.id, userActivity(body, conversation.id, user, timestamp()), clientId);
    if (appended.outcome === 'gone') return sendDirectLineError(res, notFound);
    if (appended.outcome === 'resent' && appended.handled) {
      res.send(200, { id: appended.id });
      return;
    }
    if (appended.outcome === 'throttled') {
      return sendDirectLineError(res, {
        status: 429,
        code: 'Throttled',
        message: 'Too many activities in this conversation; wait and send again.',
        headers: { 'Retry-After': String(appended.retryAfterSeconds) },
      });
    }
    // Nothing a concern says is kept (the client already shows its own copy): redacted before the turn, so a crash mid-turn keeps nothing either.
    if (appended.outcome === 'appended' && deps.reportsConcern({ text: appended.activity.text, value: appended.activity.value }))
      await conversations.redact(conversation.id, appended.activity.id!);
    // A resend whose first attempt never finished its turn (its process stopped, or the bot failed) is answered now, from the words posted again if the kept copy was redacted.
    const toRun =
      appended.outcome === 'resent' && appended.activity.text === REDACTED_TEXT
        ? { ...userActivity(body, conversation.id, user, timestamp()), id: appended.id }
        : appended.activity;
    try {
      await deps.runTurn(activityForBot(toRun, deps.bot, deps.serviceUrl()));
    } catch (err) {
      logger.error({ err }, 'web chat turn failed');
      return sendDirectLineError(res, { status: 502, code: 'BotError', message: 'The bot could not process the activity.' });
    }
    if (clientId)
      await conversations.markHandled(conversation.id, clientId).catch((err: unknown) => logger.warn({ err }, 'web chat could not mark an activity handled'));
    res.send(200, { id: appended.activity.id });
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const from = parseWatermark(queryParam(req, 'watermark'));
    if (!from.ok) return sendDirectLineError(res, BAD_WATERMARK);
    const found = await conversationFor(req);
    if ('status' in found) return sendDirectLineError(res, found);
    // Most polls find nothing new: the conversation just read says so without a second query. A
    // watermark never goes back (that would send activities twice), even if this replica's copy
    // of the conversation is a moment behind another's appends.
    if (from.watermark >= found.conversation.lastSeq) {
      res.send(200, { activities: [], watermark: String(from.watermark) });
      return;
    }
    const set = await conversations.since(found.conversation.id, from.watermark);
    if (!set) return sendDirectLineError(res, notFound);
    res.send(200, { ...set, watermark: String(Math.max(from.watermark, Number(set.watermark))) });
  });

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/upload`, async (req: Request, res: Response) => {
    const found = await conversationFor(req);
    if ('status' in found) return sendDirectLineError(res, found);
    sendDirectLineError(res, { status: 400, code: 'BadArgument', message: 'This bot does not accept file uploads.' });
  });

  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (req: Request, res: Response) => {
    const auth = await authorize(tokens, bearerToken(req.headers.authorization));
    if (!auth.ok) return sendDirectLineError(res, auth.error);
    const conversation = await conversations.find(auth.claims.conversationId);
    if (!conversation) return sendDirectLineError(res, notFound);
    const issued = await tokens.issue({ conversationId: conversation.id, userId: conversation.user.id, userName: conversation.user.name });
    res.send(200, { conversationId: conversation.id, token: issued.token, expires_in: issued.expiresIn });
  });
}
