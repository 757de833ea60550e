import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Config, ConfigError } from '../platform/config';
import { IN_MEMORY } from '../platform/store/sqliteDatabase';
import { StoreStartupError } from '../platform/store/storeStartupError';

/** The file a SQLite install keeps its generated token-signing key in, beside the database. */
export const TOKEN_KEY_FILE = 'directline-token.key';

const KEY_TEXT = /^[0-9a-f]{64}$/;

/**
 * Stops start-up when the built-in endpoint would run on PostgreSQL without a shared key: each
 * replica would sign with its own, and a page would be refused by every replica but one. Checked
 * where the endpoint starts rather than in loadConfig, so tools that serve no web chat (the
 * command-line answerer, the gap report) run with DATABASE_URL alone.
 */
export function requireSharedTokenKey(config: Config): void {
  if (config.databaseUrl && !config.webChat.tokenSecret) {
    throw new ConfigError(
      'Invalid configuration:\n  DIRECT_LINE_TOKEN_SECRET: required when DATABASE_URL is set, so every replica signs and checks web chat tokens with the same key (32+ random characters)',
    );
  }
}

/**
 * The key the built-in Direct Line signs tokens with: DIRECT_LINE_TOKEN_SECRET when set (every
 * replica must share it; config refuses PostgreSQL without it), otherwise a random key kept in
 * DATA_DIR so tokens outlive a restart of a single SQLite process, or a fresh key for an
 * in-memory database, which outlives nothing anyway.
 */
export function directLineTokenKey(options: { secret?: string; dataDir: string }): Buffer {
  if (options.secret) return Buffer.from(options.secret, 'utf8');
  if (options.dataDir === IN_MEMORY) return crypto.randomBytes(32);
  const file = path.join(path.resolve(options.dataDir), TOKEN_KEY_FILE);
  if (!fs.existsSync(file)) createKeyFile(file);
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!KEY_TEXT.test(text)) {
    throw new StoreStartupError(
      `The web chat key file ${file} is damaged. Delete it to make a new one (open chat pages will then need a reload), or set DIRECT_LINE_TOKEN_SECRET.`,
    );
  }
  return Buffer.from(text, 'hex');
}

/** Writes a new key readable by this user only; linking makes it appear whole, and a second process starting at once keeps the first one's. */
function createKeyFile(file: string): void {
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temporary, `${crypto.randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temporary, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
