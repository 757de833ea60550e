import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../knowledge/projectRoot';
import { createAppPackage, packageFileName } from './appPackage';
import { createManifest } from './createManifest';
import { loadManifestConfig, ManifestConfigError } from './manifestConfig';
import { ManifestInvalidError } from './validateManifest';

const USAGE = `Usage: npm run package [-- --out DIR]
Builds the Teams app package (manifest.json, color.png, outline.png) as a zip in DIR
(default manifest/build). Settings come from the environment, or a .env file in the current
folder: MicrosoftAppId and BOT_DOMAIN are required. See manifest/README.md.`;

/** `npm run package`: checks the settings and the manifest, then writes the Teams app package. */
async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const outAt = argv.indexOf('--out');
  const unknown = argv.filter((_, i) => outAt < 0 || (i !== outAt && i !== outAt + 1));
  if ((outAt >= 0 && !argv[outAt + 1]) || unknown.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const root = projectRoot();
  const outDir = outAt >= 0 ? path.resolve(argv[outAt + 1]) : path.join(root, 'manifest', 'build');

  // The same .env the bot reads, so one file holds MicrosoftAppId for both; real variables win.
  const envFile = path.resolve('.env');
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile);
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const manifest = createManifest(loadManifestConfig(process.env, version));
  const zip = await createAppPackage(manifest);

  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, packageFileName(manifest));
  // Written beside the target and renamed, so an interrupted build never leaves a half-written zip.
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, zip);
  fs.renameSync(partial, file);
  console.log(
    `Built ${path.relative(process.cwd(), file) || file}: "${manifest.name.short}" ${manifest.version}, ` +
      `Teams manifest v${manifest.manifestVersion}, bot ${manifest.bots?.[0]?.botId} at https://${manifest.validDomains?.[0]}`,
  );
  return 0;
}

main(process.argv.slice(2))
  .then((code) => (process.exitCode = code))
  .catch((err: unknown) => {
    if (err instanceof ManifestConfigError || err instanceof ManifestInvalidError) console.error(`${err.message}\nNo package was written.`);
    else console.error('The Teams app package could not be built:', err);
    process.exitCode = 1;
  });
