import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder holding package.json, found by walking up from this file, so data paths resolve the
 * same whether the code runs from source (ts-node) or from the compiled dist/ folder.
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
