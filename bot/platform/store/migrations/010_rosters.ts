import { Kysely } from 'kysely';

/**
 * Teams the app is installed in, and their members as read from the Bot Connector's roster, so a
 * briefing reaches people who never opened a chat with the bot (their chat is created on first send).
 */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const rosters = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('teams')
    .addColumn('team_id', 'varchar(256)', (c) => c.primaryKey())
    .addColumn('tenant_id', 'varchar(64)')
    .addColumn('service_url', 'varchar(500)', (c) => c.notNull())
    .addColumn('bot_id', 'varchar(256)', (c) => c.notNull())
    .addColumn('name', 'varchar(300)')
    .addColumn('general_channel_id', 'varchar(256)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('members_read_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('roster_members')
    .addColumn('team_id', 'varchar(256)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(256)', (c) => c.notNull())
    .addColumn('aad_object_id', 'varchar(64)')
    .addColumn('name', 'varchar(300)')
    .addColumn('email', 'varchar(320)')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('roster_members_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('roster_members_user').on('roster_members').column('user_id').execute();
};
