import { expect } from 'chai';
import { PNG } from 'pngjs';
import { readAppIcons } from '../../manifest/appIcons';
import { createAppPackage, packageFileName } from '../../manifest/appPackage';
import { createManifest, TeamsManifest } from '../../manifest/createManifest';
import { loadManifestConfig } from '../../manifest/manifestConfig';
import { ManifestInvalidError } from '../../manifest/validateManifest';
import { readPackage } from './readPackage';
import { SAMPLE_ENV, SAMPLE_VERSION } from './sampleEnv';

describe('createAppPackage', () => {
  const manifest = createManifest(loadManifestConfig(SAMPLE_ENV, SAMPLE_VERSION));

  it('zips exactly manifest.json and the two icons, at the top level', async () => {
    const opened = await readPackage(await createAppPackage(manifest));
    expect(opened.names).to.deep.equal(['color.png', 'manifest.json', 'outline.png']);
    expect(opened.manifest).to.deep.equal(JSON.parse(JSON.stringify(manifest)));
    expect([opened.color.width, opened.color.height]).to.deep.equal([192, 192]);
    expect([opened.outline.width, opened.outline.height]).to.deep.equal([32, 32]);
    // The icons are the committed files, unchanged.
    expect(opened.color.data.equals(PNG.sync.read(readAppIcons().color).data)).to.equal(true);
    expect(opened.outline.data.equals(PNG.sync.read(readAppIcons().outline).data)).to.equal(true);
  });

  it('refuses a manifest that does not match its schema, listing each error', async () => {
    const invalid = { ...manifest, accentColor: 'blue', id: 'not-a-guid' } as TeamsManifest;
    const error = await createAppPackage(invalid).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).to.be.instanceOf(ManifestInvalidError);
    const { errors, message } = error as ManifestInvalidError;
    expect(errors.map((e) => e.split(' ')[0])).to.include.members(['/accentColor', '/id']);
    for (const e of errors) expect(message).to.include(e);
  });

  it('names the file after the app and its version', () => {
    expect(packageFileName(manifest)).to.equal(`workforce-assistant-${SAMPLE_VERSION}.zip`);
    expect(packageFileName({ ...manifest, name: { short: "Children's Hub (Oxon)" } })).to.equal(`children-s-hub-oxon-${SAMPLE_VERSION}.zip`);
    expect(packageFileName({ ...manifest, name: { short: '☆☆' } })).to.equal(`teams-app-${SAMPLE_VERSION}.zip`);
  });
});
