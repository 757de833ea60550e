import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The file a SQLite deployment keeps its generated pulse secret in, inside the data folder. */
export const LEDGER_SECRET_FILE = 'pulse-ledger.secret';

/** Where the pulse secret came from, for the start-up log (never the secret itself). */
export type LedgerSecretSource = 'environment' | 'file' | 'generated-file' | 'memory';

/**
 * The server secret that keys pulse ledgers and seals waiting answers: PULSE_LEDGER_SECRET when
 * set (config requires it with PostgreSQL); otherwise, for a single SQLite process, a random
 * secret generated once and kept in `pulse-ledger.secret` in the data folder (owner-only), so
 * `npm start` works with no configuration; an in-memory database gets one for the process.
 */
export function resolveLedgerSecret(options: { configured?: string; dataDir: string; inMemory: boolean }): { secret: Buffer; source: LedgerSecretSource } {
  if (options.configured) return { secret: Buffer.from(options.configured, 'utf8'), source: 'environment' };
  if (options.inMemory) return { secret: crypto.randomBytes(32), source: 'memory' };
  const file = path.join(options.dataDir, LEDGER_SECRET_FILE);
  if (fs.existsSync(file)) {
    const kept = fs.readFileSync(file, 'utf8').trim();
    if (kept.length < 32) throw new Error(`${file} does not hold a pulse secret (32+ characters). Restore it from a backup, or set PULSE_LEDGER_SECRET.`);
    return { secret: Buffer.from(kept, 'utf8'), source: 'file' };
  }
  const created = crypto.randomBytes(32).toString('base64');
  // 'wx' never overwrites a secret another start wrote a moment ago.
  fs.writeFileSync(file, `${created}\n`, { mode: 0o600, flag: 'wx' });
  return { secret: Buffer.from(created, 'utf8'), source: 'generated-file' };
}
