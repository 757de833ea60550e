import { Request, Response, Server } from 'restify';
import { ContentAnswer, Editor } from '../content/contentEditing';
import type { AdminGate } from '../../platform/http/adminGate';
import { IdempotencyKeys, idempotencyKeyProblem } from '../../platform/store/idempotencyKeys';
import { CatalogueKind } from './catalogueItems';
import type { CatalogueEditing } from './catalogueEditing';

/** What the catalogue admin API needs: the admin gate, the catalogue's editing, and the kept creations. */
export interface CatalogueApiRouteDeps {
  admin: AdminGate;
  editing: CatalogueEditing;
  idempotencyKeys: Pick<IdempotencyKeys, 'once'>;
}

/** The admin API writes and approves as itself: the token counts as an approver. */
const API_EDITOR: Editor = { name: 'admin-api', secondPerson: false };
/** The route idempotency keys of session imports are stored under. */
const IMPORT_ROUTE = 'POST /api/catalogue/sessions/import';

/** The kind a path names ("courses" → course), or undefined after a 404. */
function kindOf(req: Request, res: Response): CatalogueKind | undefined {
  const plural = String(req.params.kind);
  if (plural === 'courses') return 'course';
  if (plural === 'sessions') return 'session';
  res.send(404, { error: 'NotFound', message: 'The catalogue has /api/catalogue/courses and /api/catalogue/sessions.' });
  return undefined;
}

const bodyOf = (req: Request): Record<string, unknown> =>
  req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
const send = (res: Response, answer: ContentAnswer) => res.send(answer.status, answer.body);

/** The CSV text of a request, or undefined when it is not CSV (415 already sent). */
function csvOf(req: Request, res: Response): string | undefined {
  if (!/^text\/csv\b/i.test(req.header('content-type') ?? '')) {
    res.send(415, {
      error: 'UnsupportedMediaType',
      message: 'Send the LMS export as CSV with "Content-Type: text/csv" and a header row (id, course, start, end, places_left, and venue or online).',
    });
    return undefined;
  }
  const body: unknown = req.body;
  return Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
}

/**
 * The training catalogue admin API behind ADMIN_API_TOKEN: list, read, create (Idempotency-Key)
 * and edit courses and sessions as drafts, publish them (the token is the approver), list and
 * restore versions, and import sessions from an LMS export (preview, then one transaction).
 */
export function registerCatalogueApiRoutes(server: Server, deps: CatalogueApiRouteDeps): void {
  const { admin, editing, idempotencyKeys } = deps;
  const id = (req: Request) => String(req.params.id);

  server.get('/api/catalogue', async (req: Request, res: Response) => {
    if (admin.allowed(req, res)) res.send(200, { items: await editing.list() });
  });

  server.post('/api/catalogue/sessions/import', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const preview = ['1', 'true', 'yes'].includes(new URL(req.url ?? '/', 'http://localhost').searchParams.get('preview') ?? '');
    const key = req.header('idempotency-key');
    const keyProblem = preview ? undefined : idempotencyKeyProblem(key);
    if (keyProblem) {
      res.send(400, { error: 'BadRequest', message: `${keyProblem} (Add ?preview=true to check a file without importing it.)` });
      return;
    }
    const csv = csvOf(req, res);
    if (csv === undefined) return;
    const plan = await editing.planImport(csv);
    if (preview) {
      send(res, editing.previewImport(plan));
      return;
    }
    // One transaction: the sessions and the kept response are written together, or nothing is.
    const result = await idempotencyKeys.once({ key: key!, route: IMPORT_ROUTE, body: { csv } }, () => editing.importSessions(plan, API_EDITOR));
    if (result.status === 200) await editing.imported();
    res.send(result.status, result.body);
  });

  server.get('/api/catalogue/:kind/:id', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const kind = kindOf(req, res);
    if (kind) send(res, await editing.show(kind, id(req)));
  });

  server.post('/api/catalogue/:kind', async (req: Request, res: Response) => {
    const request = admin.keyed(req, res, 'course or session');
    if (!request) return;
    const kind = kindOf(req, res);
    if (!kind) return;
    const checked = await editing.checkNew(kind, request.body);
    const result = await idempotencyKeys.once({ key: request.key, route: `POST /api/catalogue/${kind}s`, body: request.body }, () =>
      editing.create(checked, API_EDITOR),
    );
    res.send(result.status, result.body);
  });

  server.patch('/api/catalogue/:kind/:id', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const kind = kindOf(req, res);
    if (!kind) return;
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
      res.send(400, { error: 'BadRequest', message: 'Send a JSON object with "version" (from when you read it) and the fields to change.' });
      return;
    }
    send(res, await editing.edit(kind, id(req), bodyOf(req), API_EDITOR));
  });

  server.post('/api/catalogue/:kind/:id/publish', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const kind = kindOf(req, res);
    if (kind) send(res, await editing.publish(kind, id(req), bodyOf(req), API_EDITOR));
  });

  server.get('/api/catalogue/:kind/:id/versions', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const kind = kindOf(req, res);
    if (kind) send(res, await editing.versions(kind, id(req)));
  });

  server.post('/api/catalogue/:kind/:id/versions/:version/restore', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const kind = kindOf(req, res);
    if (kind) send(res, await editing.restore(kind, id(req), Number(req.params.version), bodyOf(req), API_EDITOR));
  });
}
