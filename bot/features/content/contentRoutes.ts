import { Request, Response, Server } from 'restify';
import { ContentAnswer, ContentEditing, Editor, recordSummary } from './contentEditing';
import type { AdminGate } from '../../platform/http/adminGate';
import type { IdempotencyKeys } from '../../platform/store/idempotencyKeys';

/**
 * What the content admin API needs: the admin gate, the entries' editing, the kept creations, and
 * `ask`, which answers a test question the way the bot would (the app layer wires it from dialogs/).
 */
export interface ContentRouteDeps {
  admin: AdminGate;
  editing: ContentEditing;
  idempotencyKeys: Pick<IdempotencyKeys, 'once'>;
  ask: (body: Record<string, unknown>) => Promise<ContentAnswer>;
}

/** The route idempotency keys of entry creation are stored under. */
const CREATE_ROUTE = 'POST /api/content/entries';
/** The admin API writes and approves as itself: the token counts as an approver. */
const API_EDITOR: Editor = { name: 'admin-api', secondPerson: false };

const isObject = (body: unknown): body is Record<string, unknown> => body !== null && typeof body === 'object' && !Array.isArray(body);
const bodyOf = (req: Request): Record<string, unknown> => (isObject(req.body) ? req.body : {});
const send = (res: Response, answer: ContentAnswer) => res.send(answer.status, answer.body);

/**
 * The content admin API behind ADMIN_API_TOKEN: create a draft entry (Idempotency-Key), edit it
 * with optimistic concurrency, publish it (the token is the approver), list versions, restore one,
 * and ask the draft or live knowledge base a question.
 */
export function registerContentRoutes(server: Server, deps: ContentRouteDeps): void {
  const { admin, editing, idempotencyKeys, ask } = deps;
  const id = (req: Request) => String(req.params.id);

  server.get('/api/content/entries', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const today = editing.today();
    res.send(200, { entries: (await editing.list()).map((r) => recordSummary(r, today)) });
  });

  server.get('/api/content/entries/:id', async (req: Request, res: Response) => {
    if (admin.allowed(req, res)) send(res, await editing.show(id(req)));
  });

  server.post('/api/content/entries', async (req: Request, res: Response) => {
    const request = admin.keyed(req, res, 'entry');
    if (!request) return;
    const checked = await editing.checkNew(request.body);
    const result = await idempotencyKeys.once({ key: request.key, route: CREATE_ROUTE, body: request.body }, () => editing.create(checked, API_EDITOR));
    res.send(result.status, result.body);
  });

  server.patch('/api/content/entries/:id', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    if (!isObject(req.body)) {
      res.send(400, { error: 'BadRequest', message: 'Send a JSON object with "version" (from when you read the entry) and the fields to change.' });
      return;
    }
    send(res, await editing.edit(id(req), req.body, API_EDITOR));
  });

  server.post('/api/content/entries/:id/publish', async (req: Request, res: Response) => {
    if (admin.allowed(req, res)) send(res, await editing.publish(id(req), bodyOf(req), API_EDITOR));
  });

  server.get('/api/content/entries/:id/versions', async (req: Request, res: Response) => {
    if (admin.allowed(req, res)) send(res, await editing.versions(id(req)));
  });

  server.post('/api/content/entries/:id/versions/:version/restore', async (req: Request, res: Response) => {
    if (admin.allowed(req, res)) send(res, await editing.restore(id(req), Number(req.params.version), bodyOf(req), API_EDITOR));
  });

  server.post('/api/content/ask', async (req: Request, res: Response) => {
    if (admin.allowed(req, res)) send(res, await ask(bodyOf(req)));
  });
}
