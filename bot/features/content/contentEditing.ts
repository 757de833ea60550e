import { DateTime } from 'luxon';
import { KnowledgeEntry } from '../../../knowledge/entry';
import { validationFailure } from '../../platform/http/validationFailure';
import { ContentAnswer, Editor, refusalAnswer, restoredAnswer, ReviewedPublishing, versionsAnswer } from '../../platform/store/reviewedPublishing';
import { ContentEntries, ContentRecord } from './contentEntries';
import { frontMatterOf } from './entryMarkdown';
import { checkEntryInput } from './entryInput';
import { LiveKnowledge } from './liveKnowledge';

export { refusalAnswer } from '../../platform/store/reviewedPublishing';
export type { ContentAnswer, Editor } from '../../platform/store/reviewedPublishing';

const entryJson = (entry: ContentRecord['live']) => (entry ? { ...frontMatterOf(entry), body: entry.body } : null);

/** An entry as the API and the dashboard list it: front-matter names and where it stands. */
export function recordSummary(record: ContentRecord, today?: string) {
  const shown = record.draft ?? record.live!;
  return {
    id: record.id,
    title: shown.title,
    kind: shown.kind,
    authority: shown.authority,
    owner: shown.owner,
    review_by: shown.reviewBy,
    status: shown.status,
    ...(today !== undefined ? { overdue: (record.live ?? shown).reviewBy < today } : {}),
    live_version: record.liveVersion,
    has_draft: record.draft !== undefined,
    draft_by: record.draftBy ?? null,
    draft_at: record.draftAt ?? null,
    version: record.revision,
    updated_at: record.updatedAt,
  };
}

const VERSION_PROBLEM = { field: 'version', message: "version: send the version you read (GET the entry), so nobody else's change is overwritten" };

/**
 * Editing knowledge entries, shared by the admin API and the dashboard: the same checks as
 * `kb:check` on every save, optimistic concurrency, review before publishing, and a rebuild of the
 * live index after each publish.
 */
export class ContentEditing {
  private readonly reviewed: ReviewedPublishing<KnowledgeEntry>;

  constructor(
    private readonly entries: ContentEntries,
    private readonly knowledge: LiveKnowledge,
    private readonly now: () => DateTime,
  ) {
    this.reviewed = new ReviewedPublishing(entries, VERSION_PROBLEM);
  }

  async list(): Promise<ContentRecord[]> {
    return this.entries.list();
  }

  /** The entries staff are answered from now. */
  async liveEntries() {
    return this.entries.liveEntries();
  }

  async show(id: string): Promise<ContentAnswer> {
    const record = await this.entries.get(id);
    if (!record) return refusalAnswer({ kind: 'missing' }, id);
    return { status: 200, body: { ...recordSummary(record), live: entryJson(record.live), draft: entryJson(record.draft) } };
  }

  /** Checks a new entry; run before the idempotency transaction, which on SQLite must not wait on other queries. */
  async checkNew(body: Record<string, unknown>) {
    return checkEntryInput(body, await this.entries.liveEntries());
  }

  /**
   * Checks fields as a save would (over the entry's draft or live text when `id` names one), without
   * saving anything: for the dashboard's preview and its kb:check messages while an editor types.
   */
  async check(body: Record<string, unknown>): Promise<ReturnType<typeof checkEntryInput>> {
    const record = typeof body.id === 'string' ? await this.entries.get(body.id) : undefined;
    return checkEntryInput(body, await this.entries.liveEntries(), record ? (record.draft ?? record.live) : undefined);
  }

  /** Creates a checked entry as a draft, inside the caller's transaction. */
  async create(checked: Awaited<ReturnType<ContentEditing['checkNew']>>, editor: Editor): Promise<ContentAnswer> {
    if (!checked.ok) return validationFailure('entry', checked.problems);
    const created = await this.entries.create(checked.entry, editor.name);
    if (!created.ok) return refusalAnswer(created, checked.entry.id);
    return { status: 201, body: { id: checked.entry.id, version: created.revision, status: 'draft', warnings: checked.warnings } };
  }

  /** Saves changed fields as the draft, refusing a stale `version`. */
  async edit(id: string, body: Record<string, unknown>, editor: Editor): Promise<ContentAnswer> {
    const record = await this.entries.get(id);
    if (!record) return refusalAnswer({ kind: 'missing' }, id);
    const checked = checkEntryInput(body, await this.entries.liveEntries(), record.draft ?? record.live);
    const saved = await this.reviewed.saveDraft(checked.ok ? checked.entry : undefined, checked.ok ? [] : checked.problems, 'entry', id, body, editor);
    if (!saved.ok) return saved.answer;
    return { status: 200, body: { id, version: saved.revision, status: 'draft', warnings: checked.ok ? checked.warnings : [] } };
  }

  /** Publishes the draft (re-checked against what is live now: an alias may have been taken meanwhile) and starts the index rebuild. */
  async publish(id: string, body: Record<string, unknown>, editor: Editor): Promise<ContentAnswer> {
    const published = await this.reviewed.publish(id, id, body, editor, async (draft) => {
      const checked = checkEntryInput({}, await this.entries.liveEntries(), draft);
      return checked.ok ? [] : checked.problems;
    });
    if (!published.ok) return published.answer;
    this.knowledge.refreshSoon();
    return { status: 200, body: { id, live_version: published.version, version: published.revision, status: 'live' } };
  }

  async versions(id: string): Promise<ContentAnswer> {
    const listed = await this.reviewed.versions(id, id);
    if (!listed.ok) return listed.answer;
    return versionsAnswer(listed, { id }, { field: 'entry', of: entryJson });
  }

  /** Makes an old version the draft again (it needs publishing, and review, like any draft). */
  async restore(id: string, version: number, body: Record<string, unknown>, editor: Editor): Promise<ContentAnswer> {
    const restored = await this.reviewed.restore(id, id, version, body, editor);
    return restored.ok ? restoredAnswer(restored, { id }) : restored.answer;
  }

  /** Today in London, for "review overdue". */
  today(): string {
    return this.now().setZone('Europe/London').toISODate() ?? '';
  }
}
