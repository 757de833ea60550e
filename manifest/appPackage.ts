import JSZip from 'jszip';
import { readAppIcons } from './appIcons';
import { ICON_FILES, TeamsManifest } from './createManifest';
import { ManifestInvalidError, validateManifest } from './validateManifest';

/** The package's file name, e.g. workforce-assistant-1.2.0.zip, so admins can tell versions apart. */
export function packageFileName(manifest: TeamsManifest): string {
  const slug = manifest.name.short
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'teams-app'}-${manifest.version}.zip`;
}

/**
 * Builds the Teams app package in memory: manifest.json and the two icons at the top level of a
 * zip, as Teams requires. Throws ManifestInvalidError, before anything is read or zipped, when
 * the manifest does not match its bundled schema.
 */
export async function createAppPackage(manifest: TeamsManifest): Promise<Buffer> {
  const errors = validateManifest(manifest);
  if (errors.length > 0) throw new ManifestInvalidError(errors);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  const icons = readAppIcons();
  zip.file(ICON_FILES.color, icons.color);
  zip.file(ICON_FILES.outline, icons.outline);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
