import { expect } from 'chai';
import restify, { Server } from 'restify';
import { connectorServiceUrl, registerConnectorRoutes } from '../../../bot/webchat/connectorRoutes';
import { LocalActivityFeed } from '../../../bot/webchat/activityFeed';
import { DirectLineConversations } from '../../../bot/webchat/directLineConversations';
import { SqlDirectLineStore } from '../../../bot/webchat/sqlDirectLineStore';
import { VerifiedUsers } from '../../../bot/webchat/verifiedUsers';
import { openTestDatabase, TestDatabase } from '../../helpers/testDatabase';
import { fixedClock, silentLogger } from '../../helpers/testServices';

describe('connectorServiceUrl', () => {
  it('addresses the internal connector on loopback when the server listens everywhere', () => {
    expect(connectorServiceUrl({ address: '0.0.0.0', family: 'IPv4', port: 3978 }, 'k')).to.equal('http://127.0.0.1:3978/directline/connector/k/');
    expect(connectorServiceUrl({ address: '::', family: 'IPv6', port: 3978 }, 'k')).to.equal('http://127.0.0.1:3978/directline/connector/k/');
    expect(connectorServiceUrl({ address: '::1', family: 'IPv6', port: 80 }, 'k')).to.equal('http://[::1]:80/directline/connector/k/');
    expect(() => connectorServiceUrl(null, 'k')).to.throw(/not listening/);
  });
});

describe('internal Bot Connector routes (HTTP)', () => {
  const key = 'test-key';
  let server: Server;
  let base: string;
  let conversations: DirectLineConversations;
  let database: TestDatabase;

  before(async () => {
    database = await openTestDatabase('sqlite');
    conversations = new DirectLineConversations({
      store: new SqlDirectLineStore(database.opened.db, fixedClock),
      feed: new LocalActivityFeed(),
      users: new VerifiedUsers(),
      logger: silentLogger,
      now: fixedClock,
    });
    server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    registerConnectorRoutes(server, key, { conversations, bot: { id: 'staffbot', name: 'Assistant' }, now: fixedClock });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = connectorServiceUrl(server.address(), key);
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.cleanup();
  });

  const call = (method: string, url: string, body?: unknown) =>
    fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

  it('adds a reply and a new message to the conversation as the bot, with the next ids', async () => {
    await conversations.start('conv', { id: 'dl_anon_1' });
    const reply = await call('POST', `${base}v3/conversations/conv/activities/${encodeURIComponent('conv|0000009')}`, {
      type: 'message',
      text: 'hello',
      serviceUrl: base,
      from: { id: 'whatever' },
    });
    expect(reply.status).to.equal(200);
    expect(await reply.json()).to.deep.equal({ id: 'conv|0000001' });
    const sent = await call('POST', `${base}v3/conversations/conv/activities`, { type: 'message', text: 'and another thing' });
    expect(await sent.json()).to.deep.equal({ id: 'conv|0000002' });
    const [first, second] = (await conversations.since('conv', 0))!.activities;
    expect(first).to.deep.include({ text: 'hello', replyToId: 'conv|0000009', from: { id: 'staffbot', name: 'Assistant', role: 'bot' } });
    expect(first).to.not.have.property('serviceUrl');
    expect(second).to.not.have.property('replyToId');
  });

  it('refuses to update or delete a sent activity (405), as Azure Direct Line does', async () => {
    await conversations.start('conv2', { id: 'dl_anon_1' });
    for (const method of ['PUT', 'DELETE']) {
      const res = await call(method, `${base}v3/conversations/conv2/activities/x`, method === 'PUT' ? { type: 'message', text: 'edited' } : undefined);
      expect(res.status, method).to.equal(405);
    }
  });

  it('answers 404 for an ended conversation, or without the key', async () => {
    expect((await call('POST', `${base}v3/conversations/gone/activities`, { type: 'message' })).status).to.equal(404);
    await conversations.start('conv3', { id: 'dl_anon_1' });
    const wrongKey = base.replace(`/${key}/`, '/wrong-key/');
    expect((await call('POST', `${wrongKey}v3/conversations/conv3/activities`, { type: 'message' })).status).to.equal(404);
  });
});
