import Database from 'better-sqlite3';
import { SqliteDatabase } from 'kysely';
import { LRUCache } from 'lru-cache';

/** Distinct SQL texts whose prepared statements are kept (queries with long `in (…)` lists vary). */
const CACHE_SIZE = 500;

/**
 * Hands Kysely the SQLite connection with its prepared statements kept and reused by SQL text,
 * because Kysely prepares every query afresh and preparing cost as much as running the small
 * statements of a fan-out or a web-chat turn. Kysely only runs statements to completion here
 * (nothing in the bot streams from SQLite), so a kept statement is never busy when reused.
 */
export function withCachedStatements(sqlite: Database.Database, size = CACHE_SIZE): SqliteDatabase {
  const cache = new LRUCache<string, Database.Statement>({ max: size });
  return {
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}
