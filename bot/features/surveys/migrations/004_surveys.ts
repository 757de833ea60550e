import { Kysely, sql } from 'kysely';
import { Engine, idColumn } from '../../../platform/store/migrations/columns';

/**
 * Pulse surveys: waves, the anonymous participation ledger, anonymous responses with their running
 * tallies, and the idempotency keys of the admin API. Ledger and responses have no timestamps, no user or
 * conversation ids and no insert-ordered ids; on SQLite they are WITHOUT ROWID tables, stored in
 * key order (a keyed hash, a random id), so neither column values nor storage order pair a ledger
 * row with its response.
 */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const surveys =
  (engine: Engine) =>
  async (db: Kysely<any>): Promise<void> => {
    const keyOrdered = engine === 'sqlite' ? sql`without rowid` : sql``;

    await db.schema
      .createTable('survey_waves')
      .addColumn('id', 'integer', idColumn(engine))
      .addColumn('template_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('template', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('opens_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('closes_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('reminder_days', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('threshold', 'integer', (c) => c.notNull())
      .addColumn('owner', 'varchar(256)')
      .addColumn('owner_name', 'varchar(200)')
      .addColumn('invited', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('secret', 'varchar(128)')
      .addColumn('secret_destroyed_at', 'varchar(32)')
      .addColumn('queued_at', 'varchar(32)')
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('survey_waves_template').on('survey_waves').columns(['template_id', 'closes_at']).execute();

    await db.schema
      .createTable('survey_participation')
      .addColumn('survey_id', 'integer', (c) => c.notNull())
      .addColumn('participant', 'varchar(64)', (c) => c.notNull())
      .addPrimaryKeyConstraint('survey_participation_pk', ['survey_id', 'participant'])
      .modifyEnd(keyOrdered)
      .execute();

    await db.schema
      .createTable('survey_responses')
      .addColumn('survey_id', 'integer', (c) => c.notNull())
      .addColumn('id', 'varchar(36)', (c) => c.notNull())
      .addColumn('response_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('sector', 'varchar(64)')
      .addColumn('locality', 'varchar(128)')
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addPrimaryKeyConstraint('survey_responses_pk', ['survey_id', 'id'])
      .modifyEnd(keyOrdered)
      .execute();

    await db.schema
      .createTable('survey_tallies')
      .addColumn('survey_id', 'integer', (c) => c.notNull())
      .addColumn('dimension', 'varchar(16)', (c) => c.notNull())
      .addColumn('segment', 'varchar(128)', (c) => c.notNull())
      .addColumn('label', 'varchar(128)', (c) => c.notNull())
      .addColumn('question_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('answer', 'varchar(64)', (c) => c.notNull())
      .addColumn('responses', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('survey_tallies_pk', ['survey_id', 'dimension', 'segment', 'question_id', 'answer'])
      .execute();

    await db.schema
      .createTable('idempotency_keys')
      .addColumn('route', 'varchar(128)', (c) => c.notNull())
      .addColumn('key', 'varchar(255)', (c) => c.notNull())
      .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('response', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['route', 'key'])
      .execute();
    await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();
  };
