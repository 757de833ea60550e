import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { createStore } from '../../../../bot/platform/store/createStore';
import { openDatabase } from '../../../../bot/platform/store/openDatabase';
import { projectRoot } from '../../../../knowledge/projectRoot';
import { silentLogger } from '../../../helpers/testServices';
import { migrationFolders } from '../../../../bot/app/migrationFolders';

describe('npm run report:gaps', function () {
  this.timeout(30000);

  it('prints the most-asked unanswered questions and unhelpful entries from the database', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-gaps-'));
    const database = await openDatabase({ dataDir, connectTimeoutMs: 1000, logger: silentLogger, migrations: migrationFolders });
    const store = createStore(database.db, () => DateTime.now());
    for (let i = 0; i < 3; i++)
      await store.feedback.recordUnanswered({ question: 'how do I claim mileage', decision: 'unknown', channel: 'msteams', at: DateTime.now() });
    await store.feedback.recordFeedback({ entryId: 'tac', helpful: false, channel: 'webchat', at: DateTime.now() });
    await database.db.destroy();

    const run = await promisify(execFile)(
      process.execPath,
      ['-r', require.resolve('ts-node/register/transpile-only'), path.join(projectRoot(), 'bot', 'app', 'cli', 'reportGaps.ts'), '--days', '7'],
      {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', TS_NODE_PROJECT: path.join(projectRoot(), 'tsconfig.json') },
        cwd: dataDir,
      },
    );
    expect(run.stdout)
      .to.match(/3\s+how do I claim mileage/)
      .and.match(/1\s+Team Around the Child \(TAC\)/);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
