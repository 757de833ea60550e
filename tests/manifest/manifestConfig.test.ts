import { expect } from 'chai';
import { DEFAULT_APP_FULL_NAME, DEFAULT_APP_NAME, loadManifestConfig, ManifestConfigError } from '../../manifest/manifestConfig';
import { SAMPLE_ENV, SAMPLE_VERSION } from './sampleEnv';

describe('loadManifestConfig', () => {
  it('needs only the bot id and domain, deriving the rest', () => {
    const config = loadManifestConfig(SAMPLE_ENV, SAMPLE_VERSION);
    expect(config).to.deep.equal({
      appId: SAMPLE_ENV.MicrosoftAppId,
      botId: SAMPLE_ENV.MicrosoftAppId,
      botDomain: 'bot.council.gov.uk',
      version: SAMPLE_VERSION,
      name: { short: DEFAULT_APP_NAME, full: DEFAULT_APP_FULL_NAME },
      developer: {
        name: 'Workforce development team',
        websiteUrl: 'https://bot.council.gov.uk/',
        privacyUrl: 'https://bot.council.gov.uk/privacy',
        termsOfUseUrl: 'https://bot.council.gov.uk/terms',
      },
    });
  });

  it('reads every optional setting by name', () => {
    const config = loadManifestConfig(
      {
        ...SAMPLE_ENV,
        TEAMS_APP_ID: 'A1B2C3D4-0000-4000-8000-000000000001',
        TEAMS_APP_NAME: 'Leics Workforce',
        TEAMS_APP_FULL_NAME: "Leicestershire Children's Workforce Assistant",
        TEAMS_APP_VERSION: '2.0.10',
        TEAMS_DEVELOPER_NAME: 'Leicestershire County Council',
        TEAMS_DEVELOPER_URL: 'https://www.leicestershire.gov.uk',
        TEAMS_PRIVACY_URL: 'https://www.leicestershire.gov.uk/privacy',
        TEAMS_TERMS_URL: 'https://www.leicestershire.gov.uk/terms',
      },
      SAMPLE_VERSION,
    );
    expect(config.appId).to.equal('a1b2c3d4-0000-4000-8000-000000000001');
    expect(config.botId).to.equal(SAMPLE_ENV.MicrosoftAppId);
    expect(config.version).to.equal('2.0.10');
    expect(config.name).to.deep.equal({ short: 'Leics Workforce', full: "Leicestershire Children's Workforce Assistant" });
    expect(config.developer).to.deep.equal({
      name: 'Leicestershire County Council',
      websiteUrl: 'https://www.leicestershire.gov.uk',
      privacyUrl: 'https://www.leicestershire.gov.uk/privacy',
      termsOfUseUrl: 'https://www.leicestershire.gov.uk/terms',
    });
  });

  it('tidies values an admin might paste: spaces, capitals, empty optional settings', () => {
    const config = loadManifestConfig(
      { MicrosoftAppId: ' 3F2504E0-4F89-41D3-9A0C-0305E82C3301 ', BOT_DOMAIN: 'Bot.Council.GOV.uk ', TEAMS_APP_NAME: '' },
      SAMPLE_VERSION,
    );
    expect(config.botId).to.equal(SAMPLE_ENV.MicrosoftAppId);
    expect(config.botDomain).to.equal('bot.council.gov.uk');
    expect(config.name.short).to.equal(DEFAULT_APP_NAME);
  });

  it("uses a renamed app's short name as its full name unless that is set too", () => {
    expect(loadManifestConfig({ ...SAMPLE_ENV, TEAMS_APP_NAME: 'Oxon Workforce' }, SAMPLE_VERSION).name).to.deep.equal({
      short: 'Oxon Workforce',
      full: 'Oxon Workforce',
    });
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['no MicrosoftAppId', { BOT_DOMAIN: SAMPLE_ENV.BOT_DOMAIN }, /MicrosoftAppId: required/],
    ['a MicrosoftAppId that is not a GUID', { ...SAMPLE_ENV, MicrosoftAppId: 'my-bot' }, /MicrosoftAppId: must be a GUID/],
    ['a GUID missing a digit', { ...SAMPLE_ENV, MicrosoftAppId: '3f2504e0-4f89-41d3-9a0c-0305e82c330' }, /MicrosoftAppId: must be a GUID/],
    ['no BOT_DOMAIN', { MicrosoftAppId: SAMPLE_ENV.MicrosoftAppId }, /BOT_DOMAIN: required/],
    ['a BOT_DOMAIN with https://', { ...SAMPLE_ENV, BOT_DOMAIN: 'https://bot.council.gov.uk' }, /BOT_DOMAIN: .*without a scheme/],
    ['a BOT_DOMAIN with a path', { ...SAMPLE_ENV, BOT_DOMAIN: 'bot.council.gov.uk/api/messages' }, /BOT_DOMAIN: .*without a path/],
    ['a BOT_DOMAIN with a port', { ...SAMPLE_ENV, BOT_DOMAIN: 'bot.council.gov.uk:3978' }, /BOT_DOMAIN: .*without a port/],
    ['a BOT_DOMAIN that is not a host name', { ...SAMPLE_ENV, BOT_DOMAIN: 'localhost' }, /BOT_DOMAIN: must be a host name/],
    ['a version with a "v"', { ...SAMPLE_ENV, TEAMS_APP_VERSION: 'v1.2.3' }, /TEAMS_APP_VERSION: must be a version MAJOR.MINOR.PATCH/],
    ['a version with two parts', { ...SAMPLE_ENV, TEAMS_APP_VERSION: '1.2' }, /TEAMS_APP_VERSION/],
    ['a pre-release version', { ...SAMPLE_ENV, TEAMS_APP_VERSION: '1.2.3-beta.1' }, /TEAMS_APP_VERSION/],
    ['a TEAMS_APP_ID that is not a GUID', { ...SAMPLE_ENV, TEAMS_APP_ID: 'workforce' }, /TEAMS_APP_ID: must be a GUID/],
    ['a short name over 30 characters', { ...SAMPLE_ENV, TEAMS_APP_NAME: 'x'.repeat(31) }, /TEAMS_APP_NAME: must be at most 30 characters/],
    ['a full name over 100 characters', { ...SAMPLE_ENV, TEAMS_APP_FULL_NAME: 'x'.repeat(101) }, /TEAMS_APP_FULL_NAME: must be at most 100/],
    ['a developer name over 32 characters', { ...SAMPLE_ENV, TEAMS_DEVELOPER_NAME: 'x'.repeat(33) }, /TEAMS_DEVELOPER_NAME: must be at most 32/],
    ['a developer URL that is not https', { ...SAMPLE_ENV, TEAMS_DEVELOPER_URL: 'http://www.council.gov.uk' }, /TEAMS_DEVELOPER_URL: must be a full https/],
    ['a privacy URL without a scheme', { ...SAMPLE_ENV, TEAMS_PRIVACY_URL: 'www.council.gov.uk/privacy' }, /TEAMS_PRIVACY_URL: must be a full https/],
    ['a terms URL that is not a URL', { ...SAMPLE_ENV, TEAMS_TERMS_URL: 'see intranet' }, /TEAMS_TERMS_URL: must be a full https/],
  ];
  for (const [name, env, message] of bad) {
    it(`refuses ${name}, naming the variable`, () => {
      expect(() => loadManifestConfig(env, SAMPLE_VERSION)).to.throw(ManifestConfigError, message);
    });
  }

  it('names every bad variable at once, with the value it got', () => {
    let message = '';
    try {
      loadManifestConfig({ MicrosoftAppId: 'my-bot', BOT_DOMAIN: 'https://bot.council.gov.uk' }, SAMPLE_VERSION);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).to.match(/MicrosoftAppId: .*\(got "my-bot"\)/);
    expect(message).to.match(/BOT_DOMAIN: .*\(got "https:\/\/bot.council.gov.uk"\)/);
  });

  it('says when a bad version came from package.json rather than TEAMS_APP_VERSION', () => {
    expect(() => loadManifestConfig(SAMPLE_ENV, '1.0.0-rc.1')).to.throw(ManifestConfigError, /TEAMS_APP_VERSION: .*package\.json/);
  });
});
