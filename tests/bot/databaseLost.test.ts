import { expect } from 'chai';
import { FakeConnector } from '../helpers/fakeConnector';
import { RunningBot, startBot } from '../helpers/runningBot';

describe('losing the database mid-run', () => {
  let bot: RunningBot;
  const connector = new FakeConnector();
  let serviceUrl: string;
  before(async () => {
    serviceUrl = await connector.start();
    bot = await startBot();
  });
  after(async () => {
    await bot.stop().catch(() => undefined);
    await connector.stop();
  });

  it('fails the turn with an apology and keeps serving', async () => {
    await bot.services.database.db.destroy();
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl, text: 'whats a caf', from: { id: '29:u' }, recipient: { id: '28:b' }, conversation: { id: 'a:lost', conversationType: 'personal' } }),
    });
    expect(res.status).to.be.oneOf([200, 201, 202, 500]);
    const messages = connector.messages().map((m) => String(m.text ?? ''));
    expect(messages.some((t) => /something went wrong on my side/.test(t))).to.equal(true);
    expect((await fetch(`${bot.url}/healthz`)).status).to.equal(200);
  });
});
