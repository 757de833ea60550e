import { expect } from 'chai';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrationFolders } from '../../../../../bot/app/migrationFolders';
import { migrationProvider } from '../../../../../bot/platform/store/migrations/migrationFolder';

/** A SQLite database migrated up to a named version. */
async function migratedTo(version: string): Promise<{ db: Kysely<any>; migrator: Migrator }> {
  // `any`: the test writes rows in the shape of the schema before this migration.
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
  const migrator = new Migrator({ db, provider: migrationProvider('sqlite', migrationFolders) });
  const { error } = await migrator.migrateTo(version);
  if (error) throw error;
  return { db, migrator };
}

describe('migration 007: pulse anonymity', () => {
  it('keeps the figures already shown as each wave\u2019s first release, folds small segments, and drops the in-database secrets and per-response segments', async () => {
    const { db, migrator } = await migratedTo('006_answer_counts');
    const at = '2026-11-01T09:00:00.000Z';
    const wave = (id: number, closes: string) => ({
      id,
      template_id: 'induction-feedback',
      name: `Wave ${id}`,
      template: '{}',
      audience: '{}',
      opens_at: at,
      closes_at: closes,
      reminder_days: '[]',
      threshold: 5,
      owner: null,
      owner_name: null,
      invited: 10,
      secret: 'c2VjcmV0LWluLXRoZS1kYXRhYmFzZQ==',
      secret_destroyed_at: null,
      queued_at: at,
      created_at: at,
      updated_at: at,
    });
    await db
      .insertInto('survey_waves')
      .values([wave(1, '2099-01-01T00:00:00.000Z'), wave(2, '2026-11-02T00:00:00.000Z')])
      .execute();
    await db
      .insertInto('survey_participation')
      .values({ survey_id: 1, participant: 'f'.repeat(64) })
      .execute();
    const responses = Array.from({ length: 7 }, (_, i) => ({
      survey_id: 1,
      id: `r${i}`,
      response_date: '2026-11-01',
      sector: i < 6 ? 'health' : 'youth',
      locality: 'Melton',
      answers: '{"usefulness":4}',
      comment: null,
    }));
    await db.insertInto('survey_responses').values(responses).execute();
    const tally = (dimension: string, segment: string, n: number, question_id = '', answer = '') => ({
      survey_id: 1,
      dimension,
      segment,
      label: segment,
      question_id,
      answer,
      responses: n,
    });
    await db
      .insertInto('survey_tallies')
      .values([
        tally('all', '', 7),
        tally('all', '', 7, 'usefulness', '4'),
        tally('sector', 'health', 6),
        tally('sector', 'health', 6, 'usefulness', '4'),
        tally('sector', 'youth', 1),
        tally('sector', 'youth', 1, 'usefulness', '4'),
        tally('locality', 'melton', 7),
      ])
      .execute();

    const { error } = await migrator.migrateToLatest();
    if (error) throw error;

    const releases = await db.selectFrom('survey_releases').selectAll().orderBy('survey_id').execute();
    expect(releases.map((r) => [r.survey_id, r.number, r.responses, r.final_at === null])).to.deep.equal([
      [1, 1, 7, true],
      [2, 0, 0, false],
    ]);
    const sector = await db
      .selectFrom('survey_tallies')
      .select(['segment', 'question_id', 'responses'])
      .where('dimension', '=', 'sector')
      .orderBy('segment')
      .orderBy('question_id')
      .execute();
    // Youth's one answer cannot stand alone, and health with it would be worked out by subtraction: both become "not stated".
    expect(sector.map((r) => [r.segment, r.question_id, Number(r.responses)])).to.deep.equal([
      ['', '', 7],
      ['', 'usefulness', 7],
    ]);
    expect(await db.selectFrom('survey_participation').selectAll().execute()).to.deep.equal([]);
    expect(Object.keys((await db.selectFrom('survey_waves').selectAll().executeTakeFirstOrThrow()) as object)).to.not.include.members([
      'secret',
      'secret_destroyed_at',
    ]);
    expect(Object.keys((await db.selectFrom('survey_responses').selectAll().executeTakeFirstOrThrow()) as object).sort()).to.deep.equal([
      'answers',
      'comment',
      'id',
      'survey_id',
    ]);
    await db.destroy();
  });
});
