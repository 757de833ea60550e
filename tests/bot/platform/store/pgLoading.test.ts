import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { dropPostgresSchema } from '../../../../bot/platform/store/postgresDatabase';

const SCHEMA = `loading_${crypto.randomBytes(4).toString('hex')}`;
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** Whether opening a database with these options in a fresh Node process loads pg. */
function openingLoadsPg(options: Record<string, unknown>): boolean {
  const script = `
    const { openDatabase } = require('./bot/platform/store/openDatabase');
    const { migrationFolders } = require('./bot/app/migrationFolders');
    const logger = require('pino')({ level: 'silent' });
    openDatabase({ ...${JSON.stringify(options)}, connectTimeoutMs: 5000, logger, migrations: migrationFolders })
      .then((opened) => opened.db.destroy())
      .then(() => console.log(Object.keys(require.cache).some((k) => k.includes('node_modules/pg/'))));`;
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).to.equal(0);
  return run.stdout.trim().endsWith('true');
}

describe('pg loads only when PostgreSQL is opened', function () {
  this.timeout(60000);

  it('is not loaded by opening SQLite, so a restarted SQLite delivery worker claims sooner', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-loading-'));
    try {
      expect(openingLoadsPg({ dataDir })).to.equal(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('is loaded by opening PostgreSQL', async function () {
    const url = process.env.DATABASE_URL;
    if (!url) this.skip();
    try {
      expect(openingLoadsPg({ dataDir: os.tmpdir(), databaseUrl: url, databaseSchema: SCHEMA })).to.equal(true);
    } finally {
      await dropPostgresSchema(url!, SCHEMA);
    }
  });
});
