import http from 'node:http';
import { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { HttpConnectorSender, toActivity } from '../../../../bot/platform/delivery/connectorSender';

/** A connector stand-in whose answer each test decides; it records what it was sent. */
async function standIn(answer: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void) {
  const seen: { method: string; url: string; body: string; auth?: string; socket: number }[] = [];
  const sockets = new Map<unknown, number>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (!sockets.has(req.socket)) sockets.set(req.socket, sockets.size);
      seen.push({ method: req.method!, url: req.url!, body, auth: req.headers.authorization, socket: sockets.get(req.socket)! });
      answer(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Answers without chaining, since restify (loaded by neighbouring tests) changes what writeHead returns. */
function reply(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}

describe('HttpConnectorSender', () => {
  it('posts the activity with the token and reads the new id, reusing one kept-alive socket', async () => {
    const connector = await standIn((_req, _body, res) => reply(res, 201, '{"id":"act-1"}'));
    const sender = new HttpConnectorSender(async () => 'tok');
    try {
      for (let i = 0; i < 3; i++) {
        const outcome = await sender.send({ serviceUrl: connector.url, conversationId: 'a:1' }, { text: `hello ${i}` });
        expect(outcome).to.deep.equal({ ok: true, activityId: 'act-1' });
      }
      expect(connector.seen.map((s) => [s.method, s.url, s.auth])).to.deep.equal(Array(3).fill(['POST', '/v3/conversations/a%3A1/activities', 'Bearer tok']));
      expect(JSON.parse(connector.seen[2].body)).to.include({ text: 'hello 2' });
      expect(new Set(connector.seen.map((s) => s.socket)).size).to.equal(1);
    } finally {
      await connector.close();
    }
  });

  it('turns an outgoing message into the message activity the connector expects, on send and on update', async () => {
    const connector = await standIn((_req, _body, res) => reply(res, 201, '{"id":"act-1"}'));
    const sender = new HttpConnectorSender(async () => undefined);
    const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [] } };
    try {
      await sender.send({ serviceUrl: connector.url, conversationId: 'a:1' }, { attachments: [card], summary: 'New briefing' });
      await sender.update({ serviceUrl: connector.url, conversationId: 'a:1' }, 'act-1', { summary: 'Cut', text: 'Too long', textFormat: 'plain' });
      // Compared as written, so the JSON on the wire (fields and their order) stays what the engine sent as activities.
      expect(connector.seen[0].body).to.equal(JSON.stringify({ type: 'message', attachments: [card], summary: 'New briefing', conversation: { id: 'a:1' } }));
      expect(connector.seen[1].body).to.equal(
        JSON.stringify({ type: 'message', summary: 'Cut', text: 'Too long', textFormat: 'plain', id: 'act-1', conversation: { id: 'a:1' } }),
      );
      expect(toActivity({ text: 'hi' })).to.deep.equal({ type: 'message', text: 'hi' });
    } finally {
      await connector.close();
    }
  });

  it('reports 429 with its Retry-After, and other refusals with their status', async () => {
    let status = 429;
    const connector = await standIn((_req, _body, res) => reply(res, status, 'slow down', status === 429 ? { 'retry-after': '3' } : {}));
    const sender = new HttpConnectorSender(async () => undefined);
    try {
      expect(await sender.send({ serviceUrl: connector.url, conversationId: 'a:1' }, {})).to.deep.equal({
        ok: false,
        status: 429,
        retryAfterMs: 3000,
        error: 'HTTP 429: slow down',
      });
      status = 403;
      const refused = await sender.delete({ serviceUrl: connector.url, conversationId: 'a:1' }, 'act-9');
      expect(refused).to.include({ ok: false, status: 403 });
      expect(connector.seen[1]).to.include({ method: 'DELETE', url: '/v3/conversations/a%3A1/activities/act-9' });
    } finally {
      await connector.close();
    }
  });

  it('gives up on a connector that does not answer within the timeout, as a network failure', async () => {
    const connector = await standIn(() => undefined);
    const sender = new HttpConnectorSender(async () => undefined, 200);
    try {
      const outcome = await sender.send({ serviceUrl: connector.url, conversationId: 'a:1' }, {});
      expect(outcome).to.include({ ok: false, status: 0 });
    } finally {
      await connector.close();
    }
  });

  it('opens a personal conversation with the tenant and member and returns its id', async () => {
    const connector = await standIn((_req, _body, res) => reply(res, 200, '{"id":"a:new"}'));
    const sender = new HttpConnectorSender(async () => undefined);
    try {
      const created = await sender.createConversation({ serviceUrl: connector.url, tenantId: 't1', botId: '28:bot', memberId: '29:u1' });
      expect(created).to.deep.equal({ ok: true, conversationId: 'a:new' });
      expect(JSON.parse(connector.seen[0].body)).to.deep.include({ members: [{ id: '29:u1' }], tenantId: 't1' });
    } finally {
      await connector.close();
    }
  });
});
