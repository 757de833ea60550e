import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { dataFolderProblem, IN_MEMORY } from '../../../../bot/platform/store/dataFolder';

describe('dataFolderProblem', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-folder-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('creates a missing folder, and finds nothing wrong with it', () => {
    const dir = path.join(root, 'nested', 'data');
    expect(dataFolderProblem(dir)).to.equal(undefined);
    expect(fs.statSync(dir).isDirectory()).to.equal(true);
  });

  it('names the folder and what to do when DATA_DIR is a file', () => {
    const file = path.join(root, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    expect(dataFolderProblem(file))
      .to.include(file)
      .and.match(/cannot be written \(EEXIST\)/)
      .and.match(/Set DATA_DIR to a writable folder/);
  });

  it('needs nothing on disk for an in-memory database', () => {
    expect(dataFolderProblem(IN_MEMORY)).to.equal(undefined);
    expect(fs.existsSync(path.resolve(IN_MEMORY))).to.equal(false);
  });
});
