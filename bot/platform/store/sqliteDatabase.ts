import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { DatabaseSchema } from './schema';
import { withCachedStatements } from './cachedStatements';
import { StoreStartupError } from './storeStartupError';
import { joiningDialect } from './unitOfWork';
import { dataFolderProblem, IN_MEMORY, SQLITE_FILE_NAME } from './dataFolder';

export { IN_MEMORY, SQLITE_FILE_NAME };

/**
 * Opens (creating if needed) the SQLite database in a folder, in WAL mode so readers never block
 * the bot, with synchronous=NORMAL: every committed write survives the process being killed.
 */
export function openSqlite(dataDir: string): { db: Kysely<DatabaseSchema>; file: string } {
  if (dataDir === IN_MEMORY)
    return { db: new Kysely<DatabaseSchema>({ dialect: joiningDialect(new SqliteDialect({ database: new Database(':memory:') })) }), file: IN_MEMORY };
  const dir = path.resolve(dataDir);
  const file = path.join(dir, SQLITE_FILE_NAME);
  const folderProblem = dataFolderProblem(dir);
  if (folderProblem) throw new StoreStartupError(folderProblem);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    // Deleted rows are overwritten with zeros, so erased personal data does not linger in free pages.
    sqlite.pragma('secure_delete = ON');
    sqlite.prepare('select count(*) from sqlite_master').get();
  } catch (err) {
    throw new StoreStartupError(
      `The database file ${file} cannot be opened: ${(err as Error).message}. If it is corrupt, restore it from a backup or move it aside.`,
    );
  }
  const problems = integrityProblems(sqlite);
  if (problems.length) {
    sqlite.close();
    throw new StoreStartupError(
      `The database file ${file} failed its integrity check (${problems.slice(0, 3).join('; ')}). Restore it from a backup or move it aside; the bot will not start on a damaged database.`,
    );
  }
  return { db: new Kysely<DatabaseSchema>({ dialect: joiningDialect(new SqliteDialect({ database: withCachedStatements(sqlite) })) }), file };
}

/**
 * SQLite's quick integrity check (every page and record readable, no index rebuild), so a damaged
 * file stops start-up instead of failing turns later; empty when all is well.
 */
export function integrityProblems(sqlite: Database.Database): string[] {
  try {
    const rows = sqlite.pragma('quick_check(20)') as { quick_check: string }[];
    return rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  } catch (err) {
    return [(err as Error).message];
  }
}
