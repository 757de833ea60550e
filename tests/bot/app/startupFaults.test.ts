import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { projectRoot } from '../../../knowledge/projectRoot';
import { openDatabase } from '../../../bot/platform/store/openDatabase';
import { silentLogger } from '../../helpers/testServices';
import { migrationFolders } from '../../../bot/app/migrationFolders';

const ENTRY = path.join(projectRoot(), 'bot', 'app', 'index.ts');
/** How long a child may take to exit before it counts as hung. */
const HANG_GUARD_MS = 150_000;

/** Run in the child before the bot: on exit, reports the packages it had loaded. */
const REPORT_PACKAGES_ON_EXIT = `process.on('exit', () => {
  const packages = new Set(Object.keys(require.cache).map((k) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(k)?.[1]).filter(Boolean));
  process.stderr.write('PACKAGES ' + JSON.stringify([...packages]) + '\\n');
});`;

/** Starts the bot and waits for it to exit on its own, as it must when it cannot start; `prelude` runs in the child first. */
function startExpectingExit(env: Record<string, string>, prelude?: string): Promise<{ code: number | null; output: string }> {
  const entry = prelude ? ['-e', `${prelude}\nrequire(${JSON.stringify(ENTRY)});`] : [ENTRY];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--disable-warning=DEP0111', '-r', 'ts-node/register/transpile-only', ...entry], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    // Only a guard against a bot that never exits: loading every module through ts-node takes 25 s of CPU on a busy 2-core machine.
    const timer = setTimeout(() => child.kill('SIGKILL'), HANG_GUARD_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('start-up faults', function () {
  this.timeout(HANG_GUARD_MS + 30_000);

  it('stops with a clear message when the data folder cannot be written', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-')), 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const { code, output } = await startExpectingExit({ DATA_DIR: file });
    expect(code).to.equal(1);
    expect(output)
      .to.include(file)
      .and.match(/cannot be written/);
  });

  it('checks the data folder before loading the bot, so a wrong DATA_DIR fails at once', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-')), 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const { code, output } = await startExpectingExit({ DATA_DIR: file }, REPORT_PACKAGES_ON_EXIT);
    expect(code).to.equal(1);
    expect(output)
      .to.include(file)
      .and.match(/cannot be written/);
    const packages = JSON.parse(/PACKAGES (.*)/.exec(output)?.[1] ?? 'null') as string[] | null;
    expect(packages, output).to.be.an('array');
    expect(packages!.filter((p) => ['botbuilder', 'restify', 'better-sqlite3', 'kysely'].includes(p))).to.deep.equal([]);
  });

  it('stops with a clear message when the database file is corrupt', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-'));
    fs.writeFileSync(path.join(dir, 'staffbot.db'), 'this is not a database '.repeat(100));
    const { code, output } = await startExpectingExit({ DATA_DIR: dir });
    expect(code).to.equal(1);
    expect(output)
      .to.include(path.join(dir, 'staffbot.db'))
      .and.match(/cannot be opened/);
  });

  it('stops with a clear message when a data page of the database is damaged', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-'));
    const opened = await openDatabase({ dataDir: dir, connectTimeoutMs: 1000, logger: silentLogger, migrations: migrationFolders });
    for (let i = 0; i < 200; i++)
      await opened.db
        .insertInto('bot_state')
        .values({ key: `k-${i}`, document: 'x'.repeat(500), etag: 'e', updated_at: '2026-11-23T10:00:00Z' })
        .execute();
    await opened.db.destroy();
    const file = path.join(dir, 'staffbot.db');
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    fs.writeFileSync(file, Buffer.concat([bytes.subarray(0, pageSize * 20), Buffer.alloc(pageSize, 0x5a), bytes.subarray(pageSize * 21)]));
    const { code, output } = await startExpectingExit({ DATA_DIR: dir });
    expect(code).to.equal(1);
    expect(output)
      .to.include(file)
      .and.match(/failed its integrity check/)
      .and.match(/Restore it from a backup/);
  });

  it('retries an unreachable PostgreSQL for a bounded time, then stops with a clear message', async () => {
    const { code, output } = await startExpectingExit({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
      DATABASE_CONNECT_TIMEOUT_SECONDS: '2',
      PULSE_LEDGER_SECRET: 'a-pulse-secret-of-at-least-32-characters',
    });
    expect(code).to.equal(1);
    expect(output)
      .to.match(/not reachable yet; retrying/)
      .and.match(/Could not reach PostgreSQL at 127\.0\.0\.1:1\/none after \d+ attempt/);
  });

  it('stops with a clear message when PostgreSQL is configured without a pulse secret', async () => {
    const { code, output } = await startExpectingExit({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', PULSE_LEDGER_SECRET: '' });
    expect(code).to.equal(1);
    expect(output).to.match(/Invalid configuration:\s+PULSE_LEDGER_SECRET: required when DATABASE_URL is set/);
  });

  it('stops with a clear message on a bad setting', async () => {
    const { code, output } = await startExpectingExit({ PORT: 'eighty' });
    expect(code).to.equal(1);
    expect(output).to.match(/Invalid configuration:\s+PORT/);
  });
});
