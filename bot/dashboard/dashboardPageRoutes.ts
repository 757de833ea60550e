import { IncomingMessage } from 'node:http';
import { DateTime } from 'luxon';
import { Request, Response, Server } from 'restify';
import { Config } from '../platform/config';
import { checkAdminToken } from '../platform/http/adminAuth';
import { clientAddress } from '../platform/http/clientAddress';
import { requestOrigin } from '../platform/http/requestOrigin';
import { StaticAssets } from '../platform/http/staticAssets';
import { dashboardPageHeaders } from './dashboardHeaders';
import { renderDashboardPage } from './dashboardPage';
import { DashboardSessions } from './dashboardSession';
import { DashboardTheme, themeFrom } from './dashboardTheme';
import { SignInAttempts } from './signInAttempts';
import { clearedSessionCookie, cookieValue, SESSION_COOKIE, sessionCookie } from './sessionCookie';
import { renderSignInPage, SignInProblem } from './signInPage';

/** Sign-in attempts the server takes per minute from one client address, so the admin token cannot be guessed quickly. */
const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

/** What the page routes need: settings, the session signer, the page's files and the clock. */
export interface DashboardPageDependencies {
  config: Pick<Config, 'botName' | 'version' | 'adminApiToken' | 'trustedProxyHops'>;
  sessions: DashboardSessions;
  assets: StaticAssets;
  now: () => DateTime;
}

function sendHtml(res: Response, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(html)) });
  res.end(html);
}

function redirect(res: Response, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { location, 'cache-control': 'no-store', ...headers });
  res.end();
}

/** A dashboard path carrying the chosen theme (nothing for the default) and any other parameters on to the next page. */
function pathWith(path: string, theme: DashboardTheme, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...(theme === 'default' ? {} : { theme }), ...extra }).toString();
  return query ? `${path}?${query}` : path;
}

/** A field of a form post (restify parses url-encoded bodies into an object). */
function formField(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/**
 * True unless a browser says the form post came from another site: by Sec-Fetch-Site when it sends
 * it, otherwise by Origin (which is "null" under the pages' no-referrer policy, so only a real
 * origin is compared). Clients that send neither, such as curl, are not browsers being tricked.
 */
function fromOwnPage(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = req.headers.origin;
  return origin === undefined || origin === 'null' || origin === requestOrigin(req).http;
}

/**
 * The dashboard page and its browser sign-in: `/dashboard` (the Teams tab with `?inTeams=1`, which
 * signs in with Teams SSO in the page; otherwise only with a valid session, else off to the
 * sign-in page), `/dashboard/sign-in` (the admin-token form, or why there is no way in), sign-out,
 * and the page's files.
 */
export function registerDashboardPageRoutes(server: Server, deps: DashboardPageDependencies): void {
  const { config, sessions, assets, now } = deps;
  const enabled = Boolean(config.adminApiToken);
  // Per address: a guesser elsewhere must not lock the administrator out.
  const attempts = new SignInAttempts(SIGN_IN_ATTEMPTS_PER_MINUTE, 60_000);
  const page = { botName: config.botName, version: config.version };

  const signInPage = (req: Request, res: Response, status: number, theme: DashboardTheme, problem?: SignInProblem, headers: Record<string, string> = {}) => {
    const nonce = dashboardPageHeaders(req, res, 'signIn');
    sendHtml(res, status, renderSignInPage({ ...page, nonce, theme, enabled, problem }), headers);
  };

  server.get('/dashboard', async (req: Request, res: Response) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const theme = themeFrom(query.get('theme'));
    const inTeams = query.get('inTeams') === '1';
    const session = cookieValue(req, SESSION_COOKIE);
    if (!inTeams && !(enabled && (await sessions.isValid(session)))) {
      const expired = enabled && session !== undefined && session !== '';
      redirect(res, pathWith('/dashboard/sign-in', theme, expired ? { expired: '1' } : {}));
      return;
    }
    const nonce = dashboardPageHeaders(req, res, inTeams ? 'teamsTab' : 'browser');
    sendHtml(res, 200, renderDashboardPage({ ...page, nonce, theme, inTeams }));
  });

  server.get('/dashboard/sign-in', async (req: Request, res: Response) => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const theme = themeFrom(query.get('theme'));
    if (enabled && (await sessions.isValid(cookieValue(req, SESSION_COOKIE)))) {
      redirect(res, pathWith('/dashboard', theme));
      return;
    }
    signInPage(req, res, 200, theme, query.get('expired') === '1' ? 'expired' : undefined);
  });

  server.post('/dashboard/sign-in', async (req: Request, res: Response) => {
    const theme = themeFrom(formField(req.body, 'theme'));
    if (!enabled) return signInPage(req, res, 404, theme);
    if (!fromOwnPage(req)) return signInPage(req, res, 403, theme);
    const verdict = attempts.take(clientAddress(req, config.trustedProxyHops), now().toMillis());
    if (!verdict.accepted) return signInPage(req, res, 429, theme, 'tooMany', { 'retry-after': String(verdict.retryAfterSeconds) });
    const token = formField(req.body, 'token').trim();
    if (!token) return signInPage(req, res, 400, theme, 'missing');
    if (checkAdminToken(config.adminApiToken, `Bearer ${token}`)) return signInPage(req, res, 401, theme, 'wrong');
    const session = await sessions.issue();
    const seconds = session.expiresAt.diff(now()).as('seconds');
    redirect(res, pathWith('/dashboard', theme), { 'set-cookie': sessionCookie(req, session.token, seconds) });
  });

  server.post('/dashboard/sign-out', async (req: Request, res: Response) => {
    const theme = themeFrom(formField(req.body, 'theme'));
    // Ends the session on the server, so a copy of the cookie no longer works anywhere.
    await sessions.revoke(cookieValue(req, SESSION_COOKIE));
    redirect(res, pathWith('/dashboard/sign-in', theme), { 'set-cookie': clearedSessionCookie(req) });
  });

  for (const assetPath of assets.paths) {
    server.get(assetPath, async (req: Request, res: Response) => assets.serve(assetPath, req, res));
  }
}
