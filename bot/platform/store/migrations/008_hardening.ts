import { Kysely } from 'kysely';

/**
 * Dashboard browser sessions, held server-side so sign-out ends them everywhere and every replica
 * agrees (only a hash of each cookie is stored); and the day's markers that let the gap report count
 * a question once per person per day (one-way hashes, kept only for the day).
 */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const hardening = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('dashboard_sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dashboard_sessions_expires').on('dashboard_sessions').column('expires_at').execute();
  await db.schema
    .createTable('unanswered_askers')
    .addColumn('marker', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('unanswered_askers_day').on('unanswered_askers').column('day').execute();
};
