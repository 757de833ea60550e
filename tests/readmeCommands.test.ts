import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { projectRoot } from '../knowledge/projectRoot';
import { freePort } from './helpers/freePort';

/**
 * The README's own commands, taken from the README itself: the bot is started with the block that
 * sets ADMIN_API_TOKEN and runs `npm start`, on a fresh data folder, and then every `curl` in the
 * README runs in the order given and must succeed (curl fails on any HTTP error here).
 */
const README = fs.readFileSync(path.join(projectRoot(), 'README.md'), 'utf8');
const shellBlocks = [...README.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);

/** Whole commands starting with `curl`, joining backslash continuations and quoted text spanning lines. */
function curlCommands(blocks: string[]): string[] {
  const commands: string[] = [];
  for (const block of blocks) {
    let current: string[] | undefined;
    for (const line of block.split('\n')) {
      if (!current && !/^curl\s/.test(line)) continue;
      current = [...(current ?? []), line];
      const text = current.join('\n');
      const openQuote = (text.match(/'/g) ?? []).length % 2 === 1;
      if (!openQuote && !line.trimEnd().endsWith('\\')) {
        commands.push(text);
        current = undefined;
      }
    }
  }
  return commands;
}

const startBlock = shellBlocks.find((block) => /export ADMIN_API_TOKEN=/.test(block) && /^npm start$/m.test(block));
const exportLines = (startBlock ?? '').split('\n').filter((line) => line.startsWith('export '));

/** The environment of a newcomer's shell: nothing of this machine's bot settings or CI databases. */
function freshEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const name of Object.keys(env)) {
    if (/^(DATABASE_URL|REDIS_URL|ADMIN_API_TOKEN|COMMS_USERS|ADMINS|Microsoft|DIRECT_LINE|WEBCHAT_|PULSE_|PUBLIC_BASE_URL|AUTHORITY|TS_NODE)/.test(name))
      delete env[name];
  }
  return { ...env, ...extra };
}

function runShell(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', script], { env, cwd: projectRoot(), timeout: 60000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('README commands on a fresh start', function () {
  // The start compiles first when a source file is newer than dist/ (as npm start does on a dev machine).
  this.timeout(300000);
  let bot: ChildProcess | undefined;
  let port = 0;
  let dataDir = '';

  before(async () => {
    expect(startBlock, 'the README has a block exporting ADMIN_API_TOKEN then running npm start').to.be.a('string');
    port = await freePort();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));
    // Its own process group, so stopping it stops npm, the shell and the bot together.
    bot = spawn('bash', ['-c', startBlock!], {
      cwd: projectRoot(),
      detached: true,
      stdio: 'ignore',
      env: freshEnvironment({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' }),
    });
    const deadline = Date.now() + 280000;
    for (;;) {
      if (bot.exitCode !== null) throw new Error(`the README's start command exited with ${bot.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error('/healthz never answered');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  after(async () => {
    if (bot?.pid && bot.exitCode === null) {
      const exited = new Promise((resolve) => bot!.once('exit', resolve));
      process.kill(-bot.pid, 'SIGTERM');
      await exited;
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds the README examples (a change to their layout must not make this test vacuous)', () => {
    const commands = curlCommands(shellBlocks);
    expect(commands.length).to.be.at.least(10);
    expect(commands.join('\n')).to.include('/api/briefings').and.include('/api/surveys');
    expect(README).not.to.match(/uuidgen/);
  });

  it('runs every curl in the order given, each succeeding', async () => {
    const prelude = [...exportLines, 'curl() { command curl --fail-with-body --silent --show-error "$@"; }'].join('\n');
    const created: number[] = [];
    for (const command of curlCommands(shellBlocks)) {
      const local = command.replaceAll('localhost:3978', `localhost:${port}`);
      const { code, stdout, stderr } = await runShell(`${prelude}\n${local}`, freshEnvironment({}));
      expect(code, `${command}\n${stdout}\n${stderr}`).to.equal(0);
      if (/^curl -X POST \S+\/api\/(briefings|surveys) /.test(command)) created.push((JSON.parse(stdout) as { id: number }).id);
    }
    // The README says the first briefing and the first pulse get id 1, which the later commands use.
    expect(created).to.deep.equal([1, 1]);
  });
});
