import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Engine } from '../../bot/platform/store/migrations/columns';
import { openDatabase, OpenDatabase } from '../../bot/platform/store/openDatabase';
import { dropPostgresSchema } from '../../bot/platform/store/postgresDatabase';
import { silentLogger, TEST_PULSE_LEDGER_SECRET } from './testServices';
import { migrationFolders } from '../../bot/app/migrationFolders';

/** A fresh, migrated database for one test suite, and how to throw it away. */
export interface TestDatabase {
  opened: OpenDatabase;
  /** Settings that open the same database again (e.g. in a child process). */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/** Whether PostgreSQL tests run here, and why not when they don't. */
export function postgresAvailability(): { url?: string; reason?: string } {
  const url = process.env.DATABASE_URL;
  if (url) return { url };
  if (process.env.CI === 'true') throw new Error('CI=true but DATABASE_URL is not set: the PostgreSQL tests must run in CI');
  return { reason: 'DATABASE_URL is not set, so the PostgreSQL half is skipped' };
}

/** Runs `body` once per engine: SQLite always, PostgreSQL when DATABASE_URL is set. */
export function forEachEngine(body: (engine: Engine) => void): void {
  body('sqlite');
  const pg = postgresAvailability();
  if (pg.url) body('postgres');
  else
    describe('(postgres)', () => {
      it('is skipped', function () {
        console.log(`      skipped: ${pg.reason}`);
        this.skip();
      });
    });
}

export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-db-'));
    const opened = await openDatabase({ dataDir, connectTimeoutMs: 1000, logger: silentLogger, migrations: migrationFolders });
    return {
      opened,
      // DATABASE_URL is blanked so a child process given these settings uses this SQLite file.
      env: { DATA_DIR: dataDir, DATABASE_URL: '', DATABASE_SCHEMA: '' },
      async cleanup() {
        await opened.db.destroy();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = postgresAvailability().url!;
  const { opened, schema } = await openFreshSchema(url, 't');
  return {
    opened,
    // Replicas of one deployment share the web chat token key and the pulse ledger secret, as they must in production.
    env: {
      DATABASE_URL: url,
      DATABASE_SCHEMA: schema,
      PULSE_LEDGER_SECRET: TEST_PULSE_LEDGER_SECRET,
      DIRECT_LINE_TOKEN_SECRET: crypto.randomBytes(24).toString('hex'),
    },
    async cleanup() {
      await opened.db.destroy();
      await dropPostgresSchema(url, schema);
    },
  };
}

/** A new, migrated PostgreSQL schema of a random name starting with `prefix`, so suites and benchmarks sharing one server never meet. */
export async function openFreshSchema(url: string, prefix: string): Promise<{ opened: OpenDatabase; schema: string }> {
  const schema = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  const opened = await openDatabase({
    dataDir: '',
    databaseUrl: url,
    databaseSchema: schema,
    connectTimeoutMs: 10000,
    logger: silentLogger,
    migrations: migrationFolders,
  });
  return { opened, schema };
}
