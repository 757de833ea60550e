import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { projectRoot } from '../../../knowledge/projectRoot';

const run = promisify(execFile);

/** Runs one of the bot's commands from `cwd` with only the environment given, the way a council's operator would from a shell. */
function command(script: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const { DATA_DIR: _dataDir, DATABASE_URL: _databaseUrl, ...inherited } = process.env;
  return run(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), path.join(projectRoot(), 'bot', 'cli', script), ...args], {
    env: { ...inherited, ...env, TS_NODE_PROJECT: path.join(projectRoot(), 'tsconfig.json') },
    cwd,
  });
}

describe('npm run content:import and content:export', function () {
  this.timeout(120000);
  let work: string;

  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-content-cli-'));
    fs.mkdirSync(path.join(work, 'in'));
    // Two shipped entries without their cross-references, so the folder passes kb:check on its own.
    for (const id of ['tac', 'caf']) {
      const text = fs.readFileSync(path.join(projectRoot(), 'knowledge', 'content', `${id}.md`), 'utf8');
      fs.writeFileSync(path.join(work, 'in', `${id}.md`), text.replace(/^related: .*\n/m, ''));
    }
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  it('read DATA_DIR from a .env file in the folder they run in, as npm start does', async () => {
    fs.writeFileSync(path.join(work, '.env'), `DATA_DIR=${path.join(work, 'from-dotenv')}\n`);
    const imported = await command('contentImport.ts', ['--from', 'in'], work);
    expect(imported.stdout).to.match(/2 entries in in: 2 added, 0 updated, 0 unchanged/);
    expect(fs.existsSync(path.join(work, 'from-dotenv'))).to.equal(true);

    const exported = await command('contentExport.ts', ['--out', 'out'], work);
    expect(exported.stdout).to.match(/2 live entries; 2 file\(s\) written to out/);
    expect(fs.readdirSync(path.join(work, 'out')).sort()).to.deep.equal(['caf.md', 'tac.md']);
    const again = await command('contentExport.ts', ['--out', 'out'], work);
    expect(again.stdout).to.match(/0 file\(s\) written/);
  });

  it('say what is wrong with an unreachable database in one line, not a stack trace, and exit 1', async () => {
    const failure = await command('contentExport.ts', ['--out', 'out'], work, { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', DATABASE_CONNECT_TIMEOUT_SECONDS: '1' }).then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure, 'the command should fail').to.not.equal(undefined);
    expect(failure!.code).to.equal(1);
    expect(failure!.stderr).to.not.match(/\n\s+at /);
    expect(failure!.stderr.trim()).to.not.equal('');
  });
});
