import { expect } from 'chai';
import { ConfigError, loadConfig, PLACEHOLDER } from '../../../bot/platform/config';

describe('loadConfig', () => {
  it('runs on defaults with no environment at all (local mode)', () => {
    const config = loadConfig({});
    expect(config.port).to.equal(3978);
    expect(config.microsoftApp.appId).to.equal(undefined);
    expect(config.authority).to.equal(undefined);
    expect(config.retentionDays).to.equal(365);
    expect(config.safeguarding.frontDoorPhone).to.equal(PLACEHOLDER("children's social care front door phone number"));
  });

  it('needs PULSE_LEDGER_SECRET with PostgreSQL, and a long one whenever it is given', () => {
    expect(loadConfig({}).pulses.ledgerSecret).to.equal(undefined);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/bot' })).to.throw(ConfigError, /PULSE_LEDGER_SECRET: required when DATABASE_URL is set/);
    expect(() => loadConfig({ PULSE_LEDGER_SECRET: 'short' })).to.throw(ConfigError, /PULSE_LEDGER_SECRET: must be at least 32 characters/);
    const secret = 'a-pulse-secret-of-at-least-32-characters';
    expect(loadConfig({ DATABASE_URL: 'postgres://db/bot', PULSE_LEDGER_SECRET: secret }).pulses.ledgerSecret).to.equal(secret);
  });

  it('reads Bot Framework settings by their own names', () => {
    const config = loadConfig({
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant',
      PORT: '4000',
    });
    expect(config.microsoftApp).to.deep.equal({ appId: 'app', appPassword: 'secret', appType: 'SingleTenant', tenantId: 'tenant' });
    expect(config.port).to.equal(4000);
  });

  it('accepts a council, in any case, or none', () => {
    expect(loadConfig({ AUTHORITY: 'Leicestershire' }).authority).to.equal('leicestershire');
    expect(loadConfig({ AUTHORITY: 'none' }).authority).to.equal(undefined);
  });

  it('reads the delivery settings, with Teams limits and UK working hours by default', () => {
    expect(loadConfig({}).delivery).to.deep.include({ worker: true, ratePerSecond: 50, conversationRatePerSecond: 7, maxAttempts: 6 });
    expect(loadConfig({}).delivery.working).to.deep.equal({ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' });
    expect(loadConfig({ DELIVERY_WORKING_DAYS: '1-6', DELIVERY_WORKING_HOURS: '07:30-19:00', DELIVERY_WORKER: 'off' }).delivery).to.deep.include({
      worker: false,
    });
  });

  it('splits role lists', () => {
    expect(loadConfig({ COMMS_USERS: ' A@x.gov.uk, b@x.gov.uk ,' }).commsUsers).to.deep.equal(['a@x.gov.uk', 'b@x.gov.uk']);
  });

  it('reads the web chat settings, with Azure Direct Line as the default endpoint', () => {
    expect(loadConfig({}).webChat).to.deep.equal({
      directLineSecret: undefined,
      directLineEndpoint: 'https://directline.botframework.com',
      userTokenSecret: undefined,
      tokenMinutes: 30,
      embedOrigins: [],
      tokenSecret: undefined,
      startsPerMinute: 30,
      proxyHops: 0,
      keepAliveSeconds: 20,
    });
    const config = loadConfig({
      DIRECT_LINE_SECRET: 'secret',
      DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com/',
      WEBCHAT_TOKEN_SECRET: 'x'.repeat(32),
      WEBCHAT_TOKEN_MINUTES: '60',
      WEBCHAT_EMBED_ORIGINS: 'https://Intranet.example.gov.uk, http://localhost:8080',
      DIRECT_LINE_TOKEN_SECRET: 'k'.repeat(32),
      WEBCHAT_STARTS_PER_MINUTE: '100',
      WEBCHAT_PROXY_HOPS: '1',
      WEBCHAT_KEEPALIVE_SECONDS: '30',
    });
    expect(config.webChat).to.deep.equal({
      directLineSecret: 'secret',
      directLineEndpoint: 'https://europe.directline.botframework.com',
      userTokenSecret: 'x'.repeat(32),
      tokenMinutes: 60,
      embedOrigins: ['https://intranet.example.gov.uk', 'http://localhost:8080'],
      tokenSecret: 'k'.repeat(32),
      startsPerMinute: 100,
      proxyHops: 1,
      keepAliveSeconds: 30,
    });
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['a port that is not a number', { PORT: 'eighty' }, /PORT/],
    ['an unknown council', { AUTHORITY: 'narnia' }, /AUTHORITY/],
    ['an unknown app type', { MicrosoftAppType: 'Personal' }, /MicrosoftAppType/],
    ['an app id without a password', { MicrosoftAppId: 'app' }, /MicrosoftAppPassword/],
    ['a single-tenant app without a tenant', { MicrosoftAppId: 'app', MicrosoftAppPassword: 's', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId/],
    ['a retention that is not positive', { RETENTION_DAYS: '0' }, /RETENTION_DAYS/],
    ['an unknown log level', { LOG_LEVEL: 'chatty' }, /LOG_LEVEL/],
    ['working days that are not weekday numbers', { DELIVERY_WORKING_DAYS: 'mon-fri' }, /DELIVERY_WORKING_DAYS/],
    ['working hours that end before they start', { DELIVERY_WORKING_HOURS: '18:00-08:00' }, /DELIVERY_WORKING_HOURS/],
    ['a rate that is not positive', { DELIVERY_RATE_PER_SECOND: '0' }, /DELIVERY_RATE_PER_SECOND/],
    ['a Redis address that is not redis://', { REDIS_URL: 'http://127.0.0.1:6379' }, /REDIS_URL/],
    ['a Direct Line endpoint that is not http(s)', { DIRECT_LINE_ENDPOINT: 'ftp://directline.example' }, /DIRECT_LINE_ENDPOINT/],
    ['a user-token secret shorter than 32 characters', { WEBCHAT_TOKEN_SECRET: 'too-short' }, /WEBCHAT_TOKEN_SECRET/],
    ['an embed origin with a path', { WEBCHAT_EMBED_ORIGINS: 'https://intranet.example.gov.uk/home' }, /WEBCHAT_EMBED_ORIGINS/],
    ['a web chat token lifetime under 5 minutes', { WEBCHAT_TOKEN_MINUTES: '1' }, /WEBCHAT_TOKEN_MINUTES/],
    ['a web chat token key shorter than 32 characters', { DIRECT_LINE_TOKEN_SECRET: 'short' }, /DIRECT_LINE_TOKEN_SECRET/],
    ['no new chats at all', { WEBCHAT_STARTS_PER_MINUTE: '0' }, /WEBCHAT_STARTS_PER_MINUTE/],
    ['a negative number of proxies', { WEBCHAT_PROXY_HOPS: '-1' }, /WEBCHAT_PROXY_HOPS/],
    ['a keep-alive of zero seconds', { WEBCHAT_KEEPALIVE_SECONDS: '0' }, /WEBCHAT_KEEPALIVE_SECONDS/],
  ];
  for (const [name, env, message] of bad) {
    it(`fails at start-up on ${name}`, () => {
      expect(() => loadConfig(env)).to.throw(ConfigError, message);
    });
  }
});
