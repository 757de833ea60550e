import { Kysely } from 'kysely';
import { Engine, idColumn } from '../../../platform/store/migrations/columns';

/** Training reminder requests: who asked to be reminded of which session, and whether it still stands. */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const training =
  (engine: Engine) =>
  async (db: Kysely<any>): Promise<void> => {
    await db.schema
      .createTable('training_reminders')
      .addColumn('id', 'integer', idColumn(engine))
      .addColumn('user_id', 'varchar(256)', (c) => c.notNull())
      .addColumn('session_id', 'varchar(128)', (c) => c.notNull())
      .addColumn('course_id', 'varchar(128)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .addUniqueConstraint('training_reminders_user_session', ['user_id', 'session_id'])
      .execute();
  };
