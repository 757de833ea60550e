import { expect } from 'chai';
import { FakeBotFrameworkIdentity, BOT_FRAMEWORK_ISSUER, unsignedToken } from '../../helpers/fakeBotFrameworkIdentity';
import { RunningBot, startBot, TEST_APP_CREDENTIALS } from '../../helpers/runningBot';

const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';

/** A link-unfurling invoke: answered in the HTTP body, so a valid request needs no call out of the machine. */
function invokeActivity(): Record<string, unknown> {
  return {
    type: 'invoke',
    name: 'composeExtension/queryLink',
    id: `i-${Date.now()}`,
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: '29:user-1', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    conversation: { id: 'a:personal-1', conversationType: 'personal', tenantId: 'tenant-1' },
    recipient: { id: `28:${TEST_APP_CREDENTIALS.MicrosoftAppId}` },
    value: { url: 'https://intranet.example.gov.uk/page' },
  };
}

async function post(bot: RunningBot, token: string | undefined): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers, body: JSON.stringify(invokeActivity()) });
  return { status: res.status, text: await res.text() };
}

/** The SDK prints refused requests itself; keep the test output readable. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const original = console.error;
  console.error = () => undefined;
  try {
    return await work();
  } finally {
    console.error = original;
  }
}

function expectNoInternalDetail(text: string): void {
  expect(text).to.not.match(/127\.0\.0\.1|ENOTFOUND|ECONNREFUSED|https?:\/\/|openid|signature|expired|stack/i);
}

describe('Bot Framework authentication on /api/messages (local stand-in for the token service)', () => {
  const identity = new FakeBotFrameworkIdentity();
  let bot: RunningBot;
  const audience = TEST_APP_CREDENTIALS.MicrosoftAppId;

  before(async () => {
    const metadataUrl = await identity.start();
    bot = await startBot({ ...TEST_APP_CREDENTIALS, BOT_OPENID_METADATA_URL: metadataUrl });
  });
  after(async () => {
    await bot?.stop();
    await identity.stop();
  });

  it('accepts a valid channel token', async () => {
    const res = await post(bot, await identity.token({ audience, serviceUrl: SERVICE_URL }));
    expect(res.status, res.text).to.equal(200);
  });

  const refused: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['a forged signature', () => identity.token({ audience, serviceUrl: SERVICE_URL, forged: true })],
    ['alg none', async () => unsignedToken({ iss: BOT_FRAMEWORK_ISSUER, aud: audience, serviceurl: SERVICE_URL, exp: Math.floor(Date.now() / 1000) + 3600 })],
    ['an expired token', () => identity.token({ audience, serviceUrl: SERVICE_URL, expiresInSeconds: -3600 })],
    ['the wrong audience', () => identity.token({ audience: 'another-bot-app-id', serviceUrl: SERVICE_URL })],
    ['a token for another serviceUrl', () => identity.token({ audience, serviceUrl: 'https://elsewhere.example/' })],
    ['garbage', async () => 'not.a.jwt'],
  ];
  for (const [name, token] of refused) {
    it(`answers 401 with no internal detail to ${name}`, async () => {
      const res = await quietly(async () => post(bot, await token()));
      expect(res.status).to.equal(401);
      expectNoInternalDetail(res.text);
    });
  }

  it('keeps accepting valid tokens while the token service is down, with the keys it already fetched', async () => {
    await post(bot, await identity.token({ audience, serviceUrl: SERVICE_URL }));
    identity.down = true;
    try {
      const res = await quietly(async () => post(bot, await identity.token({ audience, serviceUrl: SERVICE_URL })));
      expect(res.status).to.equal(200);
      const forged = await quietly(async () => post(bot, await identity.token({ audience, serviceUrl: SERVICE_URL, forged: true })));
      expect(forged.status).to.equal(401);
    } finally {
      identity.down = false;
    }
  });
});

describe('Bot Framework authentication when the OpenID metadata cannot be reached', () => {
  let bot: RunningBot;
  before(async () => {
    // Nothing listens on port 9 (discard) here: the metadata fetch fails at once.
    bot = await startBot({ ...TEST_APP_CREDENTIALS, BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9/v1/.well-known/openidconfiguration' });
  });
  after(() => bot?.stop());

  it('answers 401, not 500 with the upstream error', async () => {
    const identity = new FakeBotFrameworkIdentity();
    await identity.start();
    try {
      const res = await quietly(async () => post(bot, await identity.token({ audience: TEST_APP_CREDENTIALS.MicrosoftAppId, serviceUrl: SERVICE_URL })));
      expect(res.status).to.equal(401);
      expectNoInternalDetail(res.text);
    } finally {
      await identity.stop();
    }
  });
});
