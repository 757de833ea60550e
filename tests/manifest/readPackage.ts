import JSZip from 'jszip';
import { PNG } from 'pngjs';

/** What a Teams app package holds, opened the way Teams opens it. */
export interface OpenedPackage {
  /** Every entry in the zip, folders included, so a stray file or folder is noticed. */
  names: string[];
  manifest: Record<string, unknown>;
  color: PNG;
  outline: PNG;
}

/** Opens a package zip and decodes its manifest and icons. */
export async function readPackage(zipBytes: Buffer): Promise<OpenedPackage> {
  const zip = await JSZip.loadAsync(zipBytes);
  const bytes = async (name: string) => {
    const entry = zip.file(name);
    if (!entry) throw new Error(`${name} is not in the package`);
    return entry.async('nodebuffer');
  };
  return {
    names: Object.keys(zip.files).sort(),
    manifest: JSON.parse((await bytes('manifest.json')).toString('utf8')) as Record<string, unknown>,
    color: PNG.sync.read(await bytes('color.png')),
    outline: PNG.sync.read(await bytes('outline.png')),
  };
}

/** The [r, g, b, a] of every pixel. */
export function pixels(png: PNG): [number, number, number, number][] {
  const result: [number, number, number, number][] = [];
  for (let i = 0; i < png.data.length; i += 4) result.push([png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]]);
  return result;
}
