import { Kysely } from 'kysely';

/**
 * The organisation's directory: people read from Microsoft Graph or imported from a partner's HR
 * file, with their attributes mapped to sector, role, locality, team and authority; members of
 * Entra groups; where the personal app was installed proactively; and the progress of each sync.
 */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const directory = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('directory_people')
    .addColumn('person_id', 'varchar(340)', (c) => c.primaryKey())
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('aad_object_id', 'varchar(64)')
    .addColumn('email', 'varchar(320)')
    .addColumn('display_name', 'varchar(300)')
    .addColumn('department', 'varchar(300)')
    .addColumn('job_title', 'varchar(300)')
    .addColumn('office_location', 'varchar(300)')
    .addColumn('company_name', 'varchar(300)')
    .addColumn('sector', 'varchar(80)')
    .addColumn('role', 'varchar(80)')
    .addColumn('locality', 'varchar(80)')
    .addColumn('team', 'varchar(80)')
    .addColumn('authority', 'varchar(80)')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('seen_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('directory_people_aad').on('directory_people').column('aad_object_id').execute();
  await db.schema.createIndex('directory_people_email').on('directory_people').column('email').execute();

  await db.schema
    .createTable('directory_groups')
    .addColumn('group_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('members', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problem', 'varchar(500)')
    .addColumn('synced_at', 'varchar(32)')
    .execute();
  await db.schema
    .createTable('directory_group_members')
    .addColumn('group_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('aad_object_id', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_group_members_pk', ['group_id', 'aad_object_id'])
    .execute();
  await db.schema.createIndex('directory_group_members_user').on('directory_group_members').column('aad_object_id').execute();

  await db.schema
    .createTable('app_installs')
    .addColumn('aad_object_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('chat_id', 'varchar(256)')
    .addColumn('problem', 'varchar(500)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('directory_syncs')
    .addColumn('sync_id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('trigger', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('phase', 'varchar(40)', (c) => c.notNull())
    .addColumn('users', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('groups', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('installed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('install_problems', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problem', 'varchar(1000)')
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .execute();
};
