import { expect } from 'chai';
import { ConfigError, loadConfig, PLACEHOLDER } from '../../bot/config';

describe('loadConfig', () => {
  it('runs on defaults with no environment at all (local mode)', () => {
    const config = loadConfig({});
    expect(config.port).to.equal(3978);
    expect(config.microsoftApp.appId).to.equal(undefined);
    expect(config.authority).to.equal(undefined);
    expect(config.retentionDays).to.equal(365);
    expect(config.safeguarding.frontDoorPhone).to.equal(PLACEHOLDER("children's social care front door phone number"));
  });

  it('reads Bot Framework settings by their own names', () => {
    const config = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant', PORT: '4000' });
    expect(config.microsoftApp).to.deep.equal({ appId: 'app', appPassword: 'secret', appType: 'SingleTenant', tenantId: 'tenant' });
    expect(config.port).to.equal(4000);
  });

  it('accepts a council, in any case, or none', () => {
    expect(loadConfig({ AUTHORITY: 'Leicestershire' }).authority).to.equal('leicestershire');
    expect(loadConfig({ AUTHORITY: 'none' }).authority).to.equal(undefined);
  });

  it('splits role lists', () => {
    expect(loadConfig({ COMMS_USERS: ' A@x.gov.uk, b@x.gov.uk ,' }).commsUsers).to.deep.equal(['a@x.gov.uk', 'b@x.gov.uk']);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['a port that is not a number', { PORT: 'eighty' }, /PORT/],
    ['an unknown council', { AUTHORITY: 'narnia' }, /AUTHORITY/],
    ['an unknown app type', { MicrosoftAppType: 'Personal' }, /MicrosoftAppType/],
    ['an app id without a password', { MicrosoftAppId: 'app' }, /MicrosoftAppPassword/],
    ['a single-tenant app without a tenant', { MicrosoftAppId: 'app', MicrosoftAppPassword: 's', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId/],
    ['a retention that is not positive', { RETENTION_DAYS: '0' }, /RETENTION_DAYS/],
    ['an unknown log level', { LOG_LEVEL: 'chatty' }, /LOG_LEVEL/],
  ];
  for (const [name, env, message] of bad) {
    it(`fails at start-up on ${name}`, () => {
      expect(() => loadConfig(env)).to.throw(ConfigError, message);
    });
  }
});
