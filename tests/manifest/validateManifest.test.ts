import fs from 'node:fs';
import { expect } from 'chai';
import { createManifest } from '../../manifest/createManifest';
import { loadManifestConfig } from '../../manifest/manifestConfig';
import { bundledSchemaPath, validateManifest } from '../../manifest/validateManifest';
import { SAMPLE_ENV, SAMPLE_VERSION } from './sampleEnv';

describe('validateManifest', () => {
  const valid = createManifest(loadManifestConfig(SAMPLE_ENV, SAMPLE_VERSION));
  const broken = (change: (m: Record<string, unknown>) => void): Record<string, unknown> => {
    const copy = JSON.parse(JSON.stringify(valid)) as Record<string, unknown>;
    change(copy);
    return copy;
  };

  it('finds the bundled draft-04 schema for a version', () => {
    const schema = JSON.parse(fs.readFileSync(bundledSchemaPath('1.30'), 'utf8')) as { $schema: string; properties: { manifestVersion: { const: string } } };
    expect(schema.$schema).to.equal('http://json-schema.org/draft-04/schema#');
    expect(schema.properties.manifestVersion.const).to.equal('1.30');
  });

  it('refuses a version the package does not bundle', () => {
    expect(() => bundledSchemaPath('9.99')).to.throw(/does not bundle/);
    expect(validateManifest(broken((m) => (m.manifestVersion = '9.99')))[0]).to.match(/manifestVersion .*does not bundle/);
    expect(validateManifest(broken((m) => delete m.manifestVersion))[0]).to.match(/manifestVersion is missing/);
  });

  it('reports every schema error with where it is', () => {
    const errors = validateManifest(
      broken((m) => {
        (m.bots as Record<string, unknown>[])[0].botId = 'not-a-guid';
        (m.name as Record<string, unknown>).short = 'x'.repeat(31);
        m.accentColor = 'blue';
        m.permissions = ['everything'];
        m.favouriteColour = 'blue';
        delete m.developer;
      }),
    );
    expect(errors).to.include.members([
      '/bots/0/botId must match pattern "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$"',
      '/name/short must NOT have more than 30 characters',
      '(top level) must NOT have additional properties: "favouriteColour"',
      "(top level) must have required property 'developer'",
    ]);
    expect(errors.some((e) => e.startsWith('/accentColor must match pattern'))).to.equal(true);
    expect(errors.some((e) => e.startsWith('/permissions/0 must be equal to one of the allowed values: ["identity","messageTeamMembers"]'))).to.equal(true);
  });

  it('catches a $schema URL for another version than manifestVersion', () => {
    const errors = validateManifest(broken((m) => (m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json')));
    expect(errors).to.deep.equal([
      '/$schema must be https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json to match manifestVersion 1.30',
    ]);
  });
});
