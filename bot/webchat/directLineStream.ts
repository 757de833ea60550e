import http, { IncomingMessage } from 'node:http';
import { Duplex } from 'node:stream';
import { DateTime } from 'luxon';
import { Logger } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import { FeedEvent } from './activityFeed';
import { authorize, DirectLineError } from './directLineAuth';
import { DirectLineConversations } from './directLineConversations';
import { DIRECT_LINE_PATH } from './directLinePath';
import { DirectLineTokens } from './directLineTokens';
import { RequestOrigin } from '../platform/http/requestOrigin';
import { BAD_WATERMARK, parseWatermark } from './watermark';

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_PATH}/conversations/([^/]+)/stream$`);

/** Clients only send empty keep-alive messages; anything bigger is not Direct Line. */
const MAX_CLIENT_MESSAGE_BYTES = 1024;

/** Live streams per conversation in one process; a new one beyond this closes the oldest. */
const MAX_STREAMS_PER_CONVERSATION = 4;

/** How long before its token expires a stream closes, at most: time for the client to reconnect (Web Chat waits 3–15 s) while its token still works. */
const RECONNECT_MARGIN_MS = 60_000;

/** How often an open stream marks its conversation as in use, so an open page is never purged as idle. */
const TOUCH_EVERY_MS = 60_000;

/** The WebSocket URL that streams a conversation's activities, as Direct Line's `streamUrl`. */
export function streamUrl(origin: RequestOrigin, conversationId: string, token: string, watermark?: number): string {
  const query = new URLSearchParams({ t: token });
  if (watermark) query.set('watermark', String(watermark));
  return `${origin.ws}${DIRECT_LINE_PATH}/conversations/${encodeURIComponent(conversationId)}/stream?${query}`;
}

/** Answers an upgrade request with an HTTP error in Direct Line's JSON shape and closes the socket. */
function refuseUpgrade(socket: Duplex, error: Pick<DirectLineError, 'status' | 'code' | 'message'>): void {
  const body = JSON.stringify({ error: { code: error.code, message: error.message } });
  socket.end(
    `HTTP/1.1 ${error.status} ${http.STATUS_CODES[error.status] ?? ''}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** What the stream needs. */
export interface DirectLineStreamDependencies {
  conversations: DirectLineConversations;
  tokens: DirectLineTokens;
  logger: Logger;
  now: () => DateTime;
  /** How often each stream sends a keep-alive, checks its client is there and its token still good. */
  keepAliveMs: number;
}

/**
 * Direct Line's WebSocket stream for the built-in endpoint. After the token is checked it sends
 * the activities since the watermark, then whatever the shared store gains, whichever replica
 * added it: the feed only wakes the stream, which reads from its own watermark, so nothing is
 * lost or sent twice. It sends keep-alives, drops clients that stopped answering, and closes
 * shortly before its token expires, so the client reconnects (and gets a fresh token) in time.
 * Returns a close function that ends every stream, which the HTTP server's close waits for.
 */
export function attachDirectLineStream(server: http.Server, deps: DirectLineStreamDependencies): { close(): void } {
  const { conversations, tokens, logger } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES });
  const open = new Map<string, WebSocket[]>();

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    // This server has no other WebSockets, so any other upgrade is answered rather than left hanging.
    if (!match) return refuseUpgrade(socket, { status: 404, code: 'NotFound', message: 'No WebSocket here.' });
    const conversationId = decodeURIComponent(match[1]);
    const from = parseWatermark(url.searchParams.get('watermark'));
    if (!from.ok) return refuseUpgrade(socket, BAD_WATERMARK);
    const auth = await authorize(tokens, url.searchParams.get('t') ?? undefined, conversationId);
    if (!auth.ok) return refuseUpgrade(socket, auth.error);
    if (!(await conversations.find(conversationId))) {
      return refuseUpgrade(socket, { status: 404, code: 'ConversationNotFound', message: 'There is no such conversation, or it has ended.' });
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const others = open.get(conversationId) ?? [];
      open.set(conversationId, [...others, ws]);
      while (open.get(conversationId)!.length > MAX_STREAMS_PER_CONVERSATION) open.get(conversationId)!.shift()!.close(1000, 'too many streams');
      follow(ws, conversationId, from.watermark, (auth.claims.expiresAt ?? 0) * 1000);
    });
  };

  /** Sends the conversation's activities from `watermark` on, until the socket closes. */
  const follow = (ws: WebSocket, conversationId: string, watermark: number, expiresAtMs: number): void => {
    let reading = false;
    let again = false;
    let alive = true;
    let lastTouchMs = deps.now().toMillis();
    const send = (payload: unknown): void => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
    };
    const catchUp = async (): Promise<void> => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          const set = await conversations.since(conversationId, watermark);
          if (!set) return ws.close(1000, 'conversation ended');
          if (set.activities.length && ws.readyState === WebSocket.OPEN) send(set);
          watermark = Math.max(watermark, Number(set.watermark));
        } while (again && ws.readyState === WebSocket.OPEN);
      } catch (err) {
        // The next event or keep-alive reads again from the same watermark.
        logger.warn({ err }, 'web chat stream could not read new activities');
      } finally {
        reading = false;
      }
    };
    const onEvent = (event: FeedEvent): void => {
      if (event.kind === 'ephemeral') send({ activities: [event.activity] });
      else if (event.kind === 'resync' || event.watermark > watermark) void catchUp();
    };
    const stopFollowing = conversations.follow(conversationId, onEvent);

    const lifetimeMs = tokens.lifetimeSeconds * 1000;
    const closeAtMs = expiresAtMs - Math.min(RECONNECT_MARGIN_MS, lifetimeMs / 2) - deps.keepAliveMs;
    const tick = (): void => {
      if (!alive) return ws.terminate();
      const nowMs = deps.now().toMillis();
      if (nowMs >= closeAtMs) return ws.close(1000, 'token expiring: reconnect');
      alive = false;
      ws.ping();
      // An empty message, as Direct Line sends, keeps proxies from closing a quiet stream; clients ignore it.
      if (ws.readyState === WebSocket.OPEN) ws.send('');
      if (nowMs - lastTouchMs >= TOUCH_EVERY_MS) {
        lastTouchMs = nowMs;
        conversations.touch(conversationId).catch((err: unknown) => logger.warn({ err }, 'web chat could not mark a conversation in use'));
      }
      // A safety net: anything a lost notification left behind goes out now.
      void catchUp();
    };
    const timer = setInterval(tick, deps.keepAliveMs);
    timer.unref();

    ws.on('pong', () => (alive = true));
    ws.on('message', () => (alive = true));
    const stop = (): void => {
      clearInterval(timer);
      stopFollowing();
      const remaining = (open.get(conversationId) ?? []).filter((other) => other !== ws);
      if (remaining.length) open.set(conversationId, remaining);
      else open.delete(conversationId);
    };
    ws.on('close', stop);
    ws.on('error', (err) => {
      logger.debug({ err }, 'web chat stream error');
      stop();
    });
    void catchUp();
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    upgrade(req, socket, head).catch((err: unknown) => {
      logger.error({ err }, 'web chat stream upgrade failed');
      socket.destroy();
    });
  };
  server.on('upgrade', onUpgrade);

  return {
    close(): void {
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
