import { FieldProblem, validationFailure } from '../http/validationFailure';
import { PublishedVersion, ReviewedRecords, WriteRefusal } from './reviewedRecords';

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

/** A step's outcome: what it did, or the answer that refuses the request. */
export type Step<T> = ({ ok: true } & T) | { ok: false; answer: ContentAnswer };

const refused = (answer: ContentAnswer): { ok: false; answer: ContentAnswer } => ({ ok: false, answer });

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

/** The concurrency token an edit must name: the `version` it started from. */
export const versionOf = (body: Record<string, unknown>): number | undefined =>
  Number.isInteger(body.version) && (body.version as number) > 0 ? (body.version as number) : undefined;

/**
 * The reviewed-publish step every edited content shares (knowledge entries, the training
 * catalogue): a draft saved against the version its editor read, published after a re-check
 * (by a second editor when the dashboard asks), its versions listed, any of them restored as the draft.
 * Each caller names its records (`name`, as messages show them) and checks their fields itself.
 */
export class ReviewedPublishing<T> {
  constructor(
    private readonly store: ReviewedRecords<T>,
    /** The problem a write without `version` answers, naming how to read it ("GET the entry"). */
    private readonly versionProblem: FieldProblem,
  ) {}

  /** Saves a checked record as the draft, refusing a missing or stale `version`; every problem is listed in one 422. */
  async saveDraft(
    record: T | undefined,
    problems: FieldProblem[],
    what: string,
    name: string,
    body: Record<string, unknown>,
    editor: Editor,
  ): Promise<Step<{ revision: number }>> {
    const expected = versionOf(body);
    const all = [...(expected === undefined ? [this.versionProblem] : []), ...problems];
    if (record === undefined || expected === undefined || all.length) return refused(validationFailure(what, all));
    const saved = await this.store.saveDraft(record, editor.name, expected);
    return saved.ok ? { ok: true, revision: saved.revision } : refused(refusalAnswer(saved, name));
  }

  /** Publishes the draft once `recheck` finds nothing wrong with it against what is live now (other records may have changed since it was saved). */
  async publish(
    key: string,
    name: string,
    body: Record<string, unknown>,
    editor: Editor,
    recheck: (draft: T) => Promise<FieldProblem[]>,
  ): Promise<Step<{ version: number; revision: number }>> {
    const record = await this.store.get(key);
    if (!record) return refused(refusalAnswer({ kind: 'missing' }, name));
    if (record.draft) {
      const problems = await recheck(record.draft);
      if (problems.length) return refused(validationFailure('draft', problems));
    }
    const published = await this.store.publish(key, editor.name, { expectedRevision: versionOf(body), secondPerson: editor.secondPerson });
    return published.ok ? { ok: true, version: published.version, revision: published.revision } : refused(refusalAnswer(published, name));
  }

  /** Every published version, newest first, with the version live now. */
  async versions(key: string, name: string): Promise<Step<{ liveVersion: number; versions: PublishedVersion<T>[] }>> {
    const record = await this.store.get(key);
    if (!record) return refused(refusalAnswer({ kind: 'missing' }, name));
    return { ok: true, liveVersion: record.liveVersion, versions: await this.store.versions(key) };
  }

  /** Makes an old version the draft again (it needs publishing, and review, like any draft). */
  async restore(
    key: string,
    name: string,
    version: number,
    body: Record<string, unknown>,
    editor: Editor,
  ): Promise<Step<{ revision: number; restoredFrom: number }>> {
    if (!(await this.store.get(key))) return refused(refusalAnswer({ kind: 'missing' }, name));
    const old = await this.store.version(key, version);
    if (!old) return refused({ status: 404, body: { error: 'NotFound', message: `"${name}" has no version ${JSON.stringify(String(version))}.` } });
    const expected = versionOf(body);
    if (expected === undefined) return refused(validationFailure('restore', [this.versionProblem]));
    const saved = await this.store.saveDraft(old.entry, editor.name, expected);
    return saved.ok ? { ok: true, revision: saved.revision, restoredFrom: old.version } : refused(refusalAnswer(saved, name));
  }
}

/** The answer to a versions request: each published version, newest first, its entry shown as `shown` names and draws it. */
export function versionsAnswer<T>(
  listed: { liveVersion: number; versions: PublishedVersion<T>[] },
  identity: Record<string, unknown>,
  shown: { field: string; of: (entry: T) => unknown },
): ContentAnswer {
  return {
    status: 200,
    body: {
      ...identity,
      live_version: listed.liveVersion,
      versions: listed.versions.map((v) => ({
        version: v.version,
        author: v.author,
        approver: v.approver,
        published_at: v.publishedAt,
        diff: v.diff,
        [shown.field]: shown.of(v.entry),
      })),
    },
  };
}

/** The answer to a restore: the old version is now the draft. */
export function restoredAnswer(restored: { revision: number; restoredFrom: number }, identity: Record<string, unknown>): ContentAnswer {
  return {
    status: 200,
    body: {
      ...identity,
      version: restored.revision,
      status: 'draft',
      restored_from: restored.restoredFrom,
      message: `Version ${restored.restoredFrom} is now the draft; publish it to make it live.`,
    },
  };
}
