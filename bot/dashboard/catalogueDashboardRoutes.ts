import { Request, Server } from 'restify';
import { CatalogueKind } from '../features/catalogue/catalogueItems';
import { ContentAnswer, Editor } from '../features/content/contentEditing';
import type { Services } from '../app/services';
import { contentEditorAccess, editorOf } from './content/contentDashboardRoutes';
import { DashboardViewer } from './dashboardAccess';
import { dashboardJsonRoutes } from './dashboardJsonRoute';
import { DashboardSessions } from './dashboardSession';
import { SsoTokenVerifier } from './ssoTokenVerifier';

/** Filters the catalogue list offers. */
const FILTERS = ['all', 'courses', 'sessions', 'drafts'] as const;

type Handler = (editor: Editor, req: Request, viewer: DashboardViewer) => Promise<ContentAnswer>;

const bodyOf = (req: Request): Record<string, unknown> =>
  req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
const kindOf = (req: Request): CatalogueKind | undefined => ({ courses: 'course', sessions: 'session' })[String(req.params.kind)] as CatalogueKind | undefined;
const NO_KIND: ContentAnswer = { status: 404, body: { error: 'NotFound', message: 'The catalogue has courses and sessions.' } };
/** The LMS export as the page sends it: the file's text in JSON, since the dashboard takes only JSON from its own page. */
const csvOf = (req: Request): string | undefined => (typeof bodyOf(req).csv === 'string' ? (bodyOf(req).csv as string) : undefined);
const NO_CSV: ContentAnswer = {
  status: 422,
  body: {
    error: 'ValidationError',
    message: 'Choose the LMS export (a CSV file) first.',
    problems: [{ field: 'csv', message: 'Choose the LMS export (a CSV file) first.' }],
  },
};

/**
 * The dashboard's Training catalogue routes for CONTENT_EDITORS (and admins): list courses and
 * sessions, read, create and edit drafts, approve another editor's draft, see versions and restore
 * one, and preview then import an LMS export of sessions.
 */
export function registerCatalogueDashboardRoutes(server: Server, services: Services, deps: { sso: SsoTokenVerifier; sessions: DashboardSessions }): void {
  const { editing } = services.catalogue;
  const route = dashboardJsonRoutes(server, contentEditorAccess(services, deps), {
    error: 'Forbidden',
    message: 'Editing the training catalogue is for content editors and admins. If you need it, ask an admin to add you to CONTENT_EDITORS.',
  });
  const handle = (method: 'get' | 'post', path: string, handler: Handler) => route(method, path, (viewer, req) => handler(editorOf(viewer), req, viewer));
  const withKind = (method: 'get' | 'post', path: string, handler: (kind: CatalogueKind, editor: Editor, req: Request) => Promise<ContentAnswer>) =>
    handle(method, path, async (editor, req) => {
      const kind = kindOf(req);
      return kind ? handler(kind, editor, req) : NO_KIND;
    });
  const id = (req: Request) => String(req.params.id);

  handle('get', '/dashboard/api/catalogue/me', async (editor, _req, viewer) => ({
    status: 200,
    body: { name: viewer.name, via: viewer.via, admin: viewer.admin, editor: editor.name },
  }));

  handle('get', '/dashboard/api/catalogue/items', async (_editor, req) => {
    const filter = new URL(req.url ?? '/', 'http://localhost').searchParams.get('filter') ?? 'all';
    if (!(FILTERS as readonly string[]).includes(filter)) return { status: 400, body: { error: 'BadRequest', message: `"filter" is ${FILTERS.join(', ')}` } };
    const items = (await editing.list()).filter(
      (i) =>
        filter === 'all' ||
        (filter === 'courses' && i.kind === 'course') ||
        (filter === 'sessions' && i.kind === 'session') ||
        (filter === 'drafts' && i.has_draft),
    );
    return { status: 200, body: { filter, items } };
  });

  handle('post', '/dashboard/api/catalogue/import/preview', async (_editor, req) => {
    const csv = csvOf(req);
    return csv === undefined ? NO_CSV : editing.previewImport(await editing.planImport(csv));
  });
  handle('post', '/dashboard/api/catalogue/import', async (editor, req) => {
    const csv = csvOf(req);
    if (csv === undefined) return NO_CSV;
    const plan = await editing.planImport(csv);
    // importSessions is one transaction: every session in the file goes live, or none does.
    const answer = await editing.importSessions(plan, editor);
    if (answer.status === 200) await editing.imported();
    return answer;
  });

  withKind('get', '/dashboard/api/catalogue/:kind/:id', (kind, _editor, req) => editing.show(kind, id(req)));
  withKind('post', '/dashboard/api/catalogue/:kind', async (kind, editor, req) => editing.create(await editing.checkNew(kind, bodyOf(req)), editor));
  withKind('post', '/dashboard/api/catalogue/:kind/:id', (kind, editor, req) => editing.edit(kind, id(req), bodyOf(req), editor));
  withKind('post', '/dashboard/api/catalogue/:kind/:id/approve', (kind, editor, req) => editing.publish(kind, id(req), bodyOf(req), editor));
  withKind('get', '/dashboard/api/catalogue/:kind/:id/versions', (kind, _editor, req) => editing.versions(kind, id(req)));
  withKind('post', '/dashboard/api/catalogue/:kind/:id/versions/:version/restore', (kind, editor, req) =>
    editing.restore(kind, id(req), Number(req.params.version), bodyOf(req), editor),
  );
}
