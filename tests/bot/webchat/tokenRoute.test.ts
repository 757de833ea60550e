import { expect } from 'chai';
import { SignJWT } from 'jose';
import { DirectLineClient } from '../../helpers/directLineClient';
import { FakeDirectLine } from '../../helpers/fakeDirectLine';
import { RunningBot, startBot, TEST_APP_CREDENTIALS } from '../../helpers/runningBot';
import { FIXED_NOW } from '../../helpers/testServices';

const USER_TOKEN_SECRET = 'intranet-and-bot-share-this-32-chars-or-more';

/** A user token as an intranet would sign it, valid for an hour from the tests' fixed clock unless told otherwise. */
async function userToken(claims: Record<string, unknown>, options: { secret?: string; expiresAt?: number; alg?: string } = {}): Promise<string> {
  const exp = options.expiresAt ?? Math.floor(FIXED_NOW.plus({ hours: 1 }).toSeconds());
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setIssuedAt(Math.floor(FIXED_NOW.minus({ minutes: 1 }).toSeconds()))
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(options.secret ?? USER_TOKEN_SECRET));
}

describe('POST /api/directline/token with the built-in endpoint', () => {
  let bot: RunningBot;
  let client: DirectLineClient;
  before(async () => {
    bot = await startBot({ WEBCHAT_TOKEN_SECRET: USER_TOKEN_SECRET });
    client = new DirectLineClient(bot.url);
  });
  after(() => bot.stop());

  it('gives an anonymous visitor a token for a new conversation on the built-in endpoint, never cached', async () => {
    const res = await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).to.equal(200);
    expect(res.headers.get('cache-control')).to.equal('no-store');
    const body = (await res.json()) as { token: string; conversationId: string; expiresIn: number; domain: string; user: { id: string; verified: boolean } };
    expect(body.domain).to.equal('/v3/directline');
    expect(body.expiresIn, 'a start credential, good for five minutes').to.equal(300);
    expect(body.user.verified).to.equal(false);
    expect(body.user.id).to.match(/^dl_anon_[0-9a-f-]{36}$/);
  });

  it('keeps the anonymous id the browser session already has, but never an id it did not hand out', async () => {
    const first = await client.pageToken();
    const again = await client.pageToken({ userId: first.body.user.id });
    expect(again.body.user.id).to.equal(first.body.user.id);
    for (const claimed of ['dl_user_alice', 'alice', 'dl_anon_not-a-uuid', 42]) {
      const forged = await client.pageToken({ userId: claimed });
      expect(forged.body.user.id).to.not.equal(claimed);
      expect(forged.body.user.id).to.match(/^dl_anon_/);
    }
  });

  it('knows a person the intranet vouched for: stable id, name, and email for the bot; their messages carry them', async () => {
    const token = await userToken({ sub: 'E12345', name: 'Sam Worker', email: 'Sam.Worker@Council.gov.uk' });
    const given = await client.pageToken({ userToken: token });
    expect(given.status).to.equal(200);
    expect(given.body.user).to.deep.equal({ id: 'dl_user_E12345', name: 'Sam Worker', verified: true });
    expect(given.body).to.not.have.property('email');
    expect(bot.services.webChat.users.get('dl_user_E12345')).to.deep.equal({
      id: 'dl_user_E12345',
      name: 'Sam Worker',
      email: 'sam.worker@council.gov.uk',
      verified: true,
    });

    const again = await client.pageToken({ userToken: await userToken({ sub: 'E12345', name: 'Sam Worker' }) });
    expect(again.body.user.id, 'the same person gets the same id every visit').to.equal('dl_user_E12345');

    const started = await client.start(given.body.token);
    const posted = await client.post(started.body.conversationId, started.body.token, {
      type: 'message',
      text: 'what is TAC',
      from: { id: 'dl_user_someone_else' },
    });
    expect(posted.status).to.equal(200);
    const got = await client.activities(started.body.conversationId, started.body.token, '1');
    expect(got.body.activities[0].from).to.deep.equal({ id: 'dl_user_E12345', name: 'Sam Worker', role: 'user' });
  });

  const refused: [string, () => Promise<string>, string][] = [
    ['an expired user token', () => userToken({ sub: 'E1' }, { expiresAt: Math.floor(FIXED_NOW.minus({ minutes: 5 }).toSeconds()) }), 'UserTokenExpired'],
    ['a user token signed with another secret', () => userToken({ sub: 'E1' }, { secret: 'someone-else-guessed-this-secret-value' }), 'UserTokenInvalid'],
    ['a user token with a tampered payload', async () => tamper(await userToken({ sub: 'E1' })), 'UserTokenInvalid'],
    [
      'an unsigned ("alg": "none") user token',
      async () => unsigned({ sub: 'E1', exp: Math.floor(FIXED_NOW.plus({ hours: 1 }).toSeconds()) }),
      'UserTokenInvalid',
    ],
    ['a user token without a subject', () => userToken({ name: 'Nobody' }), 'UserTokenInvalid'],
    ['a user token whose subject has odd characters', () => userToken({ sub: 'E1|admin' }), 'UserTokenInvalid'],
    ['a user token with a malformed email', () => userToken({ sub: 'E1', email: 'not an email' }), 'UserTokenInvalid'],
    ['something that is not a token at all', async () => 'hello', 'UserTokenInvalid'],
  ];
  for (const [name, make, code] of refused) {
    it(`refuses ${name} with 401 ${code} and a message the page shows`, async () => {
      const given = await client.pageToken({ userToken: await make() });
      expect(given.status).to.equal(401);
      const error = (given.body as unknown as { error: { code: string; message: string } }).error;
      expect(error.code).to.equal(code);
      expect(error.message).to.match(/you are chatting anonymously/);
    });
  }
});

describe('POST /api/directline/token: new chats per client address', () => {
  let bot: RunningBot;
  let clock: { current: typeof FIXED_NOW };
  before(async () => {
    clock = { current: FIXED_NOW };
    bot = await startBot({ WEBCHAT_STARTS_PER_MINUTE: '3', WEBCHAT_PROXY_HOPS: '1' }, { now: () => clock.current });
  });
  after(() => bot.stop());

  const ask = (address: string) =>
    fetch(`${bot.url}/api/directline/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `forged, ${address}` },
      body: '{}',
    });

  it('refuses the fourth chat in a minute from one address with 429 and Retry-After, and only for that address', async () => {
    for (let i = 0; i < 3; i++) expect((await ask('203.0.113.1')).status, `chat ${i + 1}`).to.equal(200);
    clock.current = FIXED_NOW.plus({ seconds: 20 });
    const refused = await ask('203.0.113.1');
    expect(refused.status).to.equal(429);
    expect(refused.headers.get('retry-after')).to.equal('40');
    expect(((await refused.json()) as { error: { code: string } }).error.code).to.equal('TooManyChats');
    expect((await ask('203.0.113.2')).status, 'another address is not held up').to.equal(200);
    clock.current = FIXED_NOW.plus({ seconds: 61 });
    expect((await ask('203.0.113.1')).status, 'a minute later').to.equal(200);
  });

  it('counts the limit in the database, so every replica on it shares the count', async () => {
    const rows = await bot.services.database.db.selectFrom('directline_limits').select('key').execute();
    expect(rows.map((r) => r.key)).to.include('start:203.0.113.1');
  });
});

describe('POST /api/directline/token without WEBCHAT_TOKEN_SECRET', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startBot();
  });
  after(() => bot.stop());

  it('refuses user tokens (401 UserTokensDisabled), so the page carries on anonymously', async () => {
    const given = await new DirectLineClient(bot.url).pageToken({ userToken: await userToken({ sub: 'E1' }) });
    expect(given.status).to.equal(401);
    expect((given.body as unknown as { error: { code: string } }).error.code).to.equal('UserTokensDisabled');
  });
});

describe('POST /api/directline/token with DIRECT_LINE_SECRET (Azure Direct Line)', () => {
  const secret = 'azure-direct-line-secret-never-in-a-browser';
  const directLine = new FakeDirectLine(secret);
  let endpoint: string;
  let bot: RunningBot;
  before(async () => {
    endpoint = await directLine.start();
    bot = await startBot({ DIRECT_LINE_SECRET: secret, DIRECT_LINE_ENDPOINT: endpoint, WEBCHAT_TOKEN_SECRET: USER_TOKEN_SECRET });
  });
  after(async () => {
    await bot.stop();
    await directLine.stop();
  });
  beforeEach(() => {
    directLine.failWith = undefined;
  });

  it('exchanges the secret for a token on the server, for this user, and never returns the secret', async () => {
    const res = await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const text = await res.text();
    expect(res.status).to.equal(200);
    expect(text).to.not.contain(secret);
    const body = JSON.parse(text) as { token: string; conversationId: string; expiresIn: number; domain: string; user: { id: string } };
    expect(body.token).to.match(/^azure-token-/);
    expect(body.conversationId).to.match(/^azure-conv-/);
    expect(body.expiresIn).to.equal(1800);
    expect(body.domain).to.equal(`${endpoint}/v3/directline`);
    const request = directLine.requests.at(-1)!;
    expect(request.authorization).to.equal(`Bearer ${secret}`);
    expect(request.body).to.deep.equal({ user: { id: body.user.id } });
  });

  it('binds a verified person to the Azure token by id and name', async () => {
    const given = await new DirectLineClient(bot.url).pageToken({ userToken: await userToken({ sub: 'E777', name: 'Alex Carer' }) });
    expect(given.status).to.equal(200);
    expect(directLine.requests.at(-1)!.body).to.deep.equal({ user: { id: 'dl_user_E777', name: 'Alex Carer' } });
    expect(bot.services.webChat.users.get('dl_user_E777')?.name).to.equal('Alex Carer');
  });

  it('answers 502 with a plain message when Azure refuses or fails, without the secret', async () => {
    for (const status of [403, 500]) {
      directLine.failWith = status;
      const res = await fetch(`${bot.url}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).to.equal(502);
      const text = await res.text();
      expect(text).to.not.contain(secret);
      expect(JSON.parse(text)).to.deep.equal({
        error: { code: 'DirectLineUnavailable', message: 'Web chat is not available right now. Please try again in a few minutes.' },
      });
    }
  });

  it('turns the built-in endpoint off', async () => {
    const res = await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).to.equal(404);
  });
});

describe('POST /api/directline/token with Bot Framework credentials but no DIRECT_LINE_SECRET', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startBot(TEST_APP_CREDENTIALS);
  });
  after(() => bot.stop());

  it('says web chat is not set up (503) and offers no built-in endpoint', async () => {
    const given = await new DirectLineClient(bot.url).pageToken();
    expect(given.status).to.equal(503);
    expect((given.body as unknown as { error: { code: string } }).error.code).to.equal('WebChatNotConfigured');
    const res = await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).to.equal(404);
  });
});

/** Changes one character of a JWT's payload, keeping its signature. */
function tamper(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  return [header, Buffer.from(JSON.stringify({ ...claims, sub: 'E2' })).toString('base64url'), signature].join('.');
}

/** A JWT with "alg": "none" and no signature. */
function unsigned(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}
