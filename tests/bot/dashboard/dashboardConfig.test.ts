import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../../bot/config';

describe('dashboard settings (loadConfig)', () => {
  it("defaults to Entra ID's common key set, no bot domain and a per-process session secret", () => {
    const config = loadConfig({});
    expect(config.botDomain).to.equal(undefined);
    expect(config.dashboard).to.deep.equal({ jwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys', sessionSecret: undefined });
  });

  it('reads BOT_DOMAIN (lower-cased, as the Teams package does), AAD_JWKS_URL and DASHBOARD_SESSION_SECRET', () => {
    const config = loadConfig({
      BOT_DOMAIN: 'Bot.Council.GOV.uk',
      AAD_JWKS_URL: 'http://127.0.0.1:9999/keys',
      DASHBOARD_SESSION_SECRET: 'a-random-secret-of-at-least-32-characters',
    });
    expect(config.botDomain).to.equal('bot.council.gov.uk');
    expect(config.dashboard).to.deep.equal({ jwksUrl: 'http://127.0.0.1:9999/keys', sessionSecret: 'a-random-secret-of-at-least-32-characters' });
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['a bot domain with a scheme', { BOT_DOMAIN: 'https://bot.council.gov.uk' }, /BOT_DOMAIN: must be a host name only/],
    ['a bot domain with a path', { BOT_DOMAIN: 'bot.council.gov.uk/api' }, /BOT_DOMAIN/],
    ['a key set over plain http to another host', { AAD_JWKS_URL: 'http://keys.example.com/keys' }, /AAD_JWKS_URL: must use https:\/\//],
    ['a key set address that is not a URL', { AAD_JWKS_URL: 'keys' }, /AAD_JWKS_URL/],
    ['a session secret shorter than 32 characters', { DASHBOARD_SESSION_SECRET: 'short' }, /DASHBOARD_SESSION_SECRET: must be at least 32 characters/],
  ];
  for (const [name, env, message] of bad) {
    it(`stops start-up on ${name}`, () => {
      expect(() => loadConfig(env)).to.throw(ConfigError, message);
    });
  }
});
