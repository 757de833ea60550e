import { Kysely, sql } from 'kysely';
import { scrubPersonalDetails } from '../../../platform/privacy/scrubPersonalDetails';
import { segmentsToGeneralise } from '../segmentGeneralisation';
import { Engine } from '../../../platform/store/migrations/columns';

interface TallyRow {
  survey_id: number;
  dimension: string;
  segment: string;
  label: string;
  question_id: string;
  answer: string;
  responses: number;
}

/** Folds each wave's rare sector and locality values into "not stated", as every new batch is. */
function generalised(rows: TallyRow[], threshold: number): TallyRow[] {
  const out = new Map<string, TallyRow>();
  const folded = new Map<string, Set<string>>();
  for (const dimension of ['sector', 'locality']) {
    const counts = rows.filter((r) => r.dimension === dimension && r.question_id === '').map((r) => ({ key: r.segment, responses: Number(r.responses) }));
    folded.set(dimension, segmentsToGeneralise(counts, threshold));
  }
  for (const row of rows) {
    const fold = folded.get(row.dimension)?.has(row.segment) ?? false;
    const target = fold ? { ...row, segment: '', label: '' } : row;
    const key = [target.dimension, target.segment, target.question_id, target.answer].join('\u0000');
    const existing = out.get(key);
    if (existing) existing.responses = Number(existing.responses) + Number(row.responses);
    else out.set(key, { ...target, responses: Number(row.responses) });
  }
  return [...out.values()];
}

/**
 * Pulse anonymity against an attacker (issue #14): the ledger key leaves the database (derived
 * from the server secret), answers wait sealed in a pending pool and are released in shuffled
 * batches, responses keep no segment or date, tallies change only at a release, and stored
 * comments lose people's names. Existing
 * waves keep the figures already shown as their first release; their ledgers, keyed with the old
 * in-database secrets, are deleted with those secrets.
 */
// `any`: migrations describe tables that the typed schema only knows once they exist.
export const pulseAnonymity =
  (engine: Engine) =>
  async (db: Kysely<any>): Promise<void> => {
    const keyOrdered = engine === 'sqlite' ? sql`without rowid` : sql``;

    await db.schema
      .createTable('survey_pending')
      .addColumn('survey_id', 'integer', (c) => c.notNull())
      .addColumn('id', 'varchar(36)', (c) => c.notNull())
      .addColumn('sealed', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('survey_pending_pk', ['survey_id', 'id'])
      .modifyEnd(keyOrdered)
      .execute();

    await db.schema
      .createTable('survey_releases')
      .addColumn('survey_id', 'integer', (c) => c.primaryKey())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('responses', 'integer', (c) => c.notNull())
      .addColumn('released_at', 'varchar(32)')
      .addColumn('final_at', 'varchar(32)')
      .addColumn('not_included', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('survey_secret_check')
      .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
      .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .execute();

    const now = new Date().toISOString();
    const waves = (await db.selectFrom('survey_waves').select(['id', 'threshold', 'closes_at']).execute()) as {
      id: number;
      threshold: number;
      closes_at: string;
    }[];
    for (const wave of waves) {
      const id = Number(wave.id);
      const counted = (await db
        .selectFrom('survey_responses')
        .select(({ fn }) => fn.countAll().as('n'))
        .where('survey_id', '=', id)
        .executeTakeFirst()) as { n: number | string } | undefined;
      const responses = Number(counted?.n ?? 0);
      const closed = wave.closes_at <= now;
      await db
        .insertInto('survey_releases')
        .values({
          survey_id: id,
          number: responses > 0 ? 1 : 0,
          responses,
          released_at: responses > 0 ? now : null,
          final_at: closed ? now : null,
          not_included: 0,
        })
        .execute();
      const tallies = (await db.selectFrom('survey_tallies').selectAll().where('survey_id', '=', id).execute()) as TallyRow[];
      if (!tallies.length) continue;
      await db.deleteFrom('survey_tallies').where('survey_id', '=', id).execute();
      const rows = generalised(tallies, Number(wave.threshold));
      for (let i = 0; i < rows.length; i += 200)
        await db
          .insertInto('survey_tallies')
          .values(rows.slice(i, i + 200))
          .execute();
    }

    // Comments stored before names were removed lose them now, once, rather than on every reading.
    const comments = (await db.selectFrom('survey_responses').select(['survey_id', 'id', 'comment']).where('comment', 'is not', null).execute()) as {
      survey_id: number;
      id: string;
      comment: string;
    }[];
    for (const row of comments) {
      const scrubbed = scrubPersonalDetails(row.comment);
      if (scrubbed !== row.comment)
        await db.updateTable('survey_responses').set({ comment: scrubbed }).where('survey_id', '=', row.survey_id).where('id', '=', row.id).execute();
    }

    await db.deleteFrom('survey_participation').execute();
    await db.schema.alterTable('survey_waves').dropColumn('secret').execute();
    await db.schema.alterTable('survey_waves').dropColumn('secret_destroyed_at').execute();
    for (const column of ['response_date', 'sector', 'locality']) await db.schema.alterTable('survey_responses').dropColumn(column).execute();
  };
