import { Request, Server } from 'restify';
import { DashboardAccess, DashboardViewer } from './dashboardAccess';
import { DashboardData } from './dashboardData';
import { dashboardJsonRoutes } from './dashboardJsonRoute';
import { BRIEFING_REFRESH_SECONDS, GAP_DAYS } from './dashboardPage';

/** A JSON answer: status and body. */
interface Answer {
  status: number;
  body: unknown;
}

type Handler = (viewer: DashboardViewer, req: Request) => Promise<Answer>;

const notFound = (what: string): Answer => ({ status: 404, body: { error: 'NotFound', message: what } });

/** Reads `?days=` for the gap report: a whole number of days from 1 to 3650, 90 when absent. */
export function gapDaysFrom(value: string | null): number | undefined {
  if (value === null || value === '') return GAP_DAYS;
  const days = Number(value);
  return Number.isInteger(days) && days >= 1 && days <= 3650 ? days : undefined;
}

/**
 * The dashboard's JSON routes under /dashboard/api. Every one checks on the server who is asking
 * (a comms user or admin, by Teams SSO or the browser session) before reading anything, so a 401
 * or 403 carries no data.
 */
export function registerDashboardApiRoutes(server: Server, deps: { access: DashboardAccess; data: DashboardData }): void {
  const { access, data } = deps;

  const json = dashboardJsonRoutes(server, access);
  const route = (path: string, handler: Handler) => json('get', path, handler);

  route('/dashboard/api/me', async (viewer) => ({ status: 200, body: { name: viewer.name, via: viewer.via, admin: viewer.admin } }));

  route('/dashboard/api/pulses', async (viewer) => ({ status: 200, body: { pulses: await data.pulses(viewer) } }));

  route('/dashboard/api/pulses/:id', async (viewer, req) => {
    const results = await data.pulse(viewer, req.params.id);
    return results ? { status: 200, body: results } : notFound(`There is no pulse ${JSON.stringify(String(req.params.id))} that you can see.`);
  });

  route('/dashboard/api/briefings', async () => ({ status: 200, body: { refreshSeconds: BRIEFING_REFRESH_SECONDS, briefings: await data.briefings() } }));

  route('/dashboard/api/gaps', async (_viewer, req) => {
    const days = gapDaysFrom(new URL(req.url ?? '/', 'http://localhost').searchParams.get('days'));
    if (days === undefined) return { status: 400, body: { error: 'BadRequest', message: '"days" must be a whole number from 1 to 3650' } };
    return { status: 200, body: await data.gaps(days) };
  });
}
