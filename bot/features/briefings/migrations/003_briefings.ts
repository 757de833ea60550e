import { Kysely } from 'kysely';
import { Engine, idColumn } from '../../../platform/store/migrations/columns';

/** Strategy briefings the communications team sends; their copies live in the outbox. */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const briefings =
  (engine: Engine) =>
  async (db: Kysely<any>): Promise<void> => {
    await db.schema
      .createTable('briefings')
      .addColumn('id', 'integer', idColumn(engine))
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('summary', 'varchar(400)', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('link', 'varchar(2048)')
      .addColumn('topics', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('publish_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('expires_at', 'varchar(32)')
      .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'varchar(256)', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('briefings_status_publish').on('briefings').columns(['status', 'publish_at']).execute();
  };
