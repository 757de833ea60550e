import { Request, Response, Server } from 'restify';
import { ContentAnswer, Editor } from '../content/contentEditing';
import type { AdminGate } from '../../platform/http/adminGate';
import { IdempotencyKeys } from '../../platform/store/idempotencyKeys';
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

/** The LMS export a session import takes, as the 415 refusal describes it. */
const LMS_EXPORT = { name: 'LMS export', columns: 'id, course, start, end, places_left, and venue or online' };

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
    const request = admin.csvImport(req, res, LMS_EXPORT);
    if (!request) return;
    const plan = await editing.planImport(request.csv);
    if (request.preview) {
      send(res, editing.previewImport(plan));
      return;
    }
    // One transaction: the sessions and the kept response are written together, or nothing is.
    const result = await idempotencyKeys.once({ key: request.key, route: IMPORT_ROUTE, body: { csv: request.csv } }, () =>
      editing.importSessions(plan, API_EDITOR),
    );
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
