import http, { IncomingMessage } from 'node:http';
import { Duplex } from 'node:stream';
import { Logger } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import { authorize, DirectLineError } from './directLineAuth';
import { DirectLineConversations } from './directLineConversations';
import { DIRECT_LINE_PATH } from './directLinePath';
import { DirectLineTokens } from './directLineTokens';
import { RequestOrigin } from './requestOrigin';

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_PATH}/conversations/([^/]+)/stream$`);

/** Clients only send empty keep-alive messages; anything bigger is not Direct Line. */
const MAX_CLIENT_MESSAGE_BYTES = 1024;

/** The WebSocket URL that streams a conversation's activities, as Direct Line's `streamUrl`. */
export function streamUrl(origin: RequestOrigin, conversationId: string, token: string, watermark?: string): string {
  const query = new URLSearchParams({ t: token });
  if (watermark) query.set('watermark', watermark);
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
}

/**
 * Direct Line's WebSocket stream for the built-in endpoint: after the token is checked, sends the
 * activities since the watermark, then each new one as it is added, as `{ activities, watermark }`.
 * Returns a close function that ends every stream, which the HTTP server's close waits for.
 */
export function attachDirectLineStream(server: http.Server, deps: DirectLineStreamDependencies): { close(): void } {
  const { conversations, tokens, logger } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES });

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    // This server has no other WebSockets, so any other upgrade is answered rather than left hanging.
    if (!match) return refuseUpgrade(socket, { status: 404, code: 'NotFound', message: 'No WebSocket here.' });
    const conversationId = decodeURIComponent(match[1]);
    const auth = await authorize(tokens, url.searchParams.get('t') ?? undefined, conversationId);
    if (!auth.ok) return refuseUpgrade(socket, auth.error);
    if (!conversations.find(conversationId)) {
      return refuseUpgrade(socket, { status: 404, code: 'ConversationNotFound', message: 'There is no such conversation, or it has ended.' });
    }
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const conversation = conversations.find(conversationId);
      if (!conversation) return ws.close(1000, 'conversation ended');
      const send = (payload: unknown) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
      };
      const backlog = conversations.since(conversation, url.searchParams.get('watermark') ?? undefined);
      if (backlog.activities.length) send(backlog);
      const stop = conversations.listen(conversation, { activities: send, ended: () => ws.close(1000, 'conversation ended') });
      // Web Chat pings with empty messages; each one keeps an open page's conversation from expiring.
      ws.on('message', () => void conversations.find(conversationId));
      ws.on('close', stop);
      ws.on('error', (err) => {
        logger.debug({ err }, 'web chat stream error');
        stop();
      });
    });
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
