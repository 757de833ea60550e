import { validationFailure } from '../../platform/http/validationFailure';
import { ReviewedRecord } from '../../platform/store/reviewedRecords';
import { ContentAnswer, Editor, refusalAnswer, restoredAnswer, ReviewedPublishing, versionsAnswer } from '../../platform/store/reviewedPublishing';
import { CatalogueCheck, checkItem } from './catalogueInput';
import { CatalogueItem, CatalogueKind, CatalogueStore, itemKey } from './catalogueItems';
import { LiveCatalogue } from './liveCatalogue';
import { planSessionImport, SessionImportPlan } from './sessionCsv';

const VERSION_PROBLEM = { field: 'version', message: "version: send the version you read (GET the course or session), so nobody else's change is overwritten" };

/** How a course or session is named in messages: "course caf-lead-professional". */
const nameOf = (kind: CatalogueKind, id: string) => `${kind} ${id}`;

/** A course or session as the API and the dashboard list it: what it is and where it stands. */
export function itemSummary(record: ReviewedRecord<CatalogueItem>, courseTitles: ReadonlyMap<string, string>) {
  const shown = (record.draft ?? record.live)!;
  const base = { kind: shown.kind, id: shown.record.id };
  const detail =
    shown.kind === 'course'
      ? { title: shown.record.title, provider: shown.record.provider }
      : {
          title: courseTitles.get(shown.record.course) ?? shown.record.course,
          course: shown.record.course,
          start: shown.record.start,
          places_left: shown.record.places_left,
          status: shown.record.status,
        };
  return {
    ...base,
    ...detail,
    live_version: record.liveVersion,
    has_draft: record.draft !== undefined,
    draft_by: record.draftBy ?? null,
    draft_at: record.draftAt ?? null,
    version: record.revision,
    updated_at: record.updatedAt,
  };
}

/** An import plan as the API and the dashboard show it. */
function planJson(plan: SessionImportPlan) {
  return {
    add: plan.add.map((r) => ({ line: r.line, ...r.item.record })),
    change: plan.change.map((r) => ({ line: r.line, ...r.item.record, changes: r.changes })),
    unchanged: plan.same.length,
    problems: plan.problems,
  };
}

/**
 * Editing the training catalogue, shared by the admin API and the dashboard: the catalogue checks
 * of `kb:check` on every save, optimistic concurrency, review before publishing, versions, and
 * sessions imported from an LMS export in one transaction; whatever goes live reaches chat at once.
 */
export class CatalogueEditing {
  private readonly reviewed: ReviewedPublishing<CatalogueItem>;

  constructor(
    private readonly store: CatalogueStore,
    private readonly live: LiveCatalogue,
    /** Ids of the live knowledge entries, so a course's related_entries can be checked. */
    private readonly entryIds: () => Promise<ReadonlySet<string>>,
  ) {
    this.reviewed = new ReviewedPublishing(store, VERSION_PROBLEM);
  }

  async list(): Promise<ReturnType<typeof itemSummary>[]> {
    const records = await this.store.list();
    const titles = new Map(
      records.flatMap((r) => {
        const item = r.draft ?? r.live;
        return item?.kind === 'course' ? [[item.record.id, item.record.title] as const] : [];
      }),
    );
    return records.map((r) => itemSummary(r, titles));
  }

  async show(kind: CatalogueKind, id: string): Promise<ContentAnswer> {
    const record = await this.store.get(itemKey(kind, id));
    if (!record) return refusalAnswer({ kind: 'missing' }, nameOf(kind, id));
    const titles = new Map(this.live.catalogue.courses.map((c) => [c.id, c.title]));
    return { status: 200, body: { ...itemSummary(record, titles), live: record.live?.record ?? null, draft: record.draft?.record ?? null } };
  }

  /** Checks a new course or session; run before the idempotency transaction, which on SQLite must not wait on other queries. */
  async checkNew(kind: CatalogueKind, body: Record<string, unknown>): Promise<CatalogueCheck> {
    return checkItem(kind, body, await this.store.liveRecords(), { entryIds: await this.entryIds() });
  }

  /** Creates a checked course or session as a draft, inside the caller's transaction. */
  async create(checked: CatalogueCheck, editor: Editor): Promise<ContentAnswer> {
    if (!checked.ok) return validationFailure('catalogue record', checked.problems);
    const { kind, record } = checked.item;
    const created = await this.store.create(checked.item, editor.name);
    if (!created.ok) return refusalAnswer(created, nameOf(kind, record.id));
    return { status: 201, body: { kind, id: record.id, version: created.revision, status: 'draft' } };
  }

  /** Saves changed fields as the draft, refusing a stale `version`. */
  async edit(kind: CatalogueKind, id: string, body: Record<string, unknown>, editor: Editor): Promise<ContentAnswer> {
    const record = await this.store.get(itemKey(kind, id));
    if (!record) return refusalAnswer({ kind: 'missing' }, nameOf(kind, id));
    const checked = checkItem(kind, body, await this.store.liveRecords(), { base: record.draft ?? record.live, entryIds: await this.entryIds() });
    const saved = await this.reviewed.saveDraft(
      checked.ok ? checked.item : undefined,
      checked.ok ? [] : checked.problems,
      kind,
      nameOf(kind, id),
      body,
      editor,
    );
    if (!saved.ok) return saved.answer;
    return { status: 200, body: { kind, id, version: saved.revision, status: 'draft' } };
  }

  /** Publishes the draft (re-checked against what is live now: its course removed, a name taken meanwhile) and puts it in front of staff. */
  async publish(kind: CatalogueKind, id: string, body: Record<string, unknown>, editor: Editor): Promise<ContentAnswer> {
    const published = await this.reviewed.publish(itemKey(kind, id), nameOf(kind, id), body, editor, async (draft) => {
      const checked = checkItem(kind, {}, await this.store.liveRecords(), { base: draft, entryIds: await this.entryIds() });
      return checked.ok ? [] : checked.problems;
    });
    if (!published.ok) return published.answer;
    await this.live.published();
    return { status: 200, body: { kind, id, live_version: published.version, version: published.revision, status: 'live' } };
  }

  async versions(kind: CatalogueKind, id: string): Promise<ContentAnswer> {
    const listed = await this.reviewed.versions(itemKey(kind, id), nameOf(kind, id));
    if (!listed.ok) return listed.answer;
    return versionsAnswer(listed, { kind, id }, { field: 'record', of: (item) => item.record });
  }

  /** Makes an old version the draft again (it needs publishing, and review, like any draft). */
  async restore(kind: CatalogueKind, id: string, version: number, body: Record<string, unknown>, editor: Editor): Promise<ContentAnswer> {
    const restored = await this.reviewed.restore(itemKey(kind, id), nameOf(kind, id), version, body, editor);
    return restored.ok ? restoredAnswer(restored, { kind, id }) : restored.answer;
  }

  /** Reads an LMS export against the live catalogue; run before the import's transaction, which on SQLite must not wait on other queries. */
  async planImport(csv: string): Promise<SessionImportPlan> {
    return planSessionImport(csv, await this.store.liveRecords(), await this.entryIds());
  }

  /** What importing an LMS export would do, changing nothing: sessions to add and change, and every bad row with its line. */
  previewImport(plan: SessionImportPlan): ContentAnswer {
    return { status: 200, body: { mode: 'preview', ...planJson(plan) } };
  }

  /**
   * Imports a planned LMS export's sessions straight to live, in one transaction (the caller's unit of work, if open): all
   * of them or, when any row is bad, none (422 listing every bad row). Call `imported()` once it commits.
   */
  async importSessions(plan: SessionImportPlan, editor: Editor): Promise<ContentAnswer> {
    if (plan.problems.length) return validationFailure('session file', plan.problems);
    const items = [...plan.add, ...plan.change].map((r) => r.item);
    await this.store.loadLive(items, `${editor.name} (CSV import)`);
    return { status: 200, body: { mode: 'import', added: plan.add.length, changed: plan.change.length, unchanged: plan.same.length } };
  }

  /** After an import commits: staff are answered from the new sessions at once. */
  async imported(): Promise<void> {
    await this.live.published();
  }
}
