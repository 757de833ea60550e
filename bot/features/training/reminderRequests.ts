import { Kysely, Selectable } from 'kysely';
import { DatabaseSchema } from '../../platform/store/schema';
import { Clock, stamp } from '../../platform/store/timestamps';

/** One person's request to be reminded of one session. */
export interface ReminderRequest {
  userId: string;
  sessionId: string;
  courseId: string;
  status: 'active' | 'cancelled';
  /** How many times it has been set; part of the delivery message ids from the second time on. */
  round: number;
  createdAt: string;
  updatedAt: string;
}

type Row = Selectable<DatabaseSchema['training_reminders']>;

const toRequest = (row: Row): ReminderRequest => ({
  userId: row.user_id,
  sessionId: row.session_id,
  courseId: row.course_id,
  status: row.status === 'active' ? 'active' : 'cancelled',
  round: row.round,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Training reminder requests, one per person and session. */
export class ReminderRequests {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: Clock,
  ) {}

  async get(userId: string, sessionId: string): Promise<ReminderRequest | undefined> {
    const row = await this.db.selectFrom('training_reminders').selectAll().where('user_id', '=', userId).where('session_id', '=', sessionId).executeTakeFirst();
    return row ? toRequest(row) : undefined;
  }

  /** Marks a request active with the given round, creating it the first time. */
  async activate(userId: string, sessionId: string, courseId: string, round: number): Promise<void> {
    const at = stamp(this.now());
    await this.db
      .insertInto('training_reminders')
      .values({ user_id: userId, session_id: sessionId, course_id: courseId, status: 'active', round, created_at: at, updated_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'session_id']).doUpdateSet({ status: 'active', round, course_id: courseId, updated_at: at }))
      .execute();
  }

  /** Cancels an active request; false when there was none. */
  async cancel(userId: string, sessionId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('training_reminders')
      .set({ status: 'cancelled', updated_at: stamp(this.now()) })
      .where('user_id', '=', userId)
      .where('session_id', '=', sessionId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** A person's active requests, oldest first. */
  async active(userId: string): Promise<ReminderRequest[]> {
    const rows = await this.db
      .selectFrom('training_reminders')
      .selectAll()
      .where('user_id', '=', userId)
      .where('status', '=', 'active')
      .orderBy('id')
      .execute();
    return rows.map(toRequest);
  }

  /** Every request of a person, for "export my data". */
  async forUser(userId: string): Promise<ReminderRequest[]> {
    const rows = await this.db.selectFrom('training_reminders').selectAll().where('user_id', '=', userId).orderBy('id').execute();
    return rows.map(toRequest);
  }

  /** Erases a person's requests, for "delete my data"; returns how many there were. */
  async deleteForUser(userId: string): Promise<number> {
    const result = await this.db.deleteFrom('training_reminders').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
