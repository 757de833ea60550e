import { Kysely } from 'kysely';

/** How often each entry has been given as an answer, for "most asked" lists (no user ids). */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const answerCounts = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('answer_counts')
    .addColumn('entry_id', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('times', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'varchar(32)', (c) => c.notNull())
    .execute();
};
