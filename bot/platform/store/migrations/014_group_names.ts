import { Kysely } from 'kysely';

/**
 * Names the audience picker shows: Entra groups' display names (read at each sync) and the
 * channels of each installed team (read from the Bot Connector), so comms staff pick a group or a
 * channel by name rather than by id; Graph's status of a failed install, so a refused one (403,
 * consent missing) is told apart from an outage, which the next send retries; and an index to find a person's chat by directory id, which
 * the delivery engine looks up before installing the app for them.
 */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const groupNames = async (db: Kysely<any>): Promise<void> => {
  await db.schema.alterTable('directory_groups').addColumn('display_name', 'varchar(300)').execute();
  await db.schema
    .createTable('team_channels')
    .addColumn('team_id', 'varchar(256)', (c) => c.notNull())
    .addColumn('channel_id', 'varchar(256)', (c) => c.notNull())
    .addColumn('name', 'varchar(300)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_channels_pk', ['team_id', 'channel_id'])
    .execute();
  await db.schema.createIndex('conversation_refs_aad').on('conversation_refs').column('aad_object_id').execute();
  await db.schema.alterTable('app_installs').addColumn('http_status', 'integer').execute();
};
