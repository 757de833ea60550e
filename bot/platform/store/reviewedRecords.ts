import { Kysely, sql } from 'kysely';
import { DatabaseSchema } from './schema';
import { Clock, stamp } from './timestamps';

/** A record as editors see it: the live text, any draft over it, and the revision an edit must name. */
export interface ReviewedRecord<T> {
  id: string;
  live?: T;
  liveVersion: number;
  draft?: T;
  draftBy?: string;
  draftAt?: string;
  /** Bumped by every write; an edit naming an older one is refused as a conflict. */
  revision: number;
  updatedAt: string;
}

/** One published version of a record. */
export interface PublishedVersion<T> {
  entryId: string;
  version: number;
  entry: T;
  author: string;
  approver: string;
  publishedAt: string;
  diff: string;
}

/** Why a write was refused; `conflict` carries who changed the record since the editor read it. */
export type WriteRefusal =
  | { kind: 'missing' }
  | { kind: 'exists' }
  | { kind: 'conflict'; revision: number; by?: string; at: string }
  | { kind: 'no-draft' }
  | { kind: 'same-person'; author: string };

export type WriteResult<T> = ({ ok: true } & T) | ({ ok: false } & WriteRefusal);

/** Who an editor is for the review rule: the id in "Name [id]" when there is one, else the whole name. */
export const editorKey = (editor: string): string => (/\[([^\]]+)\]$/.exec(editor)?.[1] ?? editor).trim().toLowerCase();

/** Where one kind of reviewed content is kept, and how its records are named and compared. */
export interface ReviewedTables<T> {
  /** A table shaped like content_entries (live, draft, revision…). */
  records: 'content_entries' | 'catalogue_items';
  /** A table shaped like content_versions. */
  versions: 'content_versions' | 'catalogue_versions';
  /** The row of content_revisions that replicas poll for this kind of content. */
  revisionName: string;
  /** The key a record is stored under. */
  keyOf: (record: T) => string;
  /** What changed between two versions, one line per change, for the history. */
  describe: (before: T | undefined, after: T) => string;
}

type Row = {
  id: string;
  live: string | null;
  live_version: number;
  draft: string | null;
  draft_by: string | null;
  draft_at: string | null;
  revision: number;
  updated_at: string;
};

/**
 * Content that editors change through review, in the database: a draft sits beside the live text
 * until it is published (a new version with its diff), every write bumps the record's revision so
 * two editors never silently overwrite each other, and every publish bumps the revision replicas
 * poll. Knowledge entries and the training catalogue both keep their content this way.
 */
export class ReviewedRecords<T> {
  // Every reviewed table has content_entries' columns, so its name is typed as that table's.
  private readonly records: 'content_entries';
  private readonly versionTable: 'content_versions';

  constructor(
    protected readonly db: Kysely<DatabaseSchema>,
    protected readonly now: Clock,
    private readonly tables: ReviewedTables<T>,
  ) {
    this.records = tables.records as 'content_entries';
    this.versionTable = tables.versions as 'content_versions';
  }

  private parse(json: string | null): T | undefined {
    return json ? (JSON.parse(json) as T) : undefined;
  }

  private recordOf(row: Row): ReviewedRecord<T> {
    return {
      id: row.id,
      live: this.parse(row.live),
      liveVersion: row.live_version,
      draft: this.parse(row.draft),
      draftBy: row.draft_by ?? undefined,
      draftAt: row.draft_at ?? undefined,
      revision: row.revision,
      updatedAt: row.updated_at,
    };
  }

  async list(): Promise<ReviewedRecord<T>[]> {
    const rows = await this.db.selectFrom(this.records).selectAll().orderBy('id').execute();
    return rows.map((r) => this.recordOf(r));
  }

  async get(id: string): Promise<ReviewedRecord<T> | undefined> {
    const row = await this.db.selectFrom(this.records).selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.recordOf(row) : undefined;
  }

  /** Every live record, by key: what staff are served. */
  async liveRecords(): Promise<T[]> {
    const rows = await this.db.selectFrom(this.records).select('live').where('live', 'is not', null).orderBy('id').execute();
    return rows.map((r) => this.parse(r.live)!);
  }

  /** The live records with every draft applied (new records included). */
  async draftRecords(): Promise<T[]> {
    const rows = await this.db.selectFrom(this.records).select(['live', 'draft']).orderBy('id').execute();
    return rows.map((r) => this.parse(r.draft) ?? this.parse(r.live)).filter((e): e is T => e !== undefined);
  }

  /** The number replicas compare with their own to learn that live content changed. */
  async revision(): Promise<number> {
    const row = await this.db.selectFrom('content_revisions').select('revision').where('name', '=', this.tables.revisionName).executeTakeFirst();
    return row?.revision ?? 0;
  }

  /** A new record, as a draft only. */
  async create(record: T, by: string): Promise<WriteResult<{ revision: number }>> {
    const at = stamp(this.now());
    const inserted = await this.db
      .insertInto(this.records)
      .values({
        id: this.tables.keyOf(record),
        live: null,
        draft: JSON.stringify(record),
        draft_by: by,
        draft_at: at,
        revision: 1,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { ok: false, kind: 'exists' };
    return { ok: true, revision: 1 };
  }

  /** Saves a draft over a record, only if nobody wrote to it since the editor read `expectedRevision`. */
  async saveDraft(record: T, by: string, expectedRevision: number): Promise<WriteResult<{ revision: number }>> {
    const at = stamp(this.now());
    const id = this.tables.keyOf(record);
    const updated = await this.db
      .updateTable(this.records)
      .set({ draft: JSON.stringify(record), draft_by: by, draft_at: at, revision: sql<number>`revision + 1`, updated_at: at })
      .where('id', '=', id)
      .where('revision', '=', expectedRevision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) return { ok: true, revision: expectedRevision + 1 };
    return this.refusalFor(id);
  }

  /** Throws a draft away, leaving the live text as it is. */
  async discardDraft(id: string, expectedRevision: number): Promise<WriteResult<{ revision: number }>> {
    const updated = await this.db
      .updateTable(this.records)
      .set({ draft: null, draft_by: null, draft_at: null, revision: sql<number>`revision + 1`, updated_at: stamp(this.now()) })
      .where('id', '=', id)
      .where('revision', '=', expectedRevision)
      .where('draft', 'is not', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) return { ok: true, revision: expectedRevision + 1 };
    const record = await this.get(id);
    return record && !record.draft && record.revision === expectedRevision ? { ok: false, kind: 'no-draft' } : this.refusalFor(id);
  }

  /**
   * Makes the draft live as a new version approved by `approver`. With `secondPerson` the approver
   * must not be the draft's author (the dashboard's review rule; the admin API token is an approver
   * of its own).
   */
  async publish(
    id: string,
    approver: string,
    options: { expectedRevision?: number; secondPerson?: boolean } = {},
  ): Promise<WriteResult<{ version: number; revision: number; entry: T }>> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom(this.records).selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return { ok: false, kind: 'missing' } as const;
      const record = this.recordOf(row);
      if (options.expectedRevision !== undefined && record.revision !== options.expectedRevision)
        return { ok: false, kind: 'conflict', revision: record.revision, by: record.draftBy, at: record.updatedAt } as const;
      if (!record.draft) return { ok: false, kind: 'no-draft' } as const;
      const author = record.draftBy ?? 'unknown';
      if (options.secondPerson && editorKey(author) === editorKey(approver)) return { ok: false, kind: 'same-person', author } as const;
      const version = record.liveVersion + 1;
      const at = stamp(this.now());
      const updated = await trx
        .updateTable(this.records)
        .set({ live: row.draft, live_version: version, draft: null, draft_by: null, draft_at: null, revision: record.revision + 1, updated_at: at })
        .where('id', '=', id)
        .where('revision', '=', record.revision)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return { ok: false, kind: 'conflict', revision: record.revision + 1, at } as const;
      await trx
        .insertInto(this.versionTable)
        .values({ entry_id: id, version, entry: row.draft!, author, approver, published_at: at, diff: this.tables.describe(record.live, record.draft) })
        .execute();
      await this.bumpRevision(trx, at);
      return { ok: true, version, revision: record.revision + 1, entry: record.draft };
    });
  }

  /** Every published version of a record, newest first. */
  async versions(id: string): Promise<PublishedVersion<T>[]> {
    const rows = await this.db.selectFrom(this.versionTable).selectAll().where('entry_id', '=', id).orderBy('version', 'desc').execute();
    return rows.map((r) => ({
      entryId: r.entry_id,
      version: r.version,
      entry: JSON.parse(r.entry) as T,
      author: r.author,
      approver: r.approver,
      publishedAt: r.published_at,
      diff: r.diff,
    }));
  }

  async version(id: string, version: number): Promise<PublishedVersion<T> | undefined> {
    return (await this.versions(id)).find((v) => v.version === version);
  }

  /**
   * Loads records straight to live (shipped files at start-up, an import): a record that is new or
   * whose text differs gets a new version by `by`. With `onlyIfUnedited`, a record whose latest
   * version someone else wrote (an editor's change) keeps that edit. Inside a unit of work (an import
   * kept with its idempotency key) its transaction is a savepoint of that unit.
   */
  async loadLive(records: readonly T[], by: string, options: { onlyIfUnedited?: boolean } = {}): Promise<{ added: number; updated: number; kept: string[] }> {
    const result = { added: 0, updated: 0, kept: [] as string[] };
    if (records.length === 0) return result;
    const load = async (trx: Kysely<DatabaseSchema>) => {
      const rows = new Map((await trx.selectFrom(this.records).selectAll().execute()).map((r) => [r.id, r]));
      const authors = new Map(
        (await trx.selectFrom(this.versionTable).select(['entry_id', 'version', 'author']).execute())
          .sort((a, b) => a.version - b.version)
          .map((v) => [v.entry_id, v.author]),
      );
      const at = stamp(this.now());
      const versions: DatabaseSchema['content_versions'][] = [];
      for (const record of records) {
        const id = this.tables.keyOf(record);
        const json = JSON.stringify(record);
        const row = rows.get(id);
        if (!row) {
          // Replicas starting together on a fresh database both seed; the second one's rows are dropped.
          await trx
            .insertInto(this.records)
            .values({ id, live: json, live_version: 1, revision: 1, created_at: at, updated_at: at })
            .onConflict((oc) => oc.column('id').doNothing())
            .execute();
          versions.push({ entry_id: id, version: 1, entry: json, author: by, approver: by, published_at: at, diff: 'created' });
          result.added++;
          continue;
        }
        if (row.live === json) continue;
        if (options.onlyIfUnedited && row.live !== null && authors.get(id) !== by) {
          result.kept.push(id);
          continue;
        }
        const version = row.live_version + 1;
        await trx
          .updateTable(this.records)
          .set({ live: json, live_version: version, revision: row.revision + 1, updated_at: at })
          .where('id', '=', id)
          .execute();
        versions.push({
          entry_id: id,
          version,
          entry: json,
          author: by,
          approver: by,
          published_at: at,
          diff: this.tables.describe(this.parse(row.live), record),
        });
        result.updated++;
      }
      // Batched so a first start seeds a few hundred records in a handful of statements.
      for (let i = 0; i < versions.length; i += 200)
        await trx
          .insertInto(this.versionTable)
          .values(versions.slice(i, i + 200))
          .onConflict((oc) => oc.columns(['entry_id', 'version']).doNothing())
          .execute();
      if (result.added + result.updated > 0) await this.bumpRevision(trx, at);
    };
    await this.db.transaction().execute(load);
    return result;
  }

  private async bumpRevision(trx: Kysely<DatabaseSchema>, at: string): Promise<void> {
    await trx
      .insertInto('content_revisions')
      .values({ name: this.tables.revisionName, revision: 1, updated_at: at })
      .onConflict((oc) => oc.column('name').doUpdateSet({ revision: sql<number>`content_revisions.revision + 1`, updated_at: at }))
      .execute();
  }

  private async refusalFor(id: string): Promise<{ ok: false } & WriteRefusal> {
    const record = await this.get(id);
    if (!record) return { ok: false, kind: 'missing' };
    return { ok: false, kind: 'conflict', revision: record.revision, by: record.draftBy, at: record.updatedAt };
  }
}
