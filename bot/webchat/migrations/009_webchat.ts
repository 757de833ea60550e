import { Kysely } from 'kysely';

/**
 * The built-in Direct Line's shared state: conversations (who, the watermarks kept, recent
 * client activity times for the flood limit), their activities in watermark order, and sliding
 * windows for limits such as new chats per client address, so every replica sees the same.
 */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const webChat = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('directline_conversations')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(256)', (c) => c.notNull())
    .addColumn('user_name', 'varchar(200)')
    .addColumn('user_email', 'varchar(256)')
    .addColumn('user_oid', 'varchar(64)')
    .addColumn('first_seq', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bytes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recent_posts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_active_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('directline_conversations_idle').on('directline_conversations').column('last_active_at').execute();

  await db.schema
    .createTable('directline_activities')
    .addColumn('conversation_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('client_activity_id', 'varchar(200)')
    // Whether the bot's turn for a client's activity finished (1), so a resend is answered only if it did not.
    .addColumn('handled', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('directline_activities_pk', ['conversation_id', 'seq'])
    .execute();
  // Both engines treat NULLs as distinct, so only activities that carry a client id are unique by it.
  await db.schema
    .createIndex('directline_activities_client_id')
    .on('directline_activities')
    .columns(['conversation_id', 'client_activity_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('directline_limits')
    .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
    .addColumn('hits', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
};
