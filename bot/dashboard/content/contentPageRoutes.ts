import path from 'node:path';
import { Request, Response, Server } from 'restify';
import { projectRoot } from '../../../knowledge/projectRoot';
import { Config } from '../../platform/config';
import { StaticAssets } from '../../platform/http/staticAssets';
import { dashboardPageHeaders } from '../dashboardHeaders';
import { ASSET_BASE } from '../dashboardLayout';
import { DashboardSessions } from '../dashboardSession';
import { themeFrom } from '../dashboardTheme';
import { cookieValue, SESSION_COOKIE } from '../sessionCookie';
import { renderContentPage } from './contentPage';

/** The Content page's own files: markdown-it (what Web Chat renders card Markdown with) and the page script; the Adaptive Cards renderer is one of the dashboard's assets. */
export function contentAssets(): StaticAssets {
  const root = projectRoot();
  const js = 'text/javascript; charset=utf-8';
  const modules = path.join(root, 'node_modules');
  return new StaticAssets({
    [`${ASSET_BASE}/markdown-it.min.js`]: { file: path.join(modules, 'markdown-it', 'dist', 'markdown-it.min.js'), contentType: js },
    [`${ASSET_BASE}/dashboardContent.js`]: { file: path.join(root, 'bot', 'dashboard', 'public', 'dashboardContent.js'), contentType: js },
  });
}

/**
 * `/dashboard/content`: the Content page, in a browser with a dashboard session (else off to the
 * sign-in page) or as a Teams tab with `?inTeams=1`, where the page signs in with Teams SSO. Who may
 * edit is decided by the content API on every request, not by this page.
 */
export function registerContentPageRoutes(
  server: Server,
  deps: { config: Pick<Config, 'botName' | 'version' | 'adminApiToken'>; sessions: DashboardSessions },
): void {
  const { config, sessions } = deps;
  const assets = contentAssets();
  server.get('/dashboard/content', async (req: Request, res: Response) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const theme = themeFrom(query.get('theme'));
    const inTeams = query.get('inTeams') === '1';
    if (!inTeams && !(config.adminApiToken && (await sessions.isValid(cookieValue(req, SESSION_COOKIE))))) {
      res.writeHead(303, { location: '/dashboard/sign-in', 'cache-control': 'no-store' });
      res.end();
      return;
    }
    const nonce = dashboardPageHeaders(req, res, inTeams ? 'teamsTab' : 'browser');
    const html = renderContentPage({ botName: config.botName, version: config.version, nonce, theme, inTeams });
    res.writeHead(200, { 'content-length': String(Buffer.byteLength(html)) });
    res.end(html);
  });
  for (const assetPath of assets.paths) server.get(assetPath, async (req: Request, res: Response) => assets.serve(assetPath, req, res));
}
