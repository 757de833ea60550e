import { Kysely } from 'kysely';

/**
 * Counts refused installs of the personal app in a row, so a refusal (consent missing) is tried
 * again at the next send on a backoff that doubles with each refusal, rather than only at the next
 * directory sync.
 */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const installRetries = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .alterTable('app_installs')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
};
