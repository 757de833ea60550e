import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { openDatabase } from '../../../../bot/platform/store/openDatabase';
import { SQLITE_FILE_NAME } from '../../../../bot/platform/store/sqliteDatabase';
import { StoreStartupError } from '../../../../bot/platform/store/storeStartupError';
import { startBot } from '../../../helpers/runningBot';
import { silentLogger } from '../../../helpers/testServices';
import { migrationFolders } from '../../../../bot/app/migrationFolders';

/** A database file with enough conversation state to span many pages, closed cleanly (WAL checkpointed). */
async function populatedDatabase(dir: string): Promise<string> {
  const opened = await openDatabase({ dataDir: dir, connectTimeoutMs: 1000, logger: silentLogger, migrations: migrationFolders });
  for (let i = 0; i < 300; i += 1) {
    await opened.db
      .insertInto('bot_state')
      .values({
        key: `msteams/conversations/c-${i}`,
        document: JSON.stringify({ text: 'x'.repeat(400), i }),
        etag: `e${i}`,
        updated_at: '2026-11-23T10:00:00Z',
      })
      .execute();
  }
  await opened.db.destroy();
  return path.join(dir, SQLITE_FILE_NAME);
}

/**
 * Overwrites one page of the conversation state (written last, so near the end of the file, past
 * the schema pages that grow with each migration) with garbage, as a bad disk sector would.
 */
function corruptMiddlePage(file: string): void {
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  const pages = Math.floor(bytes.length / pageSize);
  const page = pages - 5;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, page * pageSize);
  fs.closeSync(fd);
}

describe('SQLite integrity', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-integrity-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('opens a healthy file', async () => {
    await populatedDatabase(dir);
    const opened = await openDatabase({ dataDir: dir, connectTimeoutMs: 1000, logger: silentLogger, migrations: migrationFolders });
    await opened.db.destroy();
  });

  it('refuses to start on a file with a corrupted data page, saying what to do', async () => {
    corruptMiddlePage(await populatedDatabase(dir));
    const error = await openDatabase({ dataDir: dir, connectTimeoutMs: 1000, logger: silentLogger, migrations: migrationFolders }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).to.be.instanceOf(StoreStartupError);
    expect((error as Error).message)
      .to.match(/failed its integrity check/)
      .and.match(/backup/)
      .and.include(dir);
  });
});

describe('/healthz exercises the database', () => {
  it('answers 200 while the database answers, and 503 once it does not', async () => {
    const bot = await startBot();
    try {
      expect((await fetch(`${bot.url}/healthz`)).status).to.equal(200);
      await bot.services.database.db.destroy();
      const res = await fetch(`${bot.url}/healthz`);
      expect(res.status).to.equal(503);
      expect(await res.text()).to.not.match(/stack|Error:/);
    } finally {
      await bot.stop().catch(() => undefined);
    }
  });
});
