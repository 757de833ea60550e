import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import { Kysely } from 'kysely';
import { DatabaseSchema } from './schema';
import { Clock, stamp } from './timestamps';
import { inTransaction } from './unitOfWork';

/** An HTTP response as the idempotency store keeps it: a status and a JSON body. */
export interface KeyedResponse {
  status: number;
  body: unknown;
}

/** What came back for a keyed request: the response to send, and whether it is a replay of an earlier one. */
export interface IdempotentResult extends KeyedResponse {
  replayed: boolean;
}

/** A keyed request: the client's Idempotency-Key, the route it was sent to, and its parsed body. */
export interface KeyedRequest {
  key: string;
  route: string;
  body: unknown;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Why an Idempotency-Key header cannot be used, or undefined when it can. */
export function idempotencyKeyProblem(key: string | undefined): string | undefined {
  if (key === undefined || key === '') return 'Send an Idempotency-Key header (for example a UUID) so a retried request never creates a second one.';
  if (!KEY_PATTERN.test(key)) return 'The Idempotency-Key header must be 1 to 255 printable characters without spaces.';
  return undefined;
}

/** JSON with object keys sorted, so two bodies that mean the same hash the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The fingerprint of a request body, stored with its key. */
export function requestHash(body: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** Raised inside the transaction to roll back work whose response must not be kept (a refusal). */
class NotKept {
  constructor(readonly response: KeyedResponse) {}
}

/**
 * Idempotency keys for the admin API (POST /api/surveys, and briefings the same way): the first
 * request with a key runs its work and keeps the response in the same transaction as the work's
 * writes, so a retry with the same key and body gets the same response and never repeats the
 * work; the same key with a different body gets 409. Refusals (status 400 and above) are not kept,
 * so a corrected request may reuse its key.
 */
export class IdempotencyKeys {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: Clock,
  ) {}

  /**
   * Runs `work` once per (route, key), as one unit of work with the kept response: the writes it
   * makes through any repository over this database commit with the key, or not at all.
   */
  async once(request: KeyedRequest, work: () => Promise<KeyedResponse>): Promise<IdempotentResult> {
    const hash = requestHash(request.body);
    try {
      return await inTransaction(this.db, async () => {
        const claimed = await this.db
          .insertInto('idempotency_keys')
          .values({ route: request.route, key: request.key, request_hash: hash, status: 0, response: '', created_at: stamp(this.now()) })
          .onConflict((oc) => oc.columns(['route', 'key']).doNothing())
          .executeTakeFirst();
        if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return this.replay(request, hash);
        const response = await work();
        if (response.status >= 400) throw new NotKept(response);
        await this.db
          .updateTable('idempotency_keys')
          .set({ status: response.status, response: JSON.stringify(response.body ?? null) })
          .where('route', '=', request.route)
          .where('key', '=', request.key)
          .execute();
        return { ...response, replayed: false };
      });
    } catch (err) {
      if (err instanceof NotKept) return { ...err.response, replayed: false };
      throw err;
    }
  }

  /** The kept response for a key that was used before, or 409 when the body differs. */
  private async replay(request: KeyedRequest, hash: string): Promise<IdempotentResult> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('route', '=', request.route)
      .where('key', '=', request.key)
      .executeTakeFirstOrThrow();
    if (row.request_hash !== hash) {
      return {
        status: 409,
        replayed: false,
        body: {
          error: 'IdempotencyKeyReused',
          message: 'This Idempotency-Key was already used with a different request body. Use a new key for a new request.',
        },
      };
    }
    return { status: row.status, body: JSON.parse(row.response) as unknown, replayed: true };
  }

  /** Forgets keys older than a moment, so the table does not grow for ever. */
  async purgeBefore(moment: DateTime): Promise<number> {
    const result = await this.db.deleteFrom('idempotency_keys').where('created_at', '<', stamp(moment)).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
