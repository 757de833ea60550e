import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../knowledge/projectRoot';

/** Where the committed icons are: drawn once, checked by tests/manifest/appIcons.test.ts. */
export const ICON_DIR = path.join(projectRoot(), 'manifest', 'icons');

/** The two icons Teams needs: the 192×192 full-colour one and the 32×32 white-on-transparent outline. */
export interface AppIcons {
  color: Buffer;
  outline: Buffer;
}

/** Reads the committed icons, from the source folder so the compiled code finds them too. */
export function readAppIcons(dir: string = ICON_DIR): AppIcons {
  return { color: fs.readFileSync(path.join(dir, 'color.png')), outline: fs.readFileSync(path.join(dir, 'outline.png')) };
}
