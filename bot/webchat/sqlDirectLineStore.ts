import { DateTime } from 'luxon';
import { Kysely, Selectable, Transaction } from 'kysely';
import { DatabaseSchema } from '../platform/store/schema';
import { stamp } from '../platform/store/timestamps';
import {
  activityId,
  ActivitySet,
  ClientAppend,
  ConversationLimits,
  ConversationUser,
  DEFAULT_CONVERSATION_LIMITS,
  DirectLineActivity,
  DirectLineStore,
  LimitVerdict,
  parseHits,
  redactedActivity,
  seqOfActivityId,
  slideWindow,
  StoredConversation,
  storedForm,
  WindowLimit,
  withId,
} from './directLineStore';

type ConversationRow = Selectable<DatabaseSchema['directline_conversations']>;

/** Conversations deleted per statement when purging, so a purge never holds a long lock. */
const PURGE_BATCH = 500;

/**
 * The built-in Direct Line's state in the bot's own database: SQLite for one process, PostgreSQL
 * for replicas. Every append locks its conversation's row for the length of one short
 * transaction, so watermarks stay gapless and in order whichever replica writes.
 */
export class SqlDirectLineStore implements DirectLineStore {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => DateTime,
    private readonly limits: ConversationLimits = DEFAULT_CONVERSATION_LIMITS,
  ) {}

  async start(id: string, user: ConversationUser): Promise<{ conversation: StoredConversation; created: boolean }> {
    const at = stamp(this.now());
    const created = await this.db.transaction().execute(async (trx) => {
      // One that went idle but is not purged yet starts afresh, as it would once purged.
      const stale = await trx.deleteFrom('directline_conversations').where('id', '=', id).where('last_active_at', '<', this.idleCutoff()).executeTakeFirst();
      if (Number(stale.numDeletedRows) > 0) await trx.deleteFrom('directline_activities').where('conversation_id', '=', id).execute();
      const inserted = await trx
        .insertInto('directline_conversations')
        .values({
          id,
          user_id: user.id,
          user_name: user.name ?? null,
          user_email: user.email ?? null,
          user_oid: user.oid ?? null,
          created_at: at,
          last_active_at: at,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    });
    const conversation = await this.find(id);
    if (!conversation) throw new Error(`conversation ${id} vanished as it started`);
    return { conversation, created };
  }

  async find(id: string): Promise<StoredConversation | undefined> {
    const row = await this.db
      .selectFrom('directline_conversations')
      .selectAll()
      .where('id', '=', id)
      .where('last_active_at', '>=', this.idleCutoff())
      .executeTakeFirst();
    if (!row) return undefined;
    const conversation = toConversation(row);
    if (this.now().toMillis() - conversation.lastActiveAt.toMillis() >= this.limits.touchEveryMs) await this.touch(id);
    return conversation;
  }

  async touch(id: string): Promise<boolean> {
    const updated = await this.db
      .updateTable('directline_conversations')
      .set({ last_active_at: stamp(this.now()) })
      .where('id', '=', id)
      .where('last_active_at', '>=', this.idleCutoff())
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  async exists(id: string): Promise<boolean> {
    return Boolean(
      await this.db
        .selectFrom('directline_conversations')
        .select('id')
        .where('id', '=', id)
        .where('last_active_at', '>=', this.idleCutoff())
        .executeTakeFirst(),
    );
  }

  appendFromClient(id: string, activity: DirectLineActivity, clientActivityId: string | undefined): Promise<ClientAppend> {
    return this.db.transaction().execute(async (trx): Promise<ClientAppend> => {
      const row = await this.lock(trx, id);
      if (!row) return { outcome: 'gone' };
      if (clientActivityId) {
        const earlier = await trx
          .selectFrom('directline_activities')
          .select(['seq', 'activity', 'handled'])
          .where('conversation_id', '=', id)
          .where('client_activity_id', '=', clientActivityId)
          .executeTakeFirst();
        if (earlier)
          return { outcome: 'resent', id: activityId(id, earlier.seq), handled: earlier.handled === 1, activity: withId(id, earlier.seq, earlier.activity) };
      }
      const { hits, verdict } = slideWindow(parseHits(row.recent_posts), this.limits.flood, this.now().toMillis());
      if (!verdict.accepted) return { outcome: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds };
      const [stored] = await this.insert(trx, row, [activity], clientActivityId, JSON.stringify(hits));
      return { outcome: 'appended', activity: stored };
    });
  }

  async markHandled(id: string, clientActivityId: string): Promise<void> {
    await this.db
      .updateTable('directline_activities')
      .set({ handled: 1 })
      .where('conversation_id', '=', id)
      .where('client_activity_id', '=', clientActivityId)
      .execute();
  }

  appendFromBot(id: string, activities: DirectLineActivity[]): Promise<DirectLineActivity[] | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const row = await this.lock(trx, id);
      if (!row) return undefined;
      return activities.length ? this.insert(trx, row, activities, undefined, row.recent_posts) : [];
    });
  }

  async since(id: string, watermark: number): Promise<ActivitySet | undefined> {
    const row = await this.db
      .selectFrom('directline_conversations')
      .select('last_seq')
      .where('id', '=', id)
      .where('last_active_at', '>=', this.idleCutoff())
      .executeTakeFirst();
    if (!row) return undefined;
    const rows = await this.db
      .selectFrom('directline_activities')
      .select(['seq', 'activity'])
      .where('conversation_id', '=', id)
      .where('seq', '>', watermark)
      .orderBy('seq')
      .execute();
    // Read after the conversation, so the page may hold activities newer than its last_seq.
    const last = rows.length ? Math.max(row.last_seq, rows[rows.length - 1].seq) : row.last_seq;
    return { activities: rows.map((r) => withId(id, r.seq, r.activity)), watermark: String(last) };
  }

  take(key: string, limit: WindowLimit): Promise<LimitVerdict> {
    return this.db.transaction().execute(async (trx) => {
      const at = stamp(this.now());
      // The upsert locks the row (PostgreSQL) until the transaction ends, so replicas count one at a time.
      const row = await trx
        .insertInto('directline_limits')
        .values({ key, hits: '[]', updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ updated_at: at }))
        .returning('hits')
        .executeTakeFirstOrThrow();
      const { hits, verdict } = slideWindow(parseHits(row.hits), limit, this.now().toMillis());
      if (verdict.accepted)
        await trx
          .updateTable('directline_limits')
          .set({ hits: JSON.stringify(hits) })
          .where('key', '=', key)
          .execute();
      return verdict;
    });
  }

  async purgeIdle(cutoff: DateTime): Promise<number> {
    const before = stamp(cutoff);
    let purged = 0;
    for (;;) {
      const ids = await this.db.transaction().execute(async (trx) => {
        const batch = await trx.selectFrom('directline_conversations').select('id').where('last_active_at', '<', before).limit(PURGE_BATCH).execute();
        if (!batch.length) return [];
        // Deleting re-checks the time, so a conversation used since the select stays.
        const gone = await trx
          .deleteFrom('directline_conversations')
          .where(
            'id',
            'in',
            batch.map((r) => r.id),
          )
          .where('last_active_at', '<', before)
          .returning('id')
          .execute();
        if (gone.length)
          await trx
            .deleteFrom('directline_activities')
            .where(
              'conversation_id',
              'in',
              gone.map((r) => r.id),
            )
            .execute();
        return gone.map((r) => r.id);
      });
      purged += ids.length;
      if (ids.length < PURGE_BATCH) break;
    }
    // Limit windows untouched for an hour have nothing left in them.
    await this.db
      .deleteFrom('directline_limits')
      .where('updated_at', '<', stamp(this.now().minus({ hours: 1 })))
      .execute();
    return purged;
  }

  redact(conversationId: string, activityId: string): Promise<boolean> {
    const seq = seqOfActivityId(activityId);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('directline_activities')
        .select(['activity', 'bytes'])
        .where('conversation_id', '=', conversationId)
        .where('seq', '=', seq)
        .executeTakeFirst();
      if (!row) return false;
      const form = storedForm(redactedActivity(JSON.parse(row.activity) as DirectLineActivity));
      await trx
        .updateTable('directline_activities')
        .set({ activity: form.json, bytes: form.bytes })
        .where('conversation_id', '=', conversationId)
        .where('seq', '=', seq)
        .execute();
      // The conversation's byte count follows, so trimming stays exact.
      await trx
        .updateTable('directline_conversations')
        .set((eb) => ({ bytes: eb('bytes', '-', row.bytes - form.bytes) }))
        .where('id', '=', conversationId)
        .execute();
      return true;
    });
  }

  /** Marks the conversation used and locks its row until the transaction ends; undefined when it has gone. */
  private lock(trx: Transaction<DatabaseSchema>, id: string): Promise<ConversationRow | undefined> {
    return trx
      .updateTable('directline_conversations')
      .set({ last_active_at: stamp(this.now()) })
      .where('id', '=', id)
      .where('last_active_at', '>=', this.idleCutoff())
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Conversations last used before this count as gone even before housekeeping deletes them.
   * Worked out in milliseconds (the same text as `stamp`), since every read and poll needs it and
   * luxon's arithmetic and formatting cost more than the query.
   */
  private idleCutoff(): string {
    return new Date(this.now().toMillis() - this.limits.idleMinutes * 60_000).toISOString();
  }

  /** Inserts activities after the row's last watermark, then trims the conversation to its limits. */
  private async insert(
    trx: Transaction<DatabaseSchema>,
    row: ConversationRow,
    activities: DirectLineActivity[],
    clientActivityId: string | undefined,
    recentPosts: string,
  ): Promise<DirectLineActivity[]> {
    const forms = activities.map(storedForm);
    const values = forms.map((form, i) => ({
      conversation_id: row.id,
      seq: row.last_seq + 1 + i,
      activity: form.json,
      bytes: form.bytes,
      client_activity_id: i === 0 ? (clientActivityId ?? null) : null,
    }));
    await trx.insertInto('directline_activities').values(values).execute();
    const lastSeq = row.last_seq + activities.length;
    const { firstSeq, bytes } = await this.trim(trx, row.id, row.first_seq, lastSeq, row.bytes + forms.reduce((n, f) => n + f.bytes, 0));
    await trx
      .updateTable('directline_conversations')
      .set({ first_seq: firstSeq, last_seq: lastSeq, bytes, recent_posts: recentPosts })
      .where('id', '=', row.id)
      .execute();
    return values.map((v) => withId(row.id, v.seq, v.activity));
  }

  /** Drops the oldest activities while the conversation is over its count or byte limit (always keeping the newest). */
  private async trim(
    trx: Transaction<DatabaseSchema>,
    id: string,
    firstSeq: number,
    lastSeq: number,
    bytes: number,
  ): Promise<{ firstSeq: number; bytes: number }> {
    const { maxActivities, maxBytes } = this.limits;
    if (lastSeq - firstSeq + 1 <= maxActivities && bytes <= maxBytes) return { firstSeq, bytes };
    const rows = await trx.selectFrom('directline_activities').select(['seq', 'bytes']).where('conversation_id', '=', id).orderBy('seq').execute();
    let count = rows.length;
    let kept = bytes;
    let dropTo = 0;
    for (const r of rows) {
      if (count <= 1 || (count <= maxActivities && kept <= maxBytes)) break;
      count--;
      kept -= r.bytes;
      dropTo = r.seq;
    }
    if (dropTo) await trx.deleteFrom('directline_activities').where('conversation_id', '=', id).where('seq', '<=', dropTo).execute();
    return { firstSeq: dropTo ? dropTo + 1 : firstSeq, bytes: kept };
  }
}

function toConversation(row: ConversationRow): StoredConversation {
  return {
    id: row.id,
    user: {
      id: row.user_id,
      ...(row.user_name ? { name: row.user_name } : {}),
      ...(row.user_email ? { email: row.user_email } : {}),
      ...(row.user_oid ? { oid: row.user_oid } : {}),
    },
    lastSeq: row.last_seq,
    lastActiveAt: DateTime.fromISO(row.last_active_at, { zone: 'utc' }),
  };
}
