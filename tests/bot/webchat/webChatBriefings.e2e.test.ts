import { expect } from 'chai';
import { FakeConnector } from '../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../helpers/runningBot';
import { movableClock } from '../../helpers/testDelivery';

const TOKEN = 'webchat-briefings-token-1234567';

describe('web chat: unread briefings on opening the chat', function () {
  this.timeout(60000);
  let bot: RunningBot;
  const connector = new FakeConnector();
  let serviceUrl: string;
  const clock = movableClock('2026-11-24T10:00:00');

  async function post(from: string, body: Record<string, unknown>) {
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceUrl, from: { id: from }, recipient: { id: 'bot', name: 'Bot' }, ...body }),
    });
    expect(res.status).to.be.lessThan(300);
  }
  /** Opens a web chat conversation as the chat page does, and returns the texts the bot sent back. */
  async function open(userId: string): Promise<string[]> {
    const before = connector.calls.length;
    const conversation = `wc-${userId}-${connector.calls.length}`;
    await post(userId, { type: 'conversationUpdate', channelId: 'webchat', conversation: { id: conversation }, membersAdded: [{ id: 'bot' }, { id: userId }] });
    return connector.calls.slice(before).map((c) => String(c.body?.text ?? ''));
  }

  before(async () => {
    serviceUrl = await connector.start();
    bot = await startBot({ ADMIN_API_TOKEN: TOKEN }, { now: clock.now });
    // Someone in Teams, so a briefing to everyone has an audience to be created for.
    await post('29:teams-person', {
      type: 'message',
      text: 'hi',
      channelId: 'msteams',
      conversation: { id: 'a:teams-person', conversationType: 'personal', tenantId: 't' },
    });
    for (const title of ['Induction changes', 'Winter rota']) {
      const res = await fetch(`${bot.url}/api/briefings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'idempotency-key': `wc-${title.replace(/\W/g, '-')}` },
        body: JSON.stringify({ title, summary: 'What changes.', body: 'Detail.', topics: ['training'], audience: { everyone: true }, urgent: true }),
      });
      expect(res.status).to.equal(201);
    }
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
  });

  it('tells a verified user how many briefings meant for them are unread', async () => {
    const texts = await open('dl_user_alex');
    expect(texts.join('\n'))
      .to.match(/You have 2 new briefings/)
      .and.match(/Winter rota/)
      .and.match(/latest briefings/);
  });

  it('counts one fewer once they pressed "Got it" on one', async () => {
    const id = (await bot.services.briefings.findByTitle('Winter rota'))!.id;
    await bot.services.briefings.acknowledgeOpened(id, 'dl_user_alex');
    const texts = await open('dl_user_alex');
    expect(texts.join('\n'))
      .to.match(/You have 1 new briefing:/)
      .and.not.match(/Winter rota/);
  });

  it('says nothing of the kind to an anonymous visitor, whose id no intranet vouched for', async () => {
    const texts = await open('dl_anon_visitor');
    expect(texts.join('\n')).to.not.match(/new briefing/);
  });
});
