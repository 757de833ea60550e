import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { projectRoot } from '../../knowledge/projectRoot';
import { validateManifest } from '../../manifest/validateManifest';
import { readPackage } from './readPackage';
import { isolatedEnv, SAMPLE_ENV } from './sampleEnv';

const ROOT = projectRoot();
const CLI = path.join(ROOT, 'manifest', 'buildPackage.ts');
const TS_NODE = require.resolve('ts-node/register/transpile-only');
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run package` as Node would, from `cwd` (a temp folder, so the project's .env stays out). */
function runCli(cwd: string, settings: Record<string, string>, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    // ts-node looks for tsconfig.json from the working folder, so it is named outright.
    const env = { ...isolatedEnv(settings), TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') };
    execFile(process.execPath, ['-r', TS_NODE, CLI, ...args], { cwd, env, timeout: 60000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('npm run package (manifest/buildPackage.ts)', function () {
  this.timeout(60000);
  let work: string;
  let out: string;

  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-package-'));
    out = path.join(work, 'out');
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  const written = () => (fs.existsSync(out) ? fs.readdirSync(out) : []);

  it('writes a valid package named after the app and the package.json version', async () => {
    const run = await runCli(work, SAMPLE_ENV, ['--out', out]);
    expect(run.stderr).to.equal('');
    expect(run.code).to.equal(0);
    const name = `workforce-assistant-${version}.zip`;
    expect(written()).to.deep.equal([name]);
    expect(run.stdout).to.include(name);
    const opened = await readPackage(fs.readFileSync(path.join(out, name)));
    expect(opened.names).to.deep.equal(['color.png', 'manifest.json', 'outline.png']);
    expect(validateManifest(opened.manifest)).to.deep.equal([]);
    expect(opened.manifest.validDomains).to.deep.equal([SAMPLE_ENV.BOT_DOMAIN]);
  });

  it('exits non-zero, names the missing variable and writes nothing', async () => {
    const run = await runCli(work, { MicrosoftAppId: SAMPLE_ENV.MicrosoftAppId }, ['--out', out]);
    expect(run.code).to.equal(1);
    expect(run.stderr).to.match(/BOT_DOMAIN: required/);
    expect(run.stderr).to.include('No package was written.');
    expect(written()).to.deep.equal([]);
  });

  it('exits non-zero, names each malformed variable and writes nothing', async () => {
    const run = await runCli(work, { MicrosoftAppId: '1234', BOT_DOMAIN: 'https://bot.council.gov.uk', TEAMS_APP_VERSION: '1.0' }, ['--out', out]);
    expect(run.code).to.equal(1);
    for (const name of ['MicrosoftAppId', 'BOT_DOMAIN', 'TEAMS_APP_VERSION']) expect(run.stderr).to.include(`${name}: `);
    expect(written()).to.deep.equal([]);
  });

  it('reads a .env file in the current folder, with real variables taking precedence', async () => {
    fs.writeFileSync(
      path.join(work, '.env'),
      `MicrosoftAppId=${SAMPLE_ENV.MicrosoftAppId}\nBOT_DOMAIN=from-env-file.council.gov.uk\nTEAMS_APP_VERSION=3.2.1\n`,
    );
    const run = await runCli(work, { BOT_DOMAIN: 'bot.council.gov.uk' }, ['--out', 'out']);
    expect(run.code, run.stderr).to.equal(0);
    const opened = await readPackage(fs.readFileSync(path.join(out, 'workforce-assistant-3.2.1.zip')));
    expect(opened.manifest.validDomains).to.deep.equal(['bot.council.gov.uk']);
  });

  it('refuses unknown arguments with its usage', async () => {
    const run = await runCli(work, SAMPLE_ENV, ['--output', out]);
    expect(run.code).to.equal(2);
    expect(run.stderr).to.include('Usage: npm run package');
    expect(written()).to.deep.equal([]);
  });
});
