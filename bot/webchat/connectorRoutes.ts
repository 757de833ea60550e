import crypto from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Request, Response, Server } from 'restify';
import { DateTime } from 'luxon';
import { DirectLineConversations } from './directLineConversations';
import { Account, botActivity } from './webChatActivity';

/** Where the internal connector routes live; the key segment keeps everyone but this process out. */
const PREFIX = '/directline/connector';

/** What the internal connector needs. */
export interface ConnectorRouteDependencies {
  conversations: DirectLineConversations;
  bot: Account;
  now: () => DateTime;
}

/** A random key for the internal connector's URL, made once per process. */
export const newConnectorKey = (): string => crypto.randomBytes(32).toString('base64url');

/**
 * The serviceUrl built-in Direct Line activities carry: this server's own address (loopback when
 * it listens on every interface) and the internal connector's secret path.
 */
export function connectorServiceUrl(address: AddressInfo | string | null, key: string): string {
  if (!address || typeof address === 'string') throw new Error('the server is not listening on a TCP port');
  const unspecified = address.address === '0.0.0.0' || address.address === '::' || address.address === '';
  const host = unspecified ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}${PREFIX}/${key}/`;
}

const keyMatches = (given: unknown, key: string): boolean => {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};

const refuse = (res: Response, status: number, code: string, message: string): void => {
  res.send(status, { error: { code, message } });
};

/**
 * The few Bot Connector routes a bot may call in a built-in Direct Line conversation outside the
 * replies its turns hand back: send and reply add the bot's activity with the next watermark;
 * update and delete are refused as Azure's Direct Line channel refuses them, so the bot behaves
 * the same locally and in production.
 */
export function registerConnectorRoutes(server: Server, key: string, deps: ConnectorRouteDependencies): void {
  const { conversations, bot, now } = deps;
  const activities = `${PREFIX}/:key/v3/conversations/:conversationId/activities`;

  const send = async (req: Request, res: Response): Promise<void> => {
    if (!keyMatches(req.params.key, key)) return refuse(res, 404, 'NotFound', 'No such route.');
    const conversationId = String(req.params.conversationId);
    const body = req.body as unknown;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return refuse(res, 400, 'BadArgument', 'The body must be an activity.');
    const replyToId = typeof req.params.activityId === 'string' ? req.params.activityId : undefined;
    const stored = await conversations.appendFromBot(conversationId, [
      botActivity(body as Record<string, unknown>, conversationId, bot, now().toUTC().toISO()!, replyToId),
    ]);
    if (!stored) return refuse(res, 404, 'ConversationNotFound', 'The conversation has ended.');
    res.send(200, { id: stored[0]?.id ?? `${conversationId}|typing` });
  };
  const unsupported = async (req: Request, res: Response): Promise<void> => {
    if (!keyMatches(req.params.key, key)) return refuse(res, 404, 'NotFound', 'No such route.');
    refuse(res, 405, 'BadArgument', 'Web chat cannot update or delete an activity once it is sent.');
  };

  server.post(activities, send);
  server.post(`${activities}/:activityId`, send);
  server.put(`${activities}/:activityId`, unsupported);
  server.del(`${activities}/:activityId`, unsupported);
}
