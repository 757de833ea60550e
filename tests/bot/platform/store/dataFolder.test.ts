import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { freshFolderEachTest } from '../../../helpers/tempFolder';
import { dataFolderProblem, IN_MEMORY } from '../../../../bot/platform/store/dataFolder';

describe('dataFolderProblem', () => {
  const folder = freshFolderEachTest('staffbot-folder-');

  it('creates a missing folder, and finds nothing wrong with it', () => {
    const dir = path.join(folder(), 'nested', 'data');
    expect(dataFolderProblem(dir)).to.equal(undefined);
    expect(fs.statSync(dir).isDirectory()).to.equal(true);
  });

  it('names the folder and what to do when DATA_DIR is a file', () => {
    const file = path.join(folder(), 'not-a-folder');
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
