import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../../bot/platform/config';

describe('PUBLIC_BASE_URL (where "Add to calendar" links point)', () => {
  it('defaults to this machine on the configured port', () => {
    expect(loadConfig({}).publicBaseUrl).to.equal('http://localhost:3978');
    expect(loadConfig({ PORT: '4000' }).publicBaseUrl).to.equal('http://localhost:4000');
    expect(loadConfig({ PUBLIC_BASE_URL: '' }).publicBaseUrl).to.equal('http://localhost:3978');
  });

  it('takes the public address, without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://bot.council.gov.uk/' }).publicBaseUrl).to.equal('https://bot.council.gov.uk');
  });

  it('stops start-up on an address that is not http(s), naming the setting', () => {
    for (const bad of ['ftp://bot.council.gov.uk', 'bot.council.gov.uk', 'not a url']) {
      expect(() => loadConfig({ PUBLIC_BASE_URL: bad })).to.throw(ConfigError, /PUBLIC_BASE_URL/);
    }
  });
});
