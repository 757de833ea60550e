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

/** Writes a small file under `root` whose modification time is `ageSeconds` in the past, for tests of "is the build stale". */
export function writeAgedFile(root: string, file: string, ageSeconds: number): void {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, '// x\n');
  const when = new Date(Date.now() - ageSeconds * 1000);
  fs.utimesSync(full, when, when);
}
