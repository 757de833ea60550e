import { DateTime } from 'luxon';
import { Kysely, Selectable } from 'kysely';
import { AudienceFilter } from '../audience/audienceFilter';
import { BriefingTable, DatabaseSchema } from '../../platform/store/schema';
import { Clock, stamp } from '../../platform/store/timestamps';
import { BriefingContent, BriefingDraft } from './briefingInput';

export type BriefingStatus = 'publishing' | 'published' | 'recalled';

/** A stored briefing. */
export interface Briefing extends BriefingContent {
  id: number;
  publishAt: string;
  expiresAt?: string;
  status: BriefingStatus;
  recipients: number;
  createdBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The outbox message id of a briefing's copies. */
export const briefingMessageId = (id: number): string => `briefing:${id}`;

function toBriefing(row: Selectable<BriefingTable>): Briefing {
  return {
    id: Number(row.id),
    title: row.title,
    summary: row.summary,
    body: row.body,
    link: row.link ?? undefined,
    topics: JSON.parse(row.topics) as string[],
    audience: JSON.parse(row.audience) as AudienceFilter,
    publishAt: row.publish_at,
    expiresAt: row.expires_at ?? undefined,
    urgent: row.urgent === 1,
    status: row.status as BriefingStatus,
    recipients: row.recipients,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const draftColumns = (d: BriefingDraft) => ({
  title: d.title,
  summary: d.summary,
  body: d.body,
  link: d.link ?? null,
  topics: JSON.stringify(d.topics),
  audience: JSON.stringify(d.audience),
  publish_at: stamp(d.publishAt),
  expires_at: d.expiresAt ? stamp(d.expiresAt) : null,
  urgent: d.urgent ? 1 : 0,
});

/** Briefings in the database. */
export class Briefings {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: Clock,
  ) {}

  /** Saves a new briefing, ready to publish. */
  async create(draft: BriefingDraft, createdBy: string): Promise<number> {
    const at = stamp(this.now());
    const row = await this.db
      .insertInto('briefings')
      .values({ ...draftColumns(draft), status: 'publishing', recipients: 0, created_by: createdBy, version: 1, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async get(id: number): Promise<Briefing | undefined> {
    const row = await this.db.selectFrom('briefings').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toBriefing(row) : undefined;
  }

  /** Replaces a briefing's content (not its audience or timing, which its copies already follow). */
  async update(id: number, draft: Pick<BriefingDraft, 'title' | 'summary' | 'body' | 'link' | 'topics'>): Promise<boolean> {
    // The version is raised in the same statement, so two edits at once cannot both claim one number.
    const result = await this.db
      .updateTable('briefings')
      .set((eb) => ({
        title: draft.title,
        summary: draft.summary,
        body: draft.body,
        link: draft.link ?? null,
        topics: JSON.stringify(draft.topics),
        version: eb('version', '+', 1),
        updated_at: stamp(this.now()),
      }))
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setStatus(id: number, status: BriefingStatus, recipients?: number): Promise<void> {
    await this.db
      .updateTable('briefings')
      .set({ status, ...(recipients !== undefined ? { recipients } : {}), updated_at: stamp(this.now()) })
      .where('id', '=', id)
      .execute();
  }

  /** Briefings whose copies were not all queued (the process stopped half-way), oldest first. */
  async unfinished(): Promise<Briefing[]> {
    const rows = await this.db.selectFrom('briefings').selectAll().where('status', '=', 'publishing').orderBy('id').execute();
    return rows.map(toBriefing);
  }

  /** Published briefings, newest first. */
  async published(limit = 200): Promise<Briefing[]> {
    const rows = await this.db
      .selectFrom('briefings')
      .selectAll()
      .where('status', '=', 'published')
      .orderBy('publish_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toBriefing);
  }

  /** Every briefing, newest first, for authors looking one up by title. */
  async recent(limit = 200): Promise<Briefing[]> {
    const rows = await this.db.selectFrom('briefings').selectAll().orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toBriefing);
  }

  /** A fingerprint that changes whenever any briefing does, so caches know to refresh. */
  async fingerprint(): Promise<string> {
    const row = await this.db
      .selectFrom('briefings')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('last')])
      .executeTakeFirst();
    return `${row?.n ?? 0}:${row?.last ?? ''}`;
  }
}

/** True while a briefing is live for readers: published, out, and not expired. */
export function isLive(briefing: Briefing, now: DateTime): boolean {
  if (briefing.status !== 'published') return false;
  if (DateTime.fromISO(briefing.publishAt) > now) return false;
  return !briefing.expiresAt || DateTime.fromISO(briefing.expiresAt) > now;
}

/** A checked draft as the stored briefing the card is built from (id 0: not saved yet). */
export function draftAsBriefing(draft: BriefingDraft): Briefing {
  return {
    ...draft,
    id: 0,
    publishAt: draft.publishAt.toISO() ?? '',
    expiresAt: draft.expiresAt?.toISO() ?? undefined,
    status: 'published',
    recipients: 0,
    createdBy: '',
    version: 1,
    createdAt: '',
    updatedAt: '',
  };
}
