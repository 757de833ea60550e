import { Request, Response, Server } from 'restify';
import { askContent } from '../content/askContent';
import { ContentRecord, WriteRefusal } from '../content/contentEntries';
import { frontMatterOf } from '../content/entryMarkdown';
import { checkEntryInput } from '../content/entryInput';
import type { Services } from '../services';
import { adminAllowed, keyedAdminRequest } from './adminRoutes';
import { validationFailure } from './validationFailure';

/** The route idempotency keys of entry creation are stored under. */
const CREATE_ROUTE = 'POST /api/content/entries';
/** Who the admin API writes and approves as: the token counts as an approver of its own. */
const API_EDITOR = 'admin-api';

const isObject = (body: unknown): body is Record<string, unknown> => body !== null && typeof body === 'object' && !Array.isArray(body);

/** An entry as the API shows it: front-matter field names, the body, and where it stands. */
export function contentRecordJson(record: ContentRecord) {
  const shown = record.draft ?? record.live!;
  return {
    id: record.id,
    title: shown.title,
    kind: shown.kind,
    authority: shown.authority,
    owner: shown.owner,
    review_by: shown.reviewBy,
    status: shown.status,
    live_version: record.liveVersion,
    has_draft: record.draft !== undefined,
    draft_by: record.draftBy ?? null,
    draft_at: record.draftAt ?? null,
    version: record.revision,
    updated_at: record.updatedAt,
  };
}

const entryJson = (entry: ContentRecord['live']) => (entry ? { ...frontMatterOf(entry), body: entry.body } : null);

/** The HTTP answer to a refused write, with a message an editor can act on. */
export function refusalResponse(refusal: WriteRefusal, id: string): { status: number; body: Record<string, unknown> } {
  switch (refusal.kind) {
    case 'missing':
      return { status: 404, body: { error: 'NotFound', message: `There is no entry "${id}".` } };
    case 'exists':
      return { status: 409, body: { error: 'Conflict', message: `An entry "${id}" already exists; edit it (PATCH) or choose another id.` } };
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
      return { status: 409, body: { error: 'NoDraft', message: `"${id}" has no draft to publish or discard; its live text is unchanged.` } };
    case 'same-person':
      return { status: 403, body: { error: 'SecondEditorNeeded', message: `${refusal.author} wrote this draft, so another content editor must approve it.` } };
  }
}

/** The concurrency token an edit must name: the `version` it started from. */
function versionOf(body: Record<string, unknown>): number | undefined {
  return Number.isInteger(body.version) && (body.version as number) > 0 ? (body.version as number) : undefined;
}

/**
 * The content admin API behind ADMIN_API_TOKEN: create a draft entry (Idempotency-Key), edit it
 * with optimistic concurrency, publish it (the token is the approver), list versions, restore one,
 * and ask the draft or live knowledge base a question.
 */
export function registerContentRoutes(server: Server, services: Services): void {
  const { entries, knowledge } = services.content;

  const recordOf = async (req: Request, res: Response): Promise<ContentRecord | undefined> => {
    const record = await entries.get(String(req.params.id));
    if (!record) res.send(404, { error: 'NotFound', message: `There is no entry ${JSON.stringify(String(req.params.id))}.` });
    return record;
  };

  server.get('/api/content/entries', async (req: Request, res: Response) => {
    if (!adminAllowed(services, req, res)) return;
    res.send(200, { entries: (await entries.list()).map(contentRecordJson) });
  });

  server.get('/api/content/entries/:id', async (req: Request, res: Response) => {
    if (!adminAllowed(services, req, res)) return;
    const record = await recordOf(req, res);
    if (!record) return;
    res.send(200, { ...contentRecordJson(record), live: entryJson(record.live), draft: entryJson(record.draft) });
  });

  server.post('/api/content/entries', async (req: Request, res: Response) => {
    const request = keyedAdminRequest(services, req, res, 'entry');
    if (!request) return;
    const { key, body } = request;
    // Checked before the transaction, which on SQLite must not wait on other queries.
    const checked = checkEntryInput(body, await entries.liveEntries());
    const result = await services.idempotencyKeys.once({ key, route: CREATE_ROUTE, body }, async (trx) => {
      if (!checked.ok) return validationFailure('entry', checked.problems);
      const created = await entries.create(checked.entry, API_EDITOR, trx);
      if (!created.ok) return refusalResponse(created, checked.entry.id);
      return { status: 201, body: { id: checked.entry.id, version: created.revision, status: 'draft', warnings: checked.warnings } };
    });
    res.send(result.status, result.body);
  });

  server.patch('/api/content/entries/:id', async (req: Request, res: Response) => {
    if (!adminAllowed(services, req, res)) return;
    const record = await recordOf(req, res);
    if (!record) return;
    const body: unknown = req.body;
    if (!isObject(body)) {
      res.send(400, { error: 'BadRequest', message: 'Send a JSON object with "version" (from when you read the entry) and the fields to change.' });
      return;
    }
    const expected = versionOf(body);
    const checked = checkEntryInput(body, await entries.liveEntries(), record.draft ?? record.live);
    const problems = [...(expected === undefined ? [{ field: 'version', message: 'version: send the version you read (GET the entry), so nobody else\'s change is overwritten' }] : []), ...(checked.ok ? [] : checked.problems)];
    if (!checked.ok || problems.length) {
      const failure = validationFailure('entry', problems);
      res.send(failure.status, failure.body);
      return;
    }
    const saved = await entries.saveDraft(checked.entry, API_EDITOR, expected!);
    if (!saved.ok) {
      const refusal = refusalResponse(saved, record.id);
      res.send(refusal.status, refusal.body);
      return;
    }
    res.send(200, { id: record.id, version: saved.revision, status: 'draft', warnings: checked.warnings });
  });

  server.post('/api/content/entries/:id/publish', async (req: Request, res: Response) => {
    if (!adminAllowed(services, req, res)) return;
    const record = await recordOf(req, res);
    if (!record) return;
    const body: Record<string, unknown> = isObject(req.body) ? req.body : {};
    if (record.draft) {
      // Other entries may have changed since the draft was saved (an alias taken meanwhile).
      const checked = checkEntryInput({}, await entries.liveEntries(), record.draft);
      if (!checked.ok) {
        const failure = validationFailure('draft', checked.problems);
        res.send(failure.status, failure.body);
        return;
      }
    }
    const published = await entries.publish(record.id, API_EDITOR, { expectedRevision: versionOf(body) });
    if (!published.ok) {
      const refusal = refusalResponse(published, record.id);
      res.send(refusal.status, refusal.body);
      return;
    }
    knowledge.refreshSoon();
    res.send(200, { id: record.id, live_version: published.version, version: published.revision, status: 'live' });
  });

  server.get('/api/content/entries/:id/versions', async (req: Request, res: Response) => {
    if (!adminAllowed(services, req, res)) return;
    const record = await recordOf(req, res);
    if (!record) return;
    const versions = await entries.versions(record.id);
    res.send(200, {
      id: record.id,
      live_version: record.liveVersion,
      versions: versions.map((v) => ({ version: v.version, author: v.author, approver: v.approver, published_at: v.publishedAt, diff: v.diff, entry: entryJson(v.entry) })),
    });
  });

  server.post('/api/content/entries/:id/versions/:version/restore', async (req: Request, res: Response) => {
    if (!adminAllowed(services, req, res)) return;
    const record = await recordOf(req, res);
    if (!record) return;
    const old = await entries.version(record.id, Number(req.params.version));
    if (!old) {
      res.send(404, { error: 'NotFound', message: `"${record.id}" has no version ${JSON.stringify(String(req.params.version))}.` });
      return;
    }
    const body: Record<string, unknown> = isObject(req.body) ? req.body : {};
    const expected = versionOf(body);
    if (expected === undefined) {
      const failure = validationFailure('restore', [{ field: 'version', message: 'version: send the version you read (GET the entry), so nobody else\'s change is overwritten' }]);
      res.send(failure.status, failure.body);
      return;
    }
    const saved = await entries.saveDraft(old.entry, API_EDITOR, expected);
    if (!saved.ok) {
      const refusal = refusalResponse(saved, record.id);
      res.send(refusal.status, refusal.body);
      return;
    }
    res.send(200, { id: record.id, version: saved.revision, status: 'draft', restored_from: old.version, message: `Version ${old.version} is now the draft; publish it to make it live.` });
  });

  server.post('/api/content/ask', async (req: Request, res: Response) => {
    if (!adminAllowed(services, req, res)) return;
    const body: unknown = req.body;
    const problems = [];
    if (!isObject(body) || typeof body.q !== 'string' || !body.q.trim()) problems.push({ field: 'q', message: 'q: send the question to ask' });
    if (isObject(body) && body.draft !== undefined && typeof body.draft !== 'boolean') problems.push({ field: 'draft', message: 'draft: must be true (ask the drafts) or false (ask what is live)' });
    if (problems.length) {
      const failure = validationFailure('question', problems);
      res.send(failure.status, failure.body);
      return;
    }
    const { q, draft } = body as { q: string; draft?: boolean };
    const search = draft ? await knowledge.draftSearch() : knowledge.search;
    res.send(200, askContent(q, search, draft ? 'draft' : 'live', { now: services.now, training: services.training.finder, settings: services.config }));
  });
}
