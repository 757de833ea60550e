import { expect } from 'chai';
import { botWithConnector } from '../../helpers/runningBot';

describe('losing the database mid-run', () => {
  const suite = botWithConnector();

  it('fails the turn with an apology and keeps serving', async () => {
    await suite.bot.services.database.db.destroy();
    const res = await fetch(`${suite.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: suite.serviceUrl,
        text: 'whats a caf',
        from: { id: '29:u' },
        recipient: { id: '28:b' },
        conversation: { id: 'a:lost', conversationType: 'personal' },
      }),
    });
    expect(res.status).to.be.oneOf([200, 201, 202, 500]);
    const messages = suite.connector.messages().map((m) => String(m.text ?? ''));
    expect(messages.some((t) => /something went wrong on my side/.test(t))).to.equal(true);
    // Still serving, and honest about it: the health check exercises the database, so a load balancer stops sending turns here.
    const health = await fetch(`${suite.bot.url}/healthz`);
    expect(health.status).to.equal(503);
    expect(((await health.json()) as { status: string }).status).to.equal('unavailable');
  });
});
