import { Kysely } from 'kysely';

/**
 * Content owners' knowledge in the database: each entry's live and draft text (with a revision
 * number for optimistic concurrency), every published version with who, when and a diff, a
 * content revision number replicas poll to learn of a publish, and edited training sessions.
 */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const content = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('content_entries')
    .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
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
    .createTable('content_versions')
    .addColumn('entry_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('author', 'varchar(256)', (c) => c.notNull())
    .addColumn('approver', 'varchar(256)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('diff', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_versions_pk', ['entry_id', 'version'])
    .execute();

  await db.schema
    .createTable('content_revisions')
    .addColumn('name', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('catalogue_sessions')
    .addColumn('id', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('session', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(256)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
};
