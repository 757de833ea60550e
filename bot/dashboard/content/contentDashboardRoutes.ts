import { Request, Server } from 'restify';
import { ContentAnswer, Editor, recordSummary } from '../../features/content/contentEditing';
import { contentAsker } from '../../../dialogs/content/answerAsk';
import { RoleService } from '../../features/roles/roleService';
import { roleSettingsOf } from '../../features/roles/roleSettings';
import type { Services } from '../../app/services';
import { DashboardAccess, DashboardViewer } from '../dashboardAccess';
import { DashboardSessions } from '../dashboardSession';
import { SsoTokenVerifier } from '../ssoTokenVerifier';
import { entryPreview } from './entryPreview';
import { dashboardJsonRoutes } from '../dashboardJsonRoute';

/** How far back "not helpful" votes count for the list's filter. */
const UNHELPFUL_DAYS = 90;

/** The dashboard editor a viewer is: named with their id, so the review rule compares people, not display names. */
export function editorOf(viewer: DashboardViewer): Editor {
  return { name: `${viewer.name} [${viewer.ids[0]}]`, secondPerson: true };
}

/** Dashboard access for CONTENT_EDITORS, configured like COMMS_USERS; admins may edit too. */
export function contentEditorAccess(services: Services, deps: { sso: SsoTokenVerifier; sessions: DashboardSessions }): DashboardAccess {
  const editors = new RoleService({ ...roleSettingsOf(services.config), commsUsers: services.config.contentEditors });
  return new DashboardAccess({ sso: deps.sso, sessions: deps.sessions, roles: editors, browserSignIn: Boolean(services.config.adminApiToken) });
}

type Handler = (editor: Editor, req: Request, viewer: DashboardViewer) => Promise<ContentAnswer>;

/**
 * The dashboard's content routes for CONTENT_EDITORS (and admins): list entries with the
 * overdue-review and "not helpful" filters, read, create and edit drafts, approve another
 * editor's draft, see versions and restore one, and ask the draft or live knowledge base.
 */
export function registerContentDashboardRoutes(server: Server, services: Services, deps: { sso: SsoTokenVerifier; sessions: DashboardSessions }): void {
  const { editing } = services.content;
  const access = contentEditorAccess(services, deps);
  const ask = contentAsker({ knowledge: services.content.knowledge, now: services.now, training: services.training.finder, settings: services.config });

  const route = dashboardJsonRoutes(server, access, {
    error: 'Forbidden',
    message: 'Editing content is for content editors and admins. If you need it, ask an admin to add you to CONTENT_EDITORS.',
  });
  const handle = (method: 'get' | 'post', path: string, handler: Handler) => route(method, path, (viewer, req) => handler(editorOf(viewer), req, viewer));
  const bodyOf = (req: Request): Record<string, unknown> =>
    req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
  const id = (req: Request) => String(req.params.id);

  handle('get', '/dashboard/api/content/me', async (editor, _req, viewer) => ({
    status: 200,
    body: { name: viewer.name, via: viewer.via, admin: viewer.admin, editor: editor.name },
  }));

  // The card as Teams and web chat will show it, and the kb:check messages, for fields not yet saved.
  handle('post', '/dashboard/api/content/preview', async (_editor, req) => {
    const preview = entryPreview(await editing.check(bodyOf(req)), await editing.liveEntries());
    return { status: 200, body: { ...preview } };
  });

  handle('get', '/dashboard/api/content/entries', async (_editor, req) => {
    const filter = new URL(req.url ?? '/', 'http://localhost').searchParams.get('filter') ?? 'all';
    if (!['all', 'overdue', 'unhelpful', 'drafts'].includes(filter))
      return { status: 400, body: { error: 'BadRequest', message: '"filter" is all, overdue, unhelpful or drafts' } };
    const today = editing.today();
    const report = await services.store.feedback.gapReport(services.now().minus({ days: UNHELPFUL_DAYS }), 1000);
    const notHelpful = new Map(report.unhelpful.map((u) => [u.entryId, u.notHelpful]));
    const rows = (await editing.list()).map((r) => ({ ...recordSummary(r, today), not_helpful: notHelpful.get(r.id) ?? 0 }));
    const shown = rows.filter(
      (r) => filter === 'all' || (filter === 'overdue' && r.overdue) || (filter === 'unhelpful' && r.not_helpful > 0) || (filter === 'drafts' && r.has_draft),
    );
    if (filter === 'unhelpful') shown.sort((a, b) => b.not_helpful - a.not_helpful);
    return { status: 200, body: { filter, today, entries: shown } };
  });

  // "Write an answer for this question" on the gap report: a new draft's fields with the question already in "ways staff ask it".
  handle('get', '/dashboard/api/content/new', async (_editor, req) => {
    const question = (new URL(req.url ?? '/', 'http://localhost').searchParams.get('question') ?? '').trim().slice(0, 500);
    const reviewBy = services.now().plus({ years: 1 }).toISODate();
    return {
      status: 200,
      body: {
        draft: {
          id: '',
          title: '',
          kind: 'glossary',
          acronyms: [],
          aliases: [],
          questions: question ? [question] : [],
          tags: [],
          summary: '',
          source: '',
          authority: 'national',
          owner: '',
          review_by: reviewBy,
          status: 'current',
          related: [],
          body: '',
        },
      },
    };
  });

  handle('get', '/dashboard/api/content/entries/:id', async (_editor, req) => editing.show(id(req)));
  handle('post', '/dashboard/api/content/entries', async (editor, req) => editing.create(await editing.checkNew(bodyOf(req)), editor));
  handle('post', '/dashboard/api/content/entries/:id', async (editor, req) => editing.edit(id(req), bodyOf(req), editor));
  handle('post', '/dashboard/api/content/entries/:id/approve', async (editor, req) => editing.publish(id(req), bodyOf(req), editor));
  handle('get', '/dashboard/api/content/entries/:id/versions', async (_editor, req) => editing.versions(id(req)));
  handle('post', '/dashboard/api/content/entries/:id/versions/:version/restore', async (editor, req) =>
    editing.restore(id(req), Number(req.params.version), bodyOf(req), editor),
  );
  handle('post', '/dashboard/api/content/ask', async (_editor, req) => ask(bodyOf(req)));
}
