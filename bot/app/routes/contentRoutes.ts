import { Request, Response, Server } from 'restify';
import { askContent } from '../../../dialogs/content/askContent';
import { ContentAnswer, Editor, recordSummary } from '../../features/content/contentEditing';
import type { Services } from '../services';
import { adminAllowed, keyedAdminRequest } from './adminRoutes';
import { validationFailure } from '../../platform/http/validationFailure';

/** The route idempotency keys of entry creation are stored under. */
const CREATE_ROUTE = 'POST /api/content/entries';
/** The admin API writes and approves as itself: the token counts as an approver. */
const API_EDITOR: Editor = { name: 'admin-api', secondPerson: false };

const isObject = (body: unknown): body is Record<string, unknown> => body !== null && typeof body === 'object' && !Array.isArray(body);
const bodyOf = (req: Request): Record<string, unknown> => (isObject(req.body) ? req.body : {});
const send = (res: Response, answer: ContentAnswer) => res.send(answer.status, answer.body);

/** Checks a test-pane question: `q` and an optional boolean `draft`; the problems, if any. */
export function askProblems(body: unknown): { field: string; message: string }[] {
  const problems = [];
  if (!isObject(body) || typeof body.q !== 'string' || !body.q.trim()) problems.push({ field: 'q', message: 'q: send the question to ask' });
  if (isObject(body) && body.draft !== undefined && typeof body.draft !== 'boolean')
    problems.push({ field: 'draft', message: 'draft: must be true (ask the drafts) or false (ask what is live)' });
  return problems;
}

/** Answers a test-pane question from the draft or the live knowledge base. */
export async function answerAsk(services: Services, body: Record<string, unknown>): Promise<ContentAnswer> {
  const problems = askProblems(body);
  if (problems.length) return validationFailure('question', problems);
  const { q, draft } = body as { q: string; draft?: boolean };
  const { knowledge } = services.content;
  const search = draft ? await knowledge.draftSearch() : knowledge.search;
  return {
    status: 200,
    body: { ...askContent(q, search, draft ? 'draft' : 'live', { now: services.now, training: services.training.finder, settings: services.config }) },
  };
}

/**
 * The content admin API behind ADMIN_API_TOKEN: create a draft entry (Idempotency-Key), edit it
 * with optimistic concurrency, publish it (the token is the approver), list versions, restore one,
 * and ask the draft or live knowledge base a question.
 */
export function registerContentRoutes(server: Server, services: Services): void {
  const { editing } = services.content;
  const id = (req: Request) => String(req.params.id);

  server.get('/api/content/entries', async (req: Request, res: Response) => {
    if (!adminAllowed(services, req, res)) return;
    const today = editing.today();
    res.send(200, { entries: (await editing.list()).map((r) => recordSummary(r, today)) });
  });

  server.get('/api/content/entries/:id', async (req: Request, res: Response) => {
    if (adminAllowed(services, req, res)) send(res, await editing.show(id(req)));
  });

  server.post('/api/content/entries', async (req: Request, res: Response) => {
    const request = keyedAdminRequest(services, req, res, 'entry');
    if (!request) return;
    const checked = await editing.checkNew(request.body);
    const result = await services.idempotencyKeys.once({ key: request.key, route: CREATE_ROUTE, body: request.body }, () =>
      editing.create(checked, API_EDITOR),
    );
    res.send(result.status, result.body);
  });

  server.patch('/api/content/entries/:id', async (req: Request, res: Response) => {
    if (!adminAllowed(services, req, res)) return;
    if (!isObject(req.body)) {
      res.send(400, { error: 'BadRequest', message: 'Send a JSON object with "version" (from when you read the entry) and the fields to change.' });
      return;
    }
    send(res, await editing.edit(id(req), req.body, API_EDITOR));
  });

  server.post('/api/content/entries/:id/publish', async (req: Request, res: Response) => {
    if (adminAllowed(services, req, res)) send(res, await editing.publish(id(req), bodyOf(req), API_EDITOR));
  });

  server.get('/api/content/entries/:id/versions', async (req: Request, res: Response) => {
    if (adminAllowed(services, req, res)) send(res, await editing.versions(id(req)));
  });

  server.post('/api/content/entries/:id/versions/:version/restore', async (req: Request, res: Response) => {
    if (adminAllowed(services, req, res)) send(res, await editing.restore(id(req), Number(req.params.version), bodyOf(req), API_EDITOR));
  });

  server.post('/api/content/ask', async (req: Request, res: Response) => {
    if (adminAllowed(services, req, res)) send(res, await answerAsk(services, bodyOf(req)));
  });
}
