import fs from 'node:fs';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { expect } from 'chai';
import { createManifest, MANIFEST_SCHEMA_URL, MANIFEST_VERSION, TeamsManifest } from '../../manifest/createManifest';
import { loadManifestConfig } from '../../manifest/manifestConfig';
import { bundledSchemaPath, validateManifest } from '../../manifest/validateManifest';
import { SAMPLE_ENV, SAMPLE_VERSION } from './sampleEnv';

describe('createManifest', () => {
  const config = loadManifestConfig(SAMPLE_ENV, SAMPLE_VERSION);
  const manifest = createManifest(config);
  const id = SAMPLE_ENV.MicrosoftAppId;
  const bot = manifest.bots![0];

  it('validates against the bundled schema for its version', () => {
    expect(validateManifest(manifest)).to.deep.equal([]);
  });

  it("also passes @microsoft/app-manifest's own validator, given the bundled schema (no network)", async () => {
    const schema = JSON.parse(fs.readFileSync(bundledSchemaPath(MANIFEST_VERSION), 'utf8')) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
    expect(await AppManifestUtils.validateAgainstSchema(manifest, schema)).to.deep.equal([]);
  });

  it('declares the schema by its published URL and matching version', () => {
    expect(manifest.$schema).to.equal(MANIFEST_SCHEMA_URL);
    expect(MANIFEST_SCHEMA_URL).to.equal(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
  });

  it('fills identity, names and developer links from the settings', () => {
    expect(manifest.id).to.equal(id);
    expect(manifest.version).to.equal(SAMPLE_VERSION);
    expect(manifest.name).to.deep.equal(config.name);
    expect(manifest.developer).to.deep.equal(config.developer);
    expect(manifest.icons).to.deep.equal({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.accentColor).to.match(/^#[0-9a-f]{6}$/i);
  });

  it("describes the app for children's workforce staff within Teams' limits", () => {
    expect(manifest.description.short.length).to.be.at.most(80);
    expect(manifest.description.full).to.include("children's workforce");
    expect(manifest.description.full).to.include('safeguarding');
  });

  it('declares the bot in personal, team and group chat scopes, without files', () => {
    expect(bot.botId).to.equal(id);
    expect(bot.scopes).to.have.members(['personal', 'team', 'groupChat']);
    expect(bot.supportsFiles).to.equal(false);
  });

  it('lists the commands for every scope the bot is in, each with a description', () => {
    const lists = bot.commandLists ?? [];
    const titlesFor = (scope: string) => lists.filter((l) => (l.scopes as string[]).includes(scope)).flatMap((l) => l.commands.map((c) => c.title));
    expect(titlesFor('personal')).to.deep.equal(['help', 'glossary', 'pulse', 'training', 'briefings', 'settings']);
    for (const scope of ['team', 'groupChat']) {
      expect(titlesFor(scope)).to.include.members(['help', 'glossary']);
      expect(titlesFor(scope)).not.to.include('pulse');
    }
    for (const command of lists.flatMap((l) => l.commands)) {
      expect(command.description, command.title).to.be.a('string').and.not.equal('');
      // Teams' documented display limits for bot commands, tighter than the schema's.
      expect(command.title.length).to.be.at.most(32);
      expect(command.description!.length).to.be.at.most(128);
    }
  });

  it('declares the glossary search message extension', () => {
    expect(manifest.composeExtensions).to.have.length(1);
    const extension = manifest.composeExtensions![0];
    expect(extension.botId).to.equal(id);
    expect(extension.commands).to.deep.equal([
      {
        id: 'searchGlossary',
        type: 'query',
        title: 'Search the glossary',
        description: 'Find a term or acronym and share its meaning in the conversation',
        initialRun: true,
        context: ['compose', 'commandBox'],
        parameters: [{ name: 'searchKeywords', title: 'Term', description: 'A term or acronym, e.g. CAF', inputType: 'text' }],
      },
    ]);
  });

  it('pins the dashboard as a personal tab on the bot domain', () => {
    expect(manifest.staticTabs).to.deep.equal([
      {
        entityId: 'dashboard',
        name: 'Dashboard',
        contentUrl: 'https://bot.council.gov.uk/dashboard?inTeams=1',
        websiteUrl: 'https://bot.council.gov.uk/dashboard',
        scopes: ['personal'],
      },
    ]);
    expect(manifest.showLoadingIndicator).to.equal(false);
    expect(manifest.isFullScreen).to.equal(false);
  });

  it('trusts only the bot domain and sets up single sign-on and permissions', () => {
    expect(manifest.validDomains).to.deep.equal(['bot.council.gov.uk']);
    expect(manifest.webApplicationInfo).to.deep.equal({ id, resource: `api://bot.council.gov.uk/${id}` });
    expect(manifest.permissions).to.deep.equal(['identity', 'messageTeamMembers']);
  });

  it('uses TEAMS_APP_ID for the app but keeps the bot id for the bot and sign-on', () => {
    const appId = 'a1b2c3d4-0000-4000-8000-000000000001';
    const other: TeamsManifest = createManifest(loadManifestConfig({ ...SAMPLE_ENV, TEAMS_APP_ID: appId }, SAMPLE_VERSION));
    expect(other.id).to.equal(appId);
    expect(other.bots![0].botId).to.equal(id);
    expect(other.webApplicationInfo!.id).to.equal(id);
    expect(validateManifest(other)).to.deep.equal([]);
  });

  it('stays valid at the longest names and links the settings allow', () => {
    const longest = createManifest(
      loadManifestConfig(
        {
          ...SAMPLE_ENV,
          TEAMS_APP_NAME: 'n'.repeat(30),
          TEAMS_APP_FULL_NAME: 'f'.repeat(100),
          TEAMS_DEVELOPER_NAME: 'd'.repeat(32),
          TEAMS_PRIVACY_URL: `https://www.council.gov.uk/${'p'.repeat(2000)}`,
        },
        '999.999.999',
      ),
    );
    expect(validateManifest(longest)).to.deep.equal([]);
  });
});
