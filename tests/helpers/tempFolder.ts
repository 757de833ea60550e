import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Registers hooks that give each test of the suite an empty temporary folder and delete it after; call the result for the path. */
export function freshFolderEachTest(prefix: string): () => string {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}
