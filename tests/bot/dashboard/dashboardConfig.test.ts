import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../../bot/platform/config';

describe('dashboard settings (loadConfig)', () => {
  it("defaults to Entra ID's common key set, no bot domain and no trusted proxies", () => {
    const config = loadConfig({});
    expect(config.botDomain).to.equal(undefined);
    expect(config.dashboard).to.deep.equal({ jwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys' });
    expect(config.trustedProxyHops).to.equal(0);
  });

  it('reads BOT_DOMAIN (lower-cased, as the Teams package does), AAD_JWKS_URL and TRUSTED_PROXY_HOPS', () => {
    const config = loadConfig({ BOT_DOMAIN: 'Bot.Council.GOV.uk', AAD_JWKS_URL: 'http://127.0.0.1:9999/keys', TRUSTED_PROXY_HOPS: '1' });
    expect(config.botDomain).to.equal('bot.council.gov.uk');
    expect(config.dashboard).to.deep.equal({ jwksUrl: 'http://127.0.0.1:9999/keys' });
    expect(config.trustedProxyHops).to.equal(1);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['a bot domain with a scheme', { BOT_DOMAIN: 'https://bot.council.gov.uk' }, /BOT_DOMAIN: must be a host name only/],
    ['a bot domain with a path', { BOT_DOMAIN: 'bot.council.gov.uk/api' }, /BOT_DOMAIN/],
    ['a key set over plain http to another host', { AAD_JWKS_URL: 'http://keys.example.com/keys' }, /AAD_JWKS_URL: must use https:\/\//],
    ['a key set address that is not a URL', { AAD_JWKS_URL: 'keys' }, /AAD_JWKS_URL/],
    ['a negative number of proxies', { TRUSTED_PROXY_HOPS: '-1' }, /TRUSTED_PROXY_HOPS/],
  ];
  for (const [name, env, message] of bad) {
    it(`stops start-up on ${name}`, () => {
      expect(() => loadConfig(env)).to.throw(ConfigError, message);
    });
  }
});
