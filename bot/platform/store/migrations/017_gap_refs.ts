import { Kysely } from 'kysely';

/**
 * Gives a "did you mean" gap the reference its "None of these" button carries, so a press served by
 * any replica (or after a restart) finds the scrubbed question in the store, not in one process's memory.
 */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const gapRefs = async (db: Kysely<any>): Promise<void> => {
  await db.schema.alterTable('unanswered_questions').addColumn('ref', 'varchar(64)').execute();
  await db.schema.createIndex('unanswered_questions_ref').on('unanswered_questions').column('ref').execute();
};
