import { Kysely, sql } from 'kysely';
import { KnowledgeEntry } from '../../knowledge/entry';
import { DatabaseSchema } from '../store/schema';
import { Clock, stamp } from '../store/timestamps';
import { describeChanges } from './entryDiff';

/** Who wrote the versions that came from the shipped Markdown files (never a person). */
export const SHIPPED_FILES = 'shipped files';

/** The content revision replicas poll: bumped by every publish, import or shipped-file update. */
const KNOWLEDGE_REVISION = 'knowledge';

/** An entry as editors see it: the live text, any draft over it, and the revision an edit must name. */
export interface ContentRecord {
  id: string;
  live?: KnowledgeEntry;
  liveVersion: number;
  draft?: KnowledgeEntry;
  draftBy?: string;
  draftAt?: string;
  /** Bumped by every write; an edit naming an older one is refused as a conflict. */
  revision: number;
  updatedAt: string;
}

/** One published version of an entry. */
export interface ContentVersion {
  entryId: string;
  version: number;
  entry: KnowledgeEntry;
  author: string;
  approver: string;
  publishedAt: string;
  diff: string;
}

/** Why a write was refused; `conflict` carries who changed the entry since the editor read it. */
export type WriteRefusal =
  | { kind: 'missing' }
  | { kind: 'exists' }
  | { kind: 'conflict'; revision: number; by?: string; at: string }
  | { kind: 'no-draft' }
  | { kind: 'same-person'; author: string };

export type WriteResult<T> = ({ ok: true } & T) | ({ ok: false } & WriteRefusal);

type Row = { id: string; live: string | null; live_version: number; draft: string | null; draft_by: string | null; draft_at: string | null; revision: number; updated_at: string };

/** Who an editor is for the review rule: the id in "Name [id]" when there is one, else the whole name. */
export const editorKey = (editor: string): string => (/\[([^\]]+)\]$/.exec(editor)?.[1] ?? editor).trim().toLowerCase();

const parse = (json: string | null): KnowledgeEntry | undefined => (json ? (JSON.parse(json) as KnowledgeEntry) : undefined);

function recordOf(row: Row): ContentRecord {
  return {
    id: row.id,
    live: parse(row.live),
    liveVersion: row.live_version,
    draft: parse(row.draft),
    draftBy: row.draft_by ?? undefined,
    draftAt: row.draft_at ?? undefined,
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}

/**
 * The knowledge entries content owners edit, in the database: a draft sits beside the live text
 * until it is published (a new version with its diff), every write bumps the entry's revision so
 * two editors never silently overwrite each other, and every publish bumps the content revision
 * that replicas poll.
 */
export class ContentEntries {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: Clock,
  ) {}

  async list(): Promise<ContentRecord[]> {
    const rows = await this.db.selectFrom('content_entries').selectAll().orderBy('id').execute();
    return rows.map(recordOf);
  }

  async get(id: string): Promise<ContentRecord | undefined> {
    const row = await this.db.selectFrom('content_entries').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? recordOf(row) : undefined;
  }

  /** Every live entry, by id: what staff are answered from. */
  async liveEntries(): Promise<KnowledgeEntry[]> {
    const rows = await this.db.selectFrom('content_entries').select('live').where('live', 'is not', null).orderBy('id').execute();
    return rows.map((r) => parse(r.live)!);
  }

  /** The live entries with every draft applied (new entries included): what the test pane asks. */
  async draftEntries(): Promise<KnowledgeEntry[]> {
    const rows = await this.db.selectFrom('content_entries').select(['live', 'draft']).orderBy('id').execute();
    return rows.map((r) => parse(r.draft) ?? parse(r.live)).filter((e): e is KnowledgeEntry => e !== undefined);
  }

  /** The number replicas compare with their own to learn that live content changed. */
  async revision(): Promise<number> {
    const row = await this.db.selectFrom('content_revisions').select('revision').where('name', '=', KNOWLEDGE_REVISION).executeTakeFirst();
    return row?.revision ?? 0;
  }

  /** A new entry, as a draft only. */
  async create(entry: KnowledgeEntry, by: string, trx: Kysely<DatabaseSchema> = this.db): Promise<WriteResult<{ revision: number }>> {
    const at = stamp(this.now());
    const inserted = await trx
      .insertInto('content_entries')
      .values({ id: entry.id, live: null, draft: JSON.stringify(entry), draft_by: by, draft_at: at, revision: 1, created_at: at, updated_at: at })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { ok: false, kind: 'exists' };
    return { ok: true, revision: 1 };
  }

  /** Saves a draft over an entry, only if nobody wrote to it since the editor read `expectedRevision`. */
  async saveDraft(entry: KnowledgeEntry, by: string, expectedRevision: number): Promise<WriteResult<{ revision: number }>> {
    const at = stamp(this.now());
    const updated = await this.db
      .updateTable('content_entries')
      .set({ draft: JSON.stringify(entry), draft_by: by, draft_at: at, revision: sql<number>`revision + 1`, updated_at: at })
      .where('id', '=', entry.id)
      .where('revision', '=', expectedRevision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) return { ok: true, revision: expectedRevision + 1 };
    return this.refusalFor(entry.id);
  }

  /** Throws a draft away, leaving the live text as it is. */
  async discardDraft(id: string, expectedRevision: number): Promise<WriteResult<{ revision: number }>> {
    const updated = await this.db
      .updateTable('content_entries')
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
   * of its own). `check` sees the draft first and may refuse it (content that became invalid).
   */
  async publish(
    id: string,
    approver: string,
    options: { expectedRevision?: number; secondPerson?: boolean } = {},
  ): Promise<WriteResult<{ version: number; revision: number; entry: KnowledgeEntry }>> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('content_entries').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return { ok: false, kind: 'missing' } as const;
      const record = recordOf(row);
      if (options.expectedRevision !== undefined && record.revision !== options.expectedRevision) return { ok: false, kind: 'conflict', revision: record.revision, by: record.draftBy, at: record.updatedAt } as const;
      if (!record.draft) return { ok: false, kind: 'no-draft' } as const;
      const author = record.draftBy ?? 'unknown';
      if (options.secondPerson && editorKey(author) === editorKey(approver)) return { ok: false, kind: 'same-person', author } as const;
      const version = record.liveVersion + 1;
      const at = stamp(this.now());
      const updated = await trx
        .updateTable('content_entries')
        .set({ live: row.draft, live_version: version, draft: null, draft_by: null, draft_at: null, revision: record.revision + 1, updated_at: at })
        .where('id', '=', id)
        .where('revision', '=', record.revision)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return { ok: false, kind: 'conflict', revision: record.revision + 1, at } as const;
      await trx
        .insertInto('content_versions')
        .values({ entry_id: id, version, entry: row.draft!, author, approver, published_at: at, diff: describeChanges(record.live, record.draft) })
        .execute();
      await this.bumpRevision(trx, at);
      return { ok: true, version, revision: record.revision + 1, entry: record.draft };
    });
  }

  /** Every published version of an entry, newest first. */
  async versions(id: string): Promise<ContentVersion[]> {
    const rows = await this.db.selectFrom('content_versions').selectAll().where('entry_id', '=', id).orderBy('version', 'desc').execute();
    return rows.map((r) => ({ entryId: r.entry_id, version: r.version, entry: JSON.parse(r.entry) as KnowledgeEntry, author: r.author, approver: r.approver, publishedAt: r.published_at, diff: r.diff }));
  }

  async version(id: string, version: number): Promise<ContentVersion | undefined> {
    return (await this.versions(id)).find((v) => v.version === version);
  }

  /**
   * Loads entries straight to live (the shipped files at start-up, `npm run content:import`): an
   * entry that is new or whose text differs gets a new version by `by`. With `onlyIfUnedited`, an
   * entry whose latest version someone else wrote (a content owner's edit) keeps that edit.
   */
  async loadLive(entries: readonly KnowledgeEntry[], by: string, options: { onlyIfUnedited?: boolean } = {}): Promise<{ added: number; updated: number; kept: string[] }> {
    const result = { added: 0, updated: 0, kept: [] as string[] };
    if (entries.length === 0) return result;
    await this.db.transaction().execute(async (trx) => {
      const rows = new Map((await trx.selectFrom('content_entries').selectAll().execute()).map((r) => [r.id, r]));
      const authors = new Map(
        (await trx.selectFrom('content_versions').select(['entry_id', 'version', 'author']).execute())
          .sort((a, b) => a.version - b.version)
          .map((v) => [v.entry_id, v.author]),
      );
      const at = stamp(this.now());
      const versions: DatabaseSchema['content_versions'][] = [];
      for (const entry of entries) {
        const json = JSON.stringify(entry);
        const row = rows.get(entry.id);
        if (!row) {
          // Replicas starting together on a fresh database both seed; the second one's rows are dropped.
          await trx.insertInto('content_entries').values({ id: entry.id, live: json, live_version: 1, revision: 1, created_at: at, updated_at: at }).onConflict((oc) => oc.column('id').doNothing()).execute();
          versions.push({ entry_id: entry.id, version: 1, entry: json, author: by, approver: by, published_at: at, diff: 'created' });
          result.added++;
          continue;
        }
        if (row.live === json) continue;
        if (options.onlyIfUnedited && row.live !== null && authors.get(entry.id) !== by) {
          result.kept.push(entry.id);
          continue;
        }
        const version = row.live_version + 1;
        await trx.updateTable('content_entries').set({ live: json, live_version: version, revision: row.revision + 1, updated_at: at }).where('id', '=', entry.id).execute();
        versions.push({ entry_id: entry.id, version, entry: json, author: by, approver: by, published_at: at, diff: describeChanges(parse(row.live), entry) });
        result.updated++;
      }
      // Batched so a first start seeds a few hundred entries in a handful of statements.
      for (let i = 0; i < versions.length; i += 200) await trx.insertInto('content_versions').values(versions.slice(i, i + 200)).onConflict((oc) => oc.columns(['entry_id', 'version']).doNothing()).execute();
      if (result.added + result.updated > 0) await this.bumpRevision(trx, at);
    });
    return result;
  }

  private async bumpRevision(trx: Kysely<DatabaseSchema>, at: string): Promise<void> {
    await trx
      .insertInto('content_revisions')
      .values({ name: KNOWLEDGE_REVISION, revision: 1, updated_at: at })
      .onConflict((oc) => oc.column('name').doUpdateSet({ revision: sql<number>`content_revisions.revision + 1`, updated_at: at }))
      .execute();
  }

  private async refusalFor(id: string): Promise<{ ok: false } & WriteRefusal> {
    const record = await this.get(id);
    if (!record) return { ok: false, kind: 'missing' };
    return { ok: false, kind: 'conflict', revision: record.revision, by: record.draftBy, at: record.updatedAt };
  }
}
