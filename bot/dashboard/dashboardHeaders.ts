import { IncomingMessage, ServerResponse } from 'node:http';
import { pageSecurityHeaders } from '../platform/http/securityHeaders';

/**
 * The Teams and Microsoft 365 hosts that may show the dashboard as a tab, as Microsoft's tab
 * requirements list them (Teams, the cloud.microsoft domain it is moving to, Microsoft 365 and Outlook).
 */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

/**
 * Where Microsoft's Teams library fetches its up-to-date list of Teams host origins when it loads
 * (it falls back to the list built into it when it cannot), so the Teams tab may connect there.
 */
export const TEAMS_ORIGIN_LIST = 'https://res.cdn.office.net';

/** Which dashboard page the headers are for. */
export type DashboardPageKind = 'teamsTab' | 'browser' | 'signIn';

/** One helmet set-up per kind of page, built once: the kinds differ only in who may frame and whom the page may reach. */
const APPLIERS: Record<DashboardPageKind, ReturnType<typeof pageSecurityHeaders>> = {
  teamsTab: pageSecurityHeaders({ connectSources: [TEAMS_ORIGIN_LIST], frameAncestors: TEAMS_FRAME_ANCESTORS }),
  browser: pageSecurityHeaders({ connectSources: [], frameAncestors: TEAMS_FRAME_ANCESTORS }),
  signIn: pageSecurityHeaders({ connectSources: [], frameAncestors: [] }),
};

/**
 * Sets the headers of a dashboard page and returns its fresh nonce: the web chat page's strict
 * policy (scripts from this server with the nonce only) and hardening. The dashboard may be framed
 * by Teams; the sign-in page by nobody else, so a form asking for the admin token cannot be
 * overlaid on another site.
 */
export function dashboardPageHeaders(req: IncomingMessage, res: ServerResponse, kind: DashboardPageKind): string {
  const nonce = APPLIERS[kind](req, res);
  res.setHeader('content-type', 'text/html; charset=utf-8');
  return nonce;
}

/** Headers for the JSON routes: never cached (they carry results), never sniffed. */
export const JSON_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
