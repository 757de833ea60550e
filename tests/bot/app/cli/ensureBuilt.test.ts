import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { writeAgedFile } from '../../../helpers/tempFolder';

// The launcher is plain JavaScript (it runs before anything is compiled), so it is loaded with require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { firstChangedSource } = require('../../../../bot/app/cli/ensureBuilt.cjs') as { firstChangedSource: (root: string) => string | null };

describe('ensureBuilt (npm start compiles only when the sources changed)', () => {
  let root: string;
  const write = (file: string, ageSeconds: number) => writeAgedFile(root, file, ageSeconds);

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-built-'));
    write('tsconfig.json', 100);
    write('tsconfig.build.json', 100);
    write('bot/app/index.ts', 100);
    write('dialogs/core/rootDialog.ts', 100);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('asks for a build when there is none yet (a clone installed without scripts)', () => {
    expect(firstChangedSource(root)).to.equal(path.join('dist', '.tsbuildinfo'));
  });

  it('starts at once when the build is newer than every source', () => {
    write('dist/.tsbuildinfo', 10);
    expect(firstChangedSource(root)).to.equal(null);
  });

  it('names a source file edited after the build', () => {
    write('dist/.tsbuildinfo', 10);
    write('dialogs/forms/settingsForm.ts', 1);
    expect(firstChangedSource(root)).to.equal(path.join('dialogs', 'forms', 'settingsForm.ts'));
  });

  it('notices a changed compiler setting', () => {
    write('dist/.tsbuildinfo', 10);
    write('tsconfig.build.json', 1);
    expect(firstChangedSource(root)).to.equal('tsconfig.build.json');
  });

  it('ignores generated files that the build does not compile', () => {
    write('dist/.tsbuildinfo', 10);
    write('knowledge/build/kb.json', 1);
    write('bot/types.d.ts', 1);
    write('node_modules/x/index.ts', 1);
    expect(firstChangedSource(root)).to.equal(null);
  });
});
