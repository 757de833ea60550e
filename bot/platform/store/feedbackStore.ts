import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import { LONDON_ZONE } from '../../../knowledge/londonZone';
import { Kysely, sql } from 'kysely';
import { normaliseText } from '../../../knowledge/normalise';
import { AnswerFeedback, FeedbackLog, UnansweredQuestion } from './feedbackLog';
import { scrubPersonalDetails } from '../privacy/scrubPersonalDetails';
import { AnswerCounts } from './answerCounts';
import { DatabaseSchema } from './schema';
import { stamp } from './timestamps';

/** One line of the content gap report: a question people keep asking that has no answer. */
export interface UnansweredSummary {
  question: string;
  times: number;
  lastAsked: string;
}

/** One entry people mark "not helpful". */
export interface UnhelpfulSummary {
  entryId: string;
  notHelpful: number;
  helpful: number;
}

export interface GapReport {
  since: string;
  unanswered: UnansweredSummary[];
  unhelpful: UnhelpfulSummary[];
}

/** Longest question kept for the gap report. */
const MAX_STORED_QUESTION = 500;

/** A one-way marker of (asker, question, day): enough to see a repeat, useless for telling who asked. */
const askerMarker = (asker: string, normalised: string, day: string): string =>
  crypto.createHash('sha256').update(`${day}\u0000${asker}\u0000${normalised}`).digest('hex');

/** Feedback and unanswered questions in the database, and the gap report built from them. */
export class FeedbackStore implements FeedbackLog {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly counts: AnswerCounts,
    /** Who is asking in the current turn, so a question counts once per person per day. */
    private readonly askerOf: () => string | undefined = () => undefined,
  ) {}

  recordAnswered(entryId: string): Promise<void> {
    return this.counts.increment(entryId);
  }

  async recordUnanswered(q: UnansweredQuestion): Promise<void> {
    // Scrubbed again here so nothing reaches the table unscrubbed, whoever calls this.
    const question = scrubPersonalDetails(q.question).slice(0, MAX_STORED_QUESTION);
    const normalised = normaliseText(question).slice(0, MAX_STORED_QUESTION) || question.toLowerCase();
    // A "None of these" press is counted apart from the asking, or the asker's own press would look like a repeat.
    const counted = q.decision === 'none-of-these' ? `none-of-these\u0000${normalised}` : normalised;
    if (!(await this.firstTodayFrom(counted, q.at))) {
      if (q.ref) await this.moveRefToTodaysRow(normalised, q.at, q.ref);
      return;
    }
    await this.db
      .insertInto('unanswered_questions')
      .values({ question, normalised, decision: q.decision, channel: q.channel, created_at: stamp(q.at), ref: q.ref ?? null })
      .execute();
  }

  async claimSuggestion(ref: string): Promise<string | undefined> {
    // Clearing the reference in the same statement that reads the question makes a second press, on any replica, find nothing.
    const row = await this.db
      .updateTable('unanswered_questions')
      .set({ ref: null })
      .where('ref', '=', ref)
      .where('decision', '=', 'suggest')
      .returning('question')
      .executeTakeFirst();
    return row?.question;
  }

  /**
   * Gives today's kept row of a repeated "did you mean" question the later reply's reference, so
   * its "None of these" works on any replica: a row whose button was pressed (or had none) first,
   * else the latest, whose older button then finds nothing.
   */
  private async moveRefToTodaysRow(normalised: string, at: DateTime, ref: string): Promise<void> {
    await this.db
      .updateTable('unanswered_questions')
      .set({ ref })
      .where('id', '=', (eb) =>
        eb
          .selectFrom('unanswered_questions')
          .select('id')
          .where('normalised', '=', normalised)
          .where('decision', '=', 'suggest')
          .where('created_at', '>=', stamp(at.setZone(LONDON_ZONE).startOf('day')))
          .orderBy(sql`case when ref is null then 0 else 1 end`)
          .orderBy('id', 'desc')
          .limit(1),
      )
      .execute();
  }

  /**
   * True the first time today the current asker asks this question (or presses "None of these" on it), so one person (or every
   * anonymous web chat visitor together) cannot flood the gap report; yesterday's markers go.
   */
  private async firstTodayFrom(normalised: string, at: DateTime): Promise<boolean> {
    const asker = this.askerOf();
    if (!asker) return true;
    const day = at.setZone(LONDON_ZONE).toISODate() ?? '';
    await this.db.deleteFrom('unanswered_askers').where('day', '<', day).execute();
    const inserted = await this.db
      .insertInto('unanswered_askers')
      .values({ marker: askerMarker(asker, normalised, day), day })
      .onConflict((oc) => oc.column('marker').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async recordFeedback(f: AnswerFeedback): Promise<void> {
    await this.db
      .insertInto('answer_feedback')
      .values({ entry_id: f.entryId, helpful: f.helpful ? 1 : 0, channel: f.channel, created_at: stamp(f.at) })
      .execute();
  }

  /** The most-asked unanswered questions and the least helpful entries since a moment. */
  async gapReport(since: DateTime, limit = 20): Promise<GapReport> {
    const from = stamp(since);
    const unanswered = await this.db
      .selectFrom('unanswered_questions')
      .select(({ fn }) => ['normalised', fn.max('question').as('question'), fn.countAll<number>().as('times'), fn.max('created_at').as('last_asked')])
      .where('created_at', '>=', from)
      .groupBy('normalised')
      .orderBy('times', 'desc')
      .orderBy('last_asked', 'desc')
      .limit(limit)
      .execute();
    const unhelpful = await this.db
      .selectFrom('answer_feedback')
      .select(['entry_id', sql<number>`sum(case when helpful = 0 then 1 else 0 end)`.as('not_helpful'), sql<number>`sum(helpful)`.as('helpful')])
      .where('created_at', '>=', from)
      .groupBy('entry_id')
      .having(sql`sum(case when helpful = 0 then 1 else 0 end)`, '>', 0)
      .orderBy('not_helpful', 'desc')
      .orderBy('entry_id')
      .limit(limit)
      .execute();
    return {
      since: from,
      unanswered: unanswered.map((r) => ({ question: r.question, times: Number(r.times), lastAsked: r.last_asked })),
      unhelpful: unhelpful.map((r) => ({ entryId: r.entry_id, notHelpful: Number(r.not_helpful), helpful: Number(r.helpful) })),
    };
  }

  /** Deletes unanswered questions older than the retention period; returns how many went. */
  async purgeUnanswered(olderThan: DateTime): Promise<number> {
    const result = await this.db.deleteFrom('unanswered_questions').where('created_at', '<', stamp(olderThan)).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
