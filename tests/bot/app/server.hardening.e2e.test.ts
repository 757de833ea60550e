import { expect } from 'chai';
import { botWithConnector, TEST_APP_CREDENTIALS } from '../../helpers/runningBot';

function teamsMessage(serviceUrl: string, text: string): Record<string, unknown> {
  return {
    type: 'message',
    id: `m-${Date.now()}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:user-h', name: 'Hana Worker', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
    conversation: { id: 'a:personal-h', conversationType: 'personal', tenantId: 'tenant-1' },
    recipient: { id: '28:bot', name: 'Workforce Assistant' },
    text,
  };
}

const post = (url: string, body: unknown) =>
  fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('HTTP server: malformed activities and where replies go', () => {
  const suite = botWithConnector({ LOCAL_SERVICE_URL_HOSTS: 'connector.test' });

  const cases: [string, (a: Record<string, unknown>) => Record<string, unknown>][] = [
    ['an activity without "from"', (a) => ({ ...a, from: undefined })],
    ['an activity without "conversation"', (a) => ({ ...a, conversation: undefined })],
    ['membersAdded with a null entry', (a) => ({ ...a, type: 'conversationUpdate', text: undefined, membersAdded: [null] })],
  ];
  for (const [name, change] of cases) {
    it(`answers 400 to ${name}`, async () => {
      const res = await post(suite.bot.url, change(teamsMessage(suite.serviceUrl, 'hello')));
      expect(res.status).to.equal(400);
      expect(((await res.json()) as { message: string }).message).to.be.a('string');
    });
  }

  it('in local mode refuses a serviceUrl that is neither loopback nor listed, and sends nothing', async () => {
    const before = suite.connector.calls.length;
    const res = await post(suite.bot.url, teamsMessage('http://169.254.169.254/latest/', 'whats a caf'));
    expect(res.status).to.equal(400);
    expect(suite.connector.calls.length).to.equal(before);
  });

  it('in local mode still replies to a loopback serviceUrl', async () => {
    const before = suite.connector.messages().length;
    const res = await post(suite.bot.url, teamsMessage(suite.serviceUrl, 'whats a caf'));
    expect(res.status).to.be.oneOf([200, 201, 202]);
    expect(suite.connector.messages().length).to.equal(before + 1);
  });
});

describe('/metrics access', () => {
  const withToken = botWithConnector({ ...TEST_APP_CREDENTIALS, METRICS_TOKEN: 'metrics-token-0123456789' });

  it('with credentials set, refuses a scrape without the token and serves one with it', async () => {
    expect((await fetch(`${withToken.bot.url}/metrics`)).status).to.equal(401);
    expect((await fetch(`${withToken.bot.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).to.equal(403);
    const res = await fetch(`${withToken.bot.url}/metrics`, { headers: { authorization: 'Bearer metrics-token-0123456789' } });
    expect(res.status).to.equal(200);
    expect(await res.text()).to.match(/staffbot_/);
  });
});

describe('/metrics with credentials and no token', () => {
  const suite = botWithConnector(TEST_APP_CREDENTIALS);

  it('is off rather than open to the internet', async () => {
    const res = await fetch(`${suite.bot.url}/metrics`);
    expect(res.status).to.equal(404);
    expect(await res.text()).to.not.match(/staffbot_/);
  });
});

describe('/metrics in local mode', () => {
  const suite = botWithConnector();

  it('stays open without a token', async () => {
    expect((await fetch(`${suite.bot.url}/metrics`)).status).to.equal(200);
  });
});
