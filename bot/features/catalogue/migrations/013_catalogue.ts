import { Kysely } from 'kysely';

/**
 * The training catalogue in the database, reviewed like knowledge entries: each course and
 * session's live and draft record (keyed "course:<id>" or "session:<id>", with a revision for
 * optimistic concurrency) and every published version with who, when and what changed.
 */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const catalogue = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('catalogue_items')
    .addColumn('id', 'varchar(120)', (c) => c.primaryKey())
    .addColumn('live', 'text')
    .addColumn('live_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('draft', 'text')
    .addColumn('draft_by', 'varchar(256)')
    .addColumn('draft_at', 'varchar(32)')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('catalogue_versions')
    .addColumn('entry_id', 'varchar(120)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('author', 'varchar(256)', (c) => c.notNull())
    .addColumn('approver', 'varchar(256)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('diff', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalogue_versions_pk', ['entry_id', 'version'])
    .execute();
};
