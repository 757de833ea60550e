import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { freshFolderEachTest } from '../../helpers/tempFolder';
import { directLineTokenKey, TOKEN_KEY_FILE } from '../../../bot/webchat/tokenKey';

describe('directLineTokenKey', () => {
  const folder = freshFolderEachTest('token-key-');

  it('uses DIRECT_LINE_TOKEN_SECRET when it is set, and writes no file', () => {
    const key = directLineTokenKey({ secret: 's'.repeat(40), dataDir: folder() });
    expect(key.toString()).to.equal('s'.repeat(40));
    expect(fs.existsSync(path.join(folder(), TOKEN_KEY_FILE))).to.equal(false);
  });

  it('makes a key file readable by its owner only and reads the same key after a restart', () => {
    const first = directLineTokenKey({ dataDir: folder() });
    const file = path.join(folder(), TOKEN_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).to.equal(0o600);
    expect(directLineTokenKey({ dataDir: folder() }).equals(first)).to.equal(true);
    expect(first).to.have.length(32);
    expect(fs.readdirSync(folder()), 'no temporary files left').to.deep.equal([TOKEN_KEY_FILE]);
  });

  it('refuses a damaged key file with a message saying what to do', () => {
    fs.writeFileSync(path.join(folder(), TOKEN_KEY_FILE), 'not a key');
    expect(() => directLineTokenKey({ dataDir: folder() })).to.throw(/damaged\. Delete it/);
  });

  it('makes a fresh key for an in-memory database', () => {
    expect(directLineTokenKey({ dataDir: ':memory:' }).equals(directLineTokenKey({ dataDir: ':memory:' }))).to.equal(false);
  });
});
