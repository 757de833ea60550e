import { Request, Response, Server } from 'restify';
import { DashboardAccess, DashboardViewer } from './dashboardAccess';
import { JSON_HEADERS } from './dashboardHeaders';
import { jsonFromOwnPage } from './ownPageRequest';

/** What a dashboard JSON handler answers. */
export interface DashboardAnswer {
  status: number;
  body: unknown;
}

/**
 * Returns a registrar for the dashboard's JSON routes, so every one of them sends the same headers,
 * refuses changes that are not JSON from the dashboard's own page, and checks who is asking before
 * its handler runs. `forbidden` replaces the generic 403 body where a page can say whom to ask.
 */
export function dashboardJsonRoutes(server: Server, access: DashboardAccess, forbidden?: { error: string; message: string }) {
  return (method: 'get' | 'post', path: string, handler: (viewer: DashboardViewer, req: Request) => Promise<DashboardAnswer>): void => {
    server[method](path, async (req: Request, res: Response) => {
      for (const [name, value] of Object.entries(JSON_HEADERS)) res.header(name, value);
      if (method === 'post' && !jsonFromOwnPage(req)) {
        res.send(403, { error: 'Forbidden', message: 'Changes are only accepted as JSON from the dashboard itself.' });
        return;
      }
      const checked = await access.check(req);
      if (!checked.ok) {
        if (checked.refusal.status === 401) res.header('www-authenticate', 'Bearer realm="dashboard"');
        res.send(checked.refusal.status, checked.refusal.status === 403 && forbidden ? forbidden : checked.refusal.body);
        return;
      }
      const answer = await handler(checked.viewer, req);
      res.send(answer.status, answer.body);
    });
  };
}
