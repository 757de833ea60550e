import crypto from 'node:crypto';
import { Kysely, sql, Transaction } from 'kysely';
import type { Engine } from '../../platform/store/migrations/columns';
import { DatabaseSchema } from '../../platform/store/schema';
import { PulseKeys } from './pulseKeys';
import { releaseBatch, WaitingAnswer } from './releaseBatch';
import { TallyCount, TallyDimension } from './waveTally';
import type { AnswerValue } from './answerValue';

/** One released response as stored: answers and comment, and nothing that identifies anyone or says when. */
export interface StoredResponse {
  answers: Record<string, AnswerValue>;
  comment: string | null;
}

/** What recording did: kept the answer (waiting for release), or refused it because this person already answered. */
export type RecordOutcome = 'recorded' | 'duplicate';

/** A wave's last release: how many responses its figures cover, when it was made, and whether it is final. */
export interface ReleaseState {
  number: number;
  responses: number;
  releasedAt?: string;
  finalAt?: string;
  /** Answers that arrived after the last release and were too few to add at close. */
  notIncluded: number;
}

/** Thrown inside a transaction to roll it back when the ledger already holds the person. */
class AlreadyAnswered extends Error {}

/**
 * The participation ledger, the pending pool and the released responses with their tallies.
 *
 * Recording writes the ledger rows and one sealed, padded answer in the pending pool in one
 * transaction, so an acknowledged answer survives a crash and is counted once. Releasing takes a
 * whole batch from the pool (at least the threshold), and in another transaction writes the
 * responses in shuffled order with random ids and no segment, date or sequence, adds the batch to
 * the tallies and removes it from the pool. So no response row is written with, or in the order
 * of, its ledger row, and released figures only change a batch at a time.
 */
export class SurveyResponses {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly keys: PulseKeys,
    private readonly engine: Engine,
  ) {}

  /** Writes the ledger rows and the sealed answer together, or nothing when any of the person's identities already answered. */
  async record(surveyId: number, participants: readonly string[], answer: WaitingAnswer): Promise<RecordOutcome> {
    try {
      await this.db.transaction().execute(async (trx) => {
        const ledger = await trx
          .insertInto('survey_participation')
          .values(participants.map((participant) => ({ survey_id: surveyId, participant })))
          .onConflict((oc) => oc.columns(['survey_id', 'participant']).doNothing())
          .executeTakeFirst();
        if (Number(ledger.numInsertedOrUpdatedRows ?? 0) < participants.length) throw new AlreadyAnswered();
        await trx
          .insertInto('survey_pending')
          .values({ survey_id: surveyId, id: crypto.randomUUID(), sealed: this.keys.seal(surveyId, answer) })
          .execute();
      });
      return 'recorded';
    } catch (err) {
      if (err instanceof AlreadyAnswered) return 'duplicate';
      throw err;
    }
  }

  /** Whether the ledger holds any of these keys for the wave (the person has answered). */
  async hasAnswered(surveyId: number, participants: readonly string[]): Promise<boolean> {
    if (!participants.length) return false;
    const row = await this.db
      .selectFrom('survey_participation')
      .select('participant')
      .where('survey_id', '=', surveyId)
      .where('participant', 'in', [...participants])
      .executeTakeFirst();
    return row !== undefined;
  }

  /** How many answers wait for the next release. */
  async waiting(surveyId: number): Promise<number> {
    const row = await this.db
      .selectFrom('survey_pending')
      .select(({ fn }) => fn.countAll<number | string>().as('n'))
      .where('survey_id', '=', surveyId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** The wave's last release (nothing released yet when there is none). */
  async release(surveyId: number): Promise<ReleaseState> {
    const row = await this.db.selectFrom('survey_releases').selectAll().where('survey_id', '=', surveyId).executeTakeFirst();
    return row
      ? {
          number: Number(row.number),
          responses: Number(row.responses),
          releasedAt: row.released_at ?? undefined,
          finalAt: row.final_at ?? undefined,
          notIncluded: Number(row.not_included),
        }
      : { number: 0, responses: 0, notIncluded: 0 };
  }

  /**
   * Releases the waiting answers as one batch when there are at least `threshold` of them; returns
   * how many were released (0 when too few). Concurrent callers take turns on the wave's release row.
   */
  async releaseIfDue(surveyId: number, threshold: number, at: string): Promise<number> {
    if ((await this.waiting(surveyId)) < threshold) return 0;
    return this.db.transaction().execute(async (trx) => {
      await this.lockRelease(trx, surveyId);
      const pending = await trx.selectFrom('survey_pending').select(['id', 'sealed']).where('survey_id', '=', surveyId).execute();
      if (pending.length < threshold) return 0;
      await this.storeBatch(trx, surveyId, pending, threshold);
      await trx
        .updateTable('survey_releases')
        .set({ number: sql`number + 1`, responses: sql`responses + ${pending.length}`, released_at: at })
        .where('survey_id', '=', surveyId)
        .execute();
      return pending.length;
    });
  }

  /**
   * The wave's final release at close, once: the waiting answers are released when there are at
   * least the threshold of them, or when nothing was released before (the usual suppression then
   * applies); otherwise they are counted as not included and dropped, since adding fewer than the
   * threshold to figures already shown would reveal them. The ledger is emptied, so nobody can
   * tell any more who answered. Returns false when the wave was already final.
   */
  async finalise(surveyId: number, threshold: number, at: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const release = await this.lockRelease(trx, surveyId);
      if (release.final_at) return false;
      const pending = await trx.selectFrom('survey_pending').select(['id', 'sealed']).where('survey_id', '=', surveyId).execute();
      const releasable = pending.length >= threshold || (Number(release.number) === 0 && pending.length > 0);
      if (releasable) await this.storeBatch(trx, surveyId, pending, threshold);
      else if (pending.length) await trx.deleteFrom('survey_pending').where('survey_id', '=', surveyId).execute();
      await trx.deleteFrom('survey_participation').where('survey_id', '=', surveyId).execute();
      await trx
        .updateTable('survey_releases')
        .set({
          ...(releasable ? { number: sql`number + 1`, responses: sql`responses + ${pending.length}`, released_at: at } : {}),
          not_included: releasable ? 0 : pending.length,
          final_at: at,
        })
        .where('survey_id', '=', surveyId)
        .execute();
      return true;
    });
  }

  /** The wave's release row, created when missing and locked (PostgreSQL) so one release runs at a time. */
  private async lockRelease(trx: Transaction<DatabaseSchema>, surveyId: number) {
    await trx
      .insertInto('survey_releases')
      .values({ survey_id: surveyId, number: 0, responses: 0, released_at: null, final_at: null, not_included: 0 })
      .onConflict((oc) => oc.column('survey_id').doNothing())
      .execute();
    let query = trx.selectFrom('survey_releases').selectAll().where('survey_id', '=', surveyId);
    if (this.engine === 'postgres') query = query.forUpdate();
    return query.executeTakeFirstOrThrow();
  }

  /** Opens a batch of pending answers, stores it as shuffled responses and tally increments, and removes it from the pool. */
  private async storeBatch(trx: Transaction<DatabaseSchema>, surveyId: number, pending: { id: string; sealed: string }[], threshold: number): Promise<void> {
    const batch = releaseBatch(
      pending.map((p) => this.keys.open<WaitingAnswer>(surveyId, p.sealed)),
      threshold,
    );
    for (let i = 0; i < batch.rows.length; i += 200) {
      await trx
        .insertInto('survey_responses')
        .values(batch.rows.slice(i, i + 200).map((r) => ({ survey_id: surveyId, ...r })))
        .execute();
    }
    const counts = batch.counts.map((c) => ({
      survey_id: surveyId,
      dimension: c.dimension,
      segment: c.segment,
      label: c.label,
      question_id: c.questionId,
      answer: c.answer,
      responses: c.responses,
    }));
    for (let i = 0; i < counts.length; i += 200) {
      await trx
        .insertInto('survey_tallies')
        .values(counts.slice(i, i + 200))
        .onConflict((oc) =>
          oc
            .columns(['survey_id', 'dimension', 'segment', 'question_id', 'answer'])
            .doUpdateSet({ responses: sql`survey_tallies.responses + excluded.responses` }),
        )
        .execute();
    }
    const ids = pending.map((p) => p.id);
    for (let i = 0; i < ids.length; i += 500)
      await trx
        .deleteFrom('survey_pending')
        .where('survey_id', '=', surveyId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
  }

  /** How many released responses a wave has. */
  async count(surveyId: number): Promise<number> {
    const row = await this.db
      .selectFrom('survey_responses')
      .select(({ fn }) => fn.countAll<number | string>().as('n'))
      .where('survey_id', '=', surveyId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** The released tallies of a wave, which results are computed from. */
  async tallies(surveyId: number): Promise<TallyCount[]> {
    const rows = await this.db
      .selectFrom('survey_tallies')
      .select(['dimension', 'segment', 'label', 'question_id', 'answer', 'responses'])
      .where('survey_id', '=', surveyId)
      .execute();
    return rows.map((r) => ({
      dimension: r.dimension as TallyDimension,
      segment: r.segment,
      label: r.label,
      questionId: r.question_id,
      answer: r.answer,
      responses: Number(r.responses),
    }));
  }

  /** The released comments of a wave (stored scrubbed), in no particular order. */
  async comments(surveyId: number): Promise<string[]> {
    const rows = await this.db.selectFrom('survey_responses').select('comment').where('survey_id', '=', surveyId).where('comment', 'is not', null).execute();
    return rows.map((r) => r.comment!);
  }

  /** Every released response of a wave (for checks; results use the tallies). */
  async forWave(surveyId: number): Promise<StoredResponse[]> {
    const rows = await this.db.selectFrom('survey_responses').select(['answers', 'comment']).where('survey_id', '=', surveyId).execute();
    return rows.map((r) => ({ answers: JSON.parse(r.answers) as Record<string, AnswerValue>, comment: r.comment }));
  }

  /** Waves that have closed but whose final release has not been made. */
  async closedNotFinal(at: string): Promise<number[]> {
    const rows = await this.db
      .selectFrom('survey_waves')
      .leftJoin('survey_releases', 'survey_releases.survey_id', 'survey_waves.id')
      .select('survey_waves.id')
      .where('survey_waves.closes_at', '<=', at)
      .where('survey_releases.final_at', 'is', null)
      .execute();
    return rows.map((r) => Number(r.id));
  }
}
