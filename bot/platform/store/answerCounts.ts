import { Kysely, sql } from 'kysely';
import { DatabaseSchema } from './schema';
import { Clock, stamp } from './timestamps';

/** Counts answers per entry, with no trace of who asked, so "most asked" can be shown. */
export class AnswerCounts {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: Clock,
  ) {}

  async increment(entryId: string): Promise<void> {
    const at = stamp(this.now());
    await this.db
      .insertInto('answer_counts')
      .values({ entry_id: entryId, times: 1, last_at: at })
      .onConflict((oc) => oc.column('entry_id').doUpdateSet({ times: sql`answer_counts.times + 1`, last_at: at }))
      .execute();
  }

  /** Entry ids, most asked first. */
  async top(limit: number): Promise<string[]> {
    const rows = await this.db.selectFrom('answer_counts').select('entry_id').orderBy('times', 'desc').orderBy('last_at', 'desc').limit(limit).execute();
    return rows.map((r) => r.entry_id);
  }
}
