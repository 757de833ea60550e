import { DateTime } from 'luxon';
import { Kysely, Selectable, sql } from 'kysely';
import { Engine } from '../store/migrations/columns';
import { DatabaseSchema, OutboxTable } from '../store/schema';
import { Clock, stamp } from '../store/timestamps';
import { DeliveryCounts, DeliveryRecord, OutboundMessage } from './deliveryTypes';

/** What a copy is for the people who sent it. */
export type CopyStatus = 'pending' | 'sent' | 'failed' | 'unreachable' | 'cancelled' | 'expired' | 'recalled' | 'opened';
/** Work still to do on a copy. */
export type PendingOp = 'send' | 'update' | 'delete';

/** One claimed copy, as a worker handles it. */
export interface OutboxCopy {
  id: number;
  messageId: string;
  userId: string;
  kind: string;
  status: CopyStatus;
  pendingOp: PendingOp;
  urgent: boolean;
  expiresAt?: string;
  attempts: number;
  conversationId?: string;
  serviceUrl?: string;
  activityId?: string;
  /** When the person pressed "Got it", so an updated card keeps showing it. */
  acknowledgedAt?: string;
}

const INSERT_BATCH = 300;

function toCopy(row: Selectable<OutboxTable>): OutboxCopy {
  return {
    id: Number(row.id),
    messageId: row.message_id,
    userId: row.user_id,
    kind: row.kind,
    status: row.status as CopyStatus,
    pendingOp: row.pending_op as PendingOp,
    urgent: row.urgent === 1,
    expiresAt: row.expires_at ?? undefined,
    attempts: row.attempts,
    conversationId: row.conversation_id ?? undefined,
    serviceUrl: row.service_url ?? undefined,
    activityId: row.activity_id ?? undefined,
    acknowledgedAt: row.acknowledged_at ?? undefined,
  };
}

/**
 * The outbox: one row per message and recipient (unique), so nothing is queued twice. Workers
 * claim due rows with a lease; PostgreSQL workers skip rows another replica holds.
 */
export class Outbox {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: Clock,
    private readonly engine: Engine,
  ) {}

  /** Queues copies; a copy already queued for that message and person is left alone. */
  async insert(copies: OutboundMessage[]): Promise<{ inserted: number; duplicates: number }> {
    let inserted = 0;
    const at = stamp(this.now());
    for (let i = 0; i < copies.length; i += INSERT_BATCH) {
      const rows = copies.slice(i, i + INSERT_BATCH).map((c) => ({
        message_id: c.messageId,
        user_id: c.userId,
        kind: c.kind,
        status: 'pending',
        pending_op: 'send',
        urgent: c.urgent ? 1 : 0,
        not_before: stamp(c.notBefore),
        expires_at: c.expiresAt ? stamp(c.expiresAt) : null,
        next_attempt_at: stamp(c.notBefore),
        attempts: 0,
        created_at: at,
        updated_at: at,
      }));
      const result = await this.db
        .insertInto('outbox')
        .values(rows)
        .onConflict((oc) => oc.columns(['message_id', 'user_id']).doNothing())
        .executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return { inserted, duplicates: copies.length - inserted };
  }

  /** Claims up to `limit` due copies for a worker until the lease runs out. */
  async claimDue(workerId: string, limit: number, leaseMs: number): Promise<OutboxCopy[]> {
    const now = this.now();
    const at = stamp(now);
    const due = this.db
      .selectFrom('outbox')
      .select('id')
      .where('pending_op', 'is not', null)
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
      .orderBy('next_attempt_at')
      .limit(limit)
      .$if(this.engine === 'postgres', (qb) => qb.forUpdate().skipLocked());
    const rows = await this.db
      .updateTable('outbox')
      .set({ claimed_by: workerId, claimed_until: stamp(now.plus({ milliseconds: leaseMs })), updated_at: at })
      .where('id', 'in', due)
      .returningAll()
      .execute();
    return rows.map(toCopy).sort((a, b) => a.id - b.id);
  }

  /** When the next copy falls due, so an idle worker knows how long it may sleep. */
  async nextDue(): Promise<DateTime | undefined> {
    const row = await this.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.min('next_attempt_at').as('next'))
      .where('pending_op', 'is not', null)
      .executeTakeFirst();
    return row?.next ? DateTime.fromISO(row.next) : undefined;
  }

  /** Releases every claim (start-up of the only SQLite worker, whose earlier self died). */
  async releaseAllClaims(): Promise<number> {
    const result = await this.db.updateTable('outbox').set({ claimed_by: null, claimed_until: null }).where('claimed_by', 'is not', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** The workers holding unexpired claims, so a starting worker can release those of workers known to be dead. */
  async claimHolders(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('outbox')
      .select('claimed_by')
      .distinct()
      .where('claimed_by', 'is not', null)
      .where('claimed_until', '>=', stamp(this.now()))
      .execute();
    return rows.map((r) => r.claimed_by!);
  }

  /** Releases the claims of the given workers at once, rather than when their leases run out. */
  async releaseClaimsOf(workerIds: string[]): Promise<number> {
    if (workerIds.length === 0) return 0;
    const result = await this.db.updateTable('outbox').set({ claimed_by: null, claimed_until: null }).where('claimed_by', 'in', workerIds).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Records a successful send; false when the claim had been lost to another worker. */
  async markSent(copy: OutboxCopy, workerId: string, sent: { conversationId: string; serviceUrl: string; activityId?: string }): Promise<boolean> {
    const at = stamp(this.now());
    return this.complete(copy, workerId, {
      status: 'sent',
      pending_op: null,
      conversation_id: sent.conversationId,
      service_url: sent.serviceUrl,
      activity_id: sent.activityId ?? null,
      sent_at: at,
      attempts: copy.attempts + 1,
      last_error: null,
    });
  }

  /** Records that an update or deletion of a sent copy is done. */
  async markOpDone(copy: OutboxCopy, workerId: string): Promise<boolean> {
    return this.complete(copy, workerId, { pending_op: null, ...(copy.pendingOp === 'delete' ? { status: 'recalled' } : {}), last_error: null });
  }

  /** Tries again later. */
  async retryLater(copy: OutboxCopy, workerId: string, at: DateTime, error: string): Promise<boolean> {
    return this.complete(copy, workerId, { next_attempt_at: stamp(at), attempts: copy.attempts + 1, last_error: error.slice(0, 500) });
  }

  /** Gives up on a copy with a final status. */
  async finish(copy: OutboxCopy, workerId: string, status: CopyStatus, error?: string): Promise<boolean> {
    const keepSentStatus = copy.pendingOp !== 'send' && status === 'failed';
    return this.complete(copy, workerId, {
      pending_op: null,
      ...(keepSentStatus ? {} : { status }),
      attempts: copy.attempts + 1,
      last_error: error ? error.slice(0, 500) : null,
    });
  }

  private async complete(copy: OutboxCopy, workerId: string, values: Partial<Record<keyof OutboxTable, unknown>>): Promise<boolean> {
    const result = await this.db
      .updateTable('outbox')
      .set({ ...(values as object), claimed_by: null, claimed_until: null, updated_at: stamp(this.now()) })
      .where('id', '=', copy.id)
      .where('claimed_by', '=', workerId)
      .where('pending_op', '=', copy.pendingOp)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Moves a claimed copy to the id the person is now known by (their Teams id, once installing the
   * app has revealed it), so their "Got it" matches it; false when they already have a copy of that
   * message under that id, or the claim was lost.
   */
  async readdress(copy: OutboxCopy, workerId: string, userId: string): Promise<boolean> {
    const taken = await this.db.selectFrom('outbox').select('id').where('message_id', '=', copy.messageId).where('user_id', '=', userId).executeTakeFirst();
    if (taken) return false;
    try {
      const result = await this.db
        .updateTable('outbox')
        .set({ user_id: userId, updated_at: stamp(this.now()) })
        .where('id', '=', copy.id)
        .where('claimed_by', '=', workerId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    } catch {
      // Another replica queued a copy under that id in between: the unique key refused the move.
      return false;
    }
  }

  /** Removes a finished copy altogether, so no record says whom it went to (the copy's claim must still be ours). */
  async forget(copy: OutboxCopy, workerId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('outbox').where('id', '=', copy.id).where('claimed_by', '=', workerId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Cancels copies not yet sent; returns how many. */
  async cancel(messageId: string, userId?: string): Promise<number> {
    const result = await this.db
      .updateTable('outbox')
      .set({ status: 'cancelled', pending_op: null, claimed_by: null, claimed_until: null, updated_at: stamp(this.now()) })
      .where('message_id', '=', messageId)
      .$if(userId !== undefined, (qb) => qb.where('user_id', '=', userId!))
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Marks every sent copy of a message for an update or a deletion, due after `delayMs`. */
  async scheduleOnSent(messageId: string, op: 'update' | 'delete', delayMs = 0): Promise<number> {
    const result = await this.db
      .updateTable('outbox')
      .set({ pending_op: op, next_attempt_at: stamp(this.now().plus({ milliseconds: delayMs })), attempts: 0, updated_at: stamp(this.now()) })
      .where('message_id', '=', messageId)
      .where('status', '=', 'sent')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Records that a person acknowledged their copy; false when no copy was ever sent to them. */
  async acknowledge(messageId: string, userId: string): Promise<boolean> {
    const copy = await this.db
      .selectFrom('outbox')
      .select(['id', 'acknowledged_at'])
      .where('message_id', '=', messageId)
      .where('user_id', '=', userId)
      .where('status', '=', 'sent')
      .executeTakeFirst();
    if (!copy) return false;
    if (!copy.acknowledged_at)
      await this.db
        .updateTable('outbox')
        .set({ acknowledged_at: stamp(this.now()) })
        .where('id', '=', copy.id)
        .execute();
    return true;
  }

  /**
   * Records that someone read a message and acknowledged it without a delivered copy (from "latest
   * briefings"): their copy, whatever its state, gets the time; with no copy at all, an `opened`
   * row with nothing left to do holds it, so status reports and "export my data" see it.
   */
  async acknowledgeOpened(messageId: string, userId: string, kind: string): Promise<void> {
    const at = stamp(this.now());
    await this.db
      .insertInto('outbox')
      .values({
        message_id: messageId,
        user_id: userId,
        kind,
        status: 'opened',
        pending_op: null,
        urgent: 0,
        not_before: at,
        next_attempt_at: at,
        attempts: 0,
        acknowledged_at: at,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['message_id', 'user_id']).doNothing())
      .execute();
    await this.db
      .updateTable('outbox')
      .set({ acknowledged_at: at })
      .where('message_id', '=', messageId)
      .where('user_id', '=', userId)
      .where('acknowledged_at', 'is', null)
      .execute();
  }

  async wasSentTo(messageId: string, userId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('outbox')
      .select('id')
      .where('message_id', '=', messageId)
      .where('user_id', '=', userId)
      .where('status', 'in', ['sent', 'recalled'])
      .executeTakeFirst();
    return row !== undefined;
  }

  async acknowledgedAt(messageId: string, userId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('outbox')
      .select('acknowledged_at')
      .where('message_id', '=', messageId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.acknowledged_at ?? undefined;
  }

  async counts(messageId: string): Promise<DeliveryCounts> {
    const rows = await this.db
      .selectFrom('outbox')
      .select(['status', sql<number>`count(*)`.as('n'), sql<number>`sum(case when acknowledged_at is null then 0 else 1 end)`.as('acks')])
      .where('message_id', '=', messageId)
      .groupBy('status')
      .execute();
    const counts: DeliveryCounts = { pending: 0, sent: 0, acknowledged: 0, failed: 0, unreachable: 0, cancelled: 0, expired: 0, recalled: 0, opened: 0 };
    for (const row of rows) {
      const status = row.status as CopyStatus;
      counts[status] = Number(row.n);
      if (status === 'sent') counts.acknowledged = Number(row.acks);
    }
    return counts;
  }

  async records(messageId: string): Promise<DeliveryRecord[]> {
    const rows = await this.db.selectFrom('outbox').selectAll().where('message_id', '=', messageId).orderBy('user_id').execute();
    return rows.map((r) => ({
      userId: r.user_id,
      status: r.status as DeliveryRecord['status'],
      attempts: r.attempts,
      sentAt: r.sent_at ?? undefined,
      acknowledgedAt: r.acknowledged_at ?? undefined,
      lastError: r.last_error ?? undefined,
    }));
  }
}
