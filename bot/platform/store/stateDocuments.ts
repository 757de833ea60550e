import crypto from 'node:crypto';
import { Kysely } from 'kysely';
import { DatabaseSchema } from './schema';
import { Clock, stamp } from './timestamps';

/** A write that lost a race: someone else changed the document since it was read. */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`State "${key}" was changed by another turn since it was read`);
  }
}

/** A stored document with the eTag that identifies its version. */
export interface StoredDocument {
  document: Record<string, unknown>;
  etag: string;
}

/** Means "write whatever is there", as in Bot Framework storage. */
export const ANY_ETAG = '*';

const newEtag = (): string => crypto.randomBytes(8).toString('hex');

/**
 * JSON documents with optimistic concurrency: a write naming an old eTag fails, a write with
 * "*" (or none) overwrites. The Bot Framework storage adapter sits on top of this.
 */
export class StateDocuments {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: Clock,
  ) {}

  async read(keys: string[]): Promise<Map<string, StoredDocument>> {
    const out = new Map<string, StoredDocument>();
    if (keys.length === 0) return out;
    const rows = await this.db.selectFrom('bot_state').select(['key', 'document', 'etag']).where('key', 'in', keys).execute();
    for (const row of rows) out.set(row.key, { document: JSON.parse(row.document) as Record<string, unknown>, etag: row.etag });
    return out;
  }

  /** Writes one document; returns its new eTag, or throws ETagConflictError. */
  async write(key: string, document: Record<string, unknown>, expectedEtag?: string): Promise<string> {
    const etag = newEtag();
    const values = { document: JSON.stringify(document), etag, updated_at: stamp(this.now()) };
    if (expectedEtag === undefined || expectedEtag === ANY_ETAG) {
      await this.db
        .insertInto('bot_state')
        .values({ key, ...values })
        .onConflict((oc) => oc.column('key').doUpdateSet(values))
        .execute();
      return etag;
    }
    const updated = await this.db.updateTable('bot_state').set(values).where('key', '=', key).where('etag', '=', expectedEtag).executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) return etag;
    // Nothing matched: either the version moved on (a conflict) or the document is new.
    const inserted = await this.db
      .insertInto('bot_state')
      .values({ key, ...values })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new ETagConflictError(key);
    return etag;
  }

  async delete(keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const result = await this.db.deleteFrom('bot_state').where('key', 'in', keys).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
