import path from 'node:path';
import { Request, Response, Server } from 'restify';
import { projectRoot } from '../../knowledge/projectRoot';
import { Config } from '../platform/config';
import { StaticAssets } from '../platform/http/staticAssets';
import { renderCataloguePage } from './cataloguePage';
import { dashboardPageHeaders } from './dashboardHeaders';
import { ASSET_BASE } from './dashboardLayout';
import { DashboardSessions } from './dashboardSession';
import { themeFrom } from './dashboardTheme';
import { cookieValue, SESSION_COOKIE } from './sessionCookie';

/**
 * `/dashboard/catalogue`: the Training catalogue page, in a browser with a dashboard session (else
 * off to the sign-in page) or as a Teams tab with `?inTeams=1`. Who may edit is decided by the
 * catalogue routes on every request, not by this page.
 */
export function registerCataloguePageRoutes(
  server: Server,
  deps: { config: Pick<Config, 'botName' | 'version' | 'adminApiToken'>; sessions: DashboardSessions },
): void {
  const { config, sessions } = deps;
  const script = `${ASSET_BASE}/dashboardCatalogue.js`;
  const assets = new StaticAssets({
    [script]: { file: path.join(projectRoot(), 'bot', 'dashboard', 'public', 'dashboardCatalogue.js'), contentType: 'text/javascript; charset=utf-8' },
  });
  server.get('/dashboard/catalogue', async (req: Request, res: Response) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const inTeams = query.get('inTeams') === '1';
    if (!inTeams && !(config.adminApiToken && (await sessions.isValid(cookieValue(req, SESSION_COOKIE))))) {
      res.writeHead(303, { location: '/dashboard/sign-in', 'cache-control': 'no-store' });
      res.end();
      return;
    }
    const nonce = dashboardPageHeaders(req, res, inTeams ? 'teamsTab' : 'browser');
    const html = renderCataloguePage({ botName: config.botName, version: config.version, nonce, theme: themeFrom(query.get('theme')), inTeams });
    res.writeHead(200, { 'content-length': String(Buffer.byteLength(html)) });
    res.end(html);
  });
  server.get(script, async (req: Request, res: Response) => assets.serve(script, req, res));
}
