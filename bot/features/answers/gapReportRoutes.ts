import { Request, Response, Server } from 'restify';
import { DateTime } from 'luxon';
import type { AdminGate } from '../../platform/http/adminGate';
import type { GapReport } from '../../platform/store/feedbackStore';

/** What the gap report route needs: the admin gate, the feedback it reports on, and the clock. */
export interface GapReportRouteDeps {
  admin: AdminGate;
  gaps: { gapReport(since: DateTime): Promise<GapReport> };
  now: () => DateTime;
}

/** The admin API's read-only report of the questions the bot could not answer, behind ADMIN_API_TOKEN. */
export function registerGapReportRoutes(server: Server, deps: GapReportRouteDeps): void {
  const { admin, gaps, now } = deps;
  server.get('/api/admin/gaps', async (req: Request, res: Response) => {
    if (!admin.allowed(req, res)) return;
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const days = Number(query.get('days') ?? 90);
    if (!Number.isInteger(days) || days <= 0 || days > 3650) {
      res.send(400, { error: 'BadRequest', message: '"days" must be a whole number from 1 to 3650' });
      return;
    }
    res.send(200, await gaps.gapReport(now().minus({ days })));
  });
}
