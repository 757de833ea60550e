import { expect } from 'chai';
import { botWithConnector } from '../helpers/runningBot';

describe('losing the database mid-run', () => {
  const suite = botWithConnector();

  it('fails the turn with an apology and keeps serving', async () => {
    await suite.bot.services.database.db.destroy();
    const res = await fetch(`${suite.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl: suite.serviceUrl, text: 'whats a caf', from: { id: '29:u' }, recipient: { id: '28:b' }, conversation: { id: 'a:lost', conversationType: 'personal' } }),
    });
    expect(res.status).to.be.oneOf([200, 201, 202, 500]);
    const messages = suite.connector.messages().map((m) => String(m.text ?? ''));
    expect(messages.some((t) => /something went wrong on my side/.test(t))).to.equal(true);
    expect((await fetch(`${suite.bot.url}/healthz`)).status).to.equal(200);
  });
});
