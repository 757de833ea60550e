import { DateTime } from 'luxon';
import { ContentEntries, ContentRecord, WriteRefusal } from './contentEntries';
import { frontMatterOf } from './entryMarkdown';
import { checkEntryInput } from './entryInput';
import { LiveKnowledge } from './liveKnowledge';

/** An HTTP answer: a status and a JSON body. */
export interface ContentAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Who is editing: the name recorded in the history, and whether publishing needs someone else's approval. */
export interface Editor {
  name: string;
  /** Dashboard editors need a second editor to approve; the admin API token approves on its own. */
  secondPerson: boolean;
}

/** The one answer to every validation failure: 422 with each problem and the field it belongs to. */
function invalid(what: string, problems: { field: string; message: string }[]): ContentAnswer {
  return {
    status: 422,
    body: {
      error: 'ValidationError',
      message: `The ${what} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; see problems.`,
      problems,
      errors: problems.map((p) => p.message),
    },
  };
}

/** The HTTP answer to a refused write, with a message an editor can act on. */
export function refusalAnswer(refusal: WriteRefusal, id: string): ContentAnswer {
  switch (refusal.kind) {
    case 'missing':
      return { status: 404, body: { error: 'NotFound', message: `There is no entry "${id}".` } };
    case 'exists':
      return { status: 409, body: { error: 'Conflict', message: `An entry "${id}" already exists; edit it or choose another id.` } };
    case 'conflict':
      return {
        status: 409,
        body: {
          error: 'Conflict',
          message: `Someone else changed "${id}" since you opened it (last change${refusal.by ? ` by ${refusal.by}` : ''} at ${refusal.at}). Nothing was overwritten: reload the entry (now version ${refusal.revision}) and make your change again.`,
          current_version: refusal.revision,
        },
      };
    case 'no-draft':
      return { status: 409, body: { error: 'NoDraft', message: `"${id}" has no draft to publish; its live text is unchanged.` } };
    case 'same-person':
      return { status: 403, body: { error: 'SecondEditorNeeded', message: `${refusal.author} wrote this draft, so another content editor must approve it.` } };
  }
}

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

/** The concurrency token an edit must name: the `version` it started from. */
const versionOf = (body: Record<string, unknown>): number | undefined =>
  Number.isInteger(body.version) && (body.version as number) > 0 ? (body.version as number) : undefined;

/**
 * Editing knowledge entries, shared by the admin API and the dashboard: the same checks as
 * `kb:check` on every save, optimistic concurrency, review before publishing, and a rebuild of the
 * live index after each publish.
 */
export class ContentEditing {
  constructor(
    private readonly entries: ContentEntries,
    private readonly knowledge: LiveKnowledge,
    private readonly now: () => DateTime,
  ) {}

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
    if (!checked.ok) return invalid('entry', checked.problems);
    const created = await this.entries.create(checked.entry, editor.name);
    if (!created.ok) return refusalAnswer(created, checked.entry.id);
    return { status: 201, body: { id: checked.entry.id, version: created.revision, status: 'draft', warnings: checked.warnings } };
  }

  /** Saves changed fields as the draft, refusing a stale `version`. */
  async edit(id: string, body: Record<string, unknown>, editor: Editor): Promise<ContentAnswer> {
    const record = await this.entries.get(id);
    if (!record) return refusalAnswer({ kind: 'missing' }, id);
    const expected = versionOf(body);
    const checked = checkEntryInput(body, await this.entries.liveEntries(), record.draft ?? record.live);
    const problems = [...(expected === undefined ? [VERSION_PROBLEM] : []), ...(checked.ok ? [] : checked.problems)];
    if (!checked.ok || problems.length) return invalid('entry', problems);
    const saved = await this.entries.saveDraft(checked.entry, editor.name, expected!);
    if (!saved.ok) return refusalAnswer(saved, id);
    return { status: 200, body: { id, version: saved.revision, status: 'draft', warnings: checked.warnings } };
  }

  /** Publishes the draft (re-checked against what is live now) and starts the index rebuild. */
  async publish(id: string, body: Record<string, unknown>, editor: Editor): Promise<ContentAnswer> {
    const record = await this.entries.get(id);
    if (!record) return refusalAnswer({ kind: 'missing' }, id);
    if (record.draft) {
      // Other entries may have changed since the draft was saved (an alias taken meanwhile).
      const checked = checkEntryInput({}, await this.entries.liveEntries(), record.draft);
      if (!checked.ok) return invalid('draft', checked.problems);
    }
    const published = await this.entries.publish(id, editor.name, { expectedRevision: versionOf(body), secondPerson: editor.secondPerson });
    if (!published.ok) return refusalAnswer(published, id);
    this.knowledge.refreshSoon();
    return { status: 200, body: { id, live_version: published.version, version: published.revision, status: 'live' } };
  }

  async versions(id: string): Promise<ContentAnswer> {
    const record = await this.entries.get(id);
    if (!record) return refusalAnswer({ kind: 'missing' }, id);
    const versions = await this.entries.versions(id);
    return {
      status: 200,
      body: {
        id,
        live_version: record.liveVersion,
        versions: versions.map((v) => ({
          version: v.version,
          author: v.author,
          approver: v.approver,
          published_at: v.publishedAt,
          diff: v.diff,
          entry: entryJson(v.entry),
        })),
      },
    };
  }

  /** Makes an old version the draft again (it needs publishing, and review, like any draft). */
  async restore(id: string, version: number, body: Record<string, unknown>, editor: Editor): Promise<ContentAnswer> {
    const record = await this.entries.get(id);
    if (!record) return refusalAnswer({ kind: 'missing' }, id);
    const old = await this.entries.version(id, version);
    if (!old) return { status: 404, body: { error: 'NotFound', message: `"${id}" has no version ${JSON.stringify(String(version))}.` } };
    const expected = versionOf(body);
    if (expected === undefined) return invalid('restore', [VERSION_PROBLEM]);
    const saved = await this.entries.saveDraft(old.entry, editor.name, expected);
    if (!saved.ok) return refusalAnswer(saved, id);
    return {
      status: 200,
      body: {
        id,
        version: saved.revision,
        status: 'draft',
        restored_from: old.version,
        message: `Version ${old.version} is now the draft; publish it to make it live.`,
      },
    };
  }

  /** Today in London, for "review overdue". */
  today(): string {
    return this.now().setZone('Europe/London').toISODate() ?? '';
  }
}
