import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { projectRoot } from '../../../../knowledge/projectRoot';
import { loadCatalogue } from '../../../../knowledge/training/catalogueLoader';

const run = promisify(execFile);

/** Runs one of the bot's commands from `cwd` with only the environment given, the way a council's operator would from a shell. */
function command(script: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const { DATA_DIR: _dataDir, DATABASE_URL: _databaseUrl, ...inherited } = process.env;
  return run(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), path.join(projectRoot(), 'bot', 'app', 'cli', script), ...args], {
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
    const failure = await command('contentExport.ts', ['--out', 'out'], work, {
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      DATABASE_CONNECT_TIMEOUT_SECONDS: '1',
    }).then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure, 'the command should fail').to.not.equal(undefined);
    expect(failure!.code).to.equal(1);
    expect(failure!.stderr).to.not.match(/\n\s+at /);
    expect(failure!.stderr.trim()).to.not.equal('');
  });
});

describe('npm run content:import and content:export with --training', function () {
  this.timeout(120000);
  let work: string;
  const shippedTraining = path.join(projectRoot(), 'knowledge', 'training');

  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-catalogue-cli-'));
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  it('load the catalogue YAML into the database and write it back so it reads as the same catalogue', async () => {
    const env = { DATA_DIR: path.join(work, 'data') };
    const imported = await command('contentImport.ts', ['--training', shippedTraining], work, env);
    expect(imported.stdout).to.match(/courses and sessions in .*: \d+ added, 0 updated, 0 unchanged/);
    const exported = await command('contentExport.ts', ['--out', 'out', '--training', 'training'], work, env);
    expect(exported.stdout).to.match(/live courses and sessions; 2 file\(s\) written to training/);
    const back = loadCatalogue(path.join(work, 'training'));
    const shipped = loadCatalogue(shippedTraining);
    expect(back.problems).to.deep.equal([]);
    expect(back.catalogue.courses).to.deep.equal(shipped.catalogue.courses);
    // Sessions come back by id; their order never mattered (each course lists its own by date).
    const sessions = (c: typeof shipped.catalogue) =>
      c.sessions
        .map((s) => [s.id, s.start.toISO(), s.end.toISO(), s.venue ?? null, s.placesLeft, s.cancelled])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(sessions(back.catalogue)).to.deep.equal(sessions(shipped.catalogue));
    const again = await command('contentExport.ts', ['--out', 'out', '--training', 'training'], work, env);
    expect(again.stdout).to.match(/0 file\(s\) written to training/);
  });

  it('import nothing when the catalogue has an error', async () => {
    fs.mkdirSync(path.join(work, 'bad'));
    fs.copyFileSync(path.join(shippedTraining, 'courses.yaml'), path.join(work, 'bad', 'courses.yaml'));
    fs.writeFileSync(
      path.join(work, 'bad', 'sessions.yaml'),
      'sessions:\n  - id: s-1\n    course: no-such-course\n    start: 2027-01-01T09:00\n    end: 2027-01-01T10:00\n    timezone: Europe/London\n    online: true\n    places_left: 3\n',
    );
    const failure = await command('contentImport.ts', ['--training', 'bad'], work, { DATA_DIR: path.join(work, 'data') }).then(
      () => undefined,
      (err: { code: number; stdout: string }) => err,
    );
    expect(failure?.code).to.equal(1);
    expect(failure?.stdout).to.contain('no-such-course').and.to.contain('nothing was imported');
  });
});
