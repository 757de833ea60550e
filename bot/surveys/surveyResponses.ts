import crypto from 'node:crypto';
import { Kysely, sql } from 'kysely';
import { DatabaseSchema } from '../store/schema';
import { TallyCount, tallyCountsOf, TallyDimension } from './waveTally';

/** An answer as stored: a number for ratings and scales, an option id or yes/no otherwise. */
export type AnswerValue = string | number;

/** One anonymous response to record, with the ledger key that blocks a second one. */
export interface ResponseToRecord {
  surveyId: number;
  /** The HMAC of the person's user id under the wave's secret (see participantKey). */
  participant: string;
  /** YYYY-MM-DD in Europe/London: the only time a response keeps. */
  date: string;
  /** Segment values copied from the profile when they answered. */
  sector?: string;
  locality?: string;
  answers: Record<string, AnswerValue>;
  /** Already scrubbed of personal details. */
  comment?: string;
}

/** One response as stored: segments, answers and comment, and nothing that identifies anyone. */
export interface StoredResponse {
  sector: string | null;
  locality: string | null;
  answers: Record<string, AnswerValue>;
  comment: string | null;
}

/** What recording did: kept the response, or refused it because this person already answered. */
export type RecordOutcome = 'recorded' | 'duplicate';

/**
 * The participation ledger, the anonymous responses and their running tallies. A response, its
 * ledger row and its tally increments are written in one transaction, so an acknowledged answer
 * is counted exactly once; the response gets a random id and no timestamp, so nothing pairs it
 * with its ledger row.
 */
export class SurveyResponses {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** Writes the ledger row, the response and its tallies together, or nothing when the person already answered. */
  async record(response: ResponseToRecord): Promise<RecordOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const ledger = await trx
        .insertInto('survey_participation')
        .values({ survey_id: response.surveyId, participant: response.participant })
        .onConflict((oc) => oc.columns(['survey_id', 'participant']).doNothing())
        .executeTakeFirst();
      if (Number(ledger.numInsertedOrUpdatedRows ?? 0) === 0) return 'duplicate';
      await trx
        .insertInto('survey_responses')
        .values({
          survey_id: response.surveyId,
          id: crypto.randomUUID(),
          response_date: response.date,
          sector: response.sector ?? null,
          locality: response.locality ?? null,
          answers: JSON.stringify(response.answers),
          comment: response.comment ?? null,
        })
        .execute();
      // One statement, rows in a fixed order, so concurrent writers lock tally rows in the same order.
      const counts = tallyCountsOf(response).map((c) => ({
        survey_id: response.surveyId,
        dimension: c.dimension,
        segment: c.segment,
        label: c.label,
        question_id: c.questionId,
        answer: c.answer,
        responses: 1,
      }));
      await trx
        .insertInto('survey_tallies')
        .values(counts)
        .onConflict((oc) => oc.columns(['survey_id', 'dimension', 'segment', 'question_id', 'answer']).doUpdateSet({ responses: sql`survey_tallies.responses + 1` }))
        .execute();
      return 'recorded';
    });
  }

  /** Whether the ledger holds this key for the wave (they have answered). */
  async hasAnswered(surveyId: number, participant: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('survey_participation')
      .select('participant')
      .where('survey_id', '=', surveyId)
      .where('participant', '=', participant)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** How many responses a wave has. */
  async count(surveyId: number): Promise<number> {
    const row = await this.db.selectFrom('survey_responses').select(({ fn }) => fn.countAll<number | string>().as('n')).where('survey_id', '=', surveyId).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** The running tallies of a wave, which results are computed from. */
  async tallies(surveyId: number): Promise<TallyCount[]> {
    const rows = await this.db.selectFrom('survey_tallies').select(['dimension', 'segment', 'label', 'question_id', 'answer', 'responses']).where('survey_id', '=', surveyId).execute();
    return rows.map((r) => ({ dimension: r.dimension as TallyDimension, segment: r.segment, label: r.label, questionId: r.question_id, answer: r.answer, responses: Number(r.responses) }));
  }

  /** The comments of a wave (stored scrubbed), in no particular order. */
  async comments(surveyId: number): Promise<string[]> {
    const rows = await this.db.selectFrom('survey_responses').select('comment').where('survey_id', '=', surveyId).where('comment', 'is not', null).execute();
    return rows.map((r) => r.comment!);
  }

  /** Every response of a wave (for checks and exports of aggregates; results use the tallies). */
  async forWave(surveyId: number): Promise<StoredResponse[]> {
    const rows = await this.db.selectFrom('survey_responses').select(['sector', 'locality', 'answers', 'comment']).where('survey_id', '=', surveyId).execute();
    return rows.map((r) => ({ sector: r.sector, locality: r.locality, answers: JSON.parse(r.answers) as Record<string, AnswerValue>, comment: r.comment }));
  }
}
