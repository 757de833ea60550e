import { Kysely } from 'kysely';
import { Engine, idColumn } from './columns';

/** The delivery engine's outbox (one row per message and recipient) and its shared rate-limit slots. */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const delivery =
  (engine: Engine) =>
  async (db: Kysely<any>): Promise<void> => {
    await db.schema
      .createTable('outbox')
      .addColumn('id', 'integer', idColumn(engine))
      .addColumn('message_id', 'varchar(200)', (c) => c.notNull())
      .addColumn('user_id', 'varchar(256)', (c) => c.notNull())
      .addColumn('kind', 'varchar(64)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('pending_op', 'varchar(16)')
      .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('not_before', 'varchar(32)', (c) => c.notNull())
      .addColumn('expires_at', 'varchar(32)')
      .addColumn('next_attempt_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('claimed_by', 'varchar(64)')
      .addColumn('claimed_until', 'varchar(32)')
      .addColumn('conversation_id', 'varchar(512)')
      .addColumn('service_url', 'varchar(512)')
      .addColumn('activity_id', 'varchar(256)')
      .addColumn('sent_at', 'varchar(32)')
      .addColumn('acknowledged_at', 'varchar(32)')
      .addColumn('last_error', 'varchar(512)')
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .addUniqueConstraint('outbox_message_user', ['message_id', 'user_id'])
      .execute();
    await db.schema.createIndex('outbox_due').on('outbox').columns(['pending_op', 'next_attempt_at']).execute();

    await db.schema
      .createTable('rate_slots')
      .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
      .addColumn('tat', engine === 'sqlite' ? 'real' : 'double precision', (c) => c.notNull())
      .execute();
  };
