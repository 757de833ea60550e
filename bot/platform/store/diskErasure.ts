import { Kysely, sql, SqliteAdapter } from 'kysely';

/**
 * Makes an erasure reach the disk. With secure_delete on (set when SQLite is opened) deleted rows
 * are zeroed in their pages, but in WAL mode the old pages still sit in the write-ahead log until a
 * checkpoint: TRUNCATE copies the zeroed pages into the database file and empties the log.
 * PostgreSQL keeps dead rows until VACUUM (see README: run VACUUM, or rely on autovacuum, and
 * remember WAL archives and backups age out on their own schedule).
 */
export async function flushErasureToDisk<DB>(db: Kysely<DB>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
}
