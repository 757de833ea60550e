import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import { createStore } from '../../../../bot/platform/store/createStore';
import { openDatabase } from '../../../../bot/platform/store/openDatabase';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';
import { fixedClock, silentLogger } from '../../../helpers/testServices';
import { migrationFolders } from '../../../../bot/app/migrationFolders';

const WRITER = path.join(__dirname, 'fixtures', 'ackingWriter.ts');
const ACKS_BEFORE_KILL = 150;

/** Runs the writer until it has acknowledged enough writes, then kills it with SIGKILL. */
function runAndKill(env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', WRITER], {
      env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let last = -1;
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ack (\d+)$/.exec(line);
        if (m) last = Number(m[1]);
      }
      if (last >= ACKS_BEFORE_KILL && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(last);
      else reject(new Error(`writer exited without being killed: ${stderr}`));
    });
  });
}

forEachEngine((engine) => {
  describe(`killed mid-write (${engine})`, function () {
    this.timeout(60000);
    let test: TestDatabase;
    before(async () => {
      test = await openTestDatabase(engine);
    });
    after(() => test.cleanup());

    it('loses nothing that was acknowledged', async () => {
      const lastAck = await runAndKill(test.env);
      expect(lastAck).to.be.at.least(ACKS_BEFORE_KILL);
      const reopened = await openTestDatabaseAgain(test);
      const store = createStore(reopened, fixedClock);
      const keys = Array.from({ length: lastAck + 1 }, (_, i) => `crash/${i}`);
      const found = await store.stateDocuments.read(keys);
      expect(keys.filter((k) => !found.has(k))).to.deep.equal([]);
      for (let i = 0; i <= lastAck; i += 25) expect(await store.profiles.get(`crash-user-${i}`), `profile ${i}`).to.not.equal(undefined);
    });
  });
});

/** The suite's own connection still works for PostgreSQL; SQLite is reopened from its file like a restarted bot. */
async function openTestDatabaseAgain(test: TestDatabase) {
  if (test.opened.engine === 'postgres') return test.opened.db;
  const again = await openDatabase({ dataDir: test.env.DATA_DIR, connectTimeoutMs: 1000, logger: silentLogger, migrations: migrationFolders });
  return again.db;
}
