import { Kysely } from 'kysely';
import { Engine, idColumn } from './columns';

/** The first schema: state, conversation references, profiles, feedback and content gaps. */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const initial =
  (engine: Engine) =>
  async (db: Kysely<any>): Promise<void> => {
    await db.schema
      .createTable('bot_state')
      .addColumn('key', 'varchar(512)', (c) => c.primaryKey())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('etag', 'varchar(64)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('conversation_refs')
      .addColumn('id', 'integer', idColumn(engine))
      .addColumn('user_id', 'varchar(256)', (c) => c.notNull())
      .addColumn('conversation_id', 'varchar(512)', (c) => c.notNull())
      .addColumn('aad_object_id', 'varchar(64)')
      .addColumn('tenant_id', 'varchar(64)')
      .addColumn('channel_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('scope', 'varchar(32)', (c) => c.notNull())
      .addColumn('service_url', 'varchar(512)', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .addUniqueConstraint('conversation_refs_user_conversation', ['user_id', 'conversation_id'])
      .execute();
    await db.schema.createIndex('conversation_refs_conversation').on('conversation_refs').column('conversation_id').execute();

    await db.schema
      .createTable('profiles')
      .addColumn('user_id', 'varchar(256)', (c) => c.primaryKey())
      .addColumn('aad_object_id', 'varchar(64)')
      .addColumn('sector', 'varchar(64)')
      .addColumn('role', 'varchar(128)')
      .addColumn('locality', 'varchar(128)')
      .addColumn('team', 'varchar(128)')
      .addColumn('authority', 'varchar(64)')
      .addColumn('start_date', 'varchar(10)')
      .addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('quiet_start', 'varchar(5)')
      .addColumn('quiet_end', 'varchar(5)')
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('answer_feedback')
      .addColumn('id', 'integer', idColumn(engine))
      .addColumn('entry_id', 'varchar(128)', (c) => c.notNull())
      .addColumn('helpful', 'integer', (c) => c.notNull())
      .addColumn('channel', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('answer_feedback_entry').on('answer_feedback').column('entry_id').execute();

    await db.schema
      .createTable('unanswered_questions')
      .addColumn('id', 'integer', idColumn(engine))
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('normalised', 'varchar(512)', (c) => c.notNull())
      .addColumn('decision', 'varchar(16)', (c) => c.notNull())
      .addColumn('channel', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('unanswered_questions_created').on('unanswered_questions').column('created_at').execute();
  };
